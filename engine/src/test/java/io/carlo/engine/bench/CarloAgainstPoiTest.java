package io.carlo.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.bench.PoiLoopBaseline.Recalculation;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Carlo's compiled Monte Carlo run and POI's recalculation loop draw the same inputs for the same seed
 * (the same counter-based streams and distributions), so every iteration's outputs must agree: the
 * benchmark compares two correct programs, and the plan is checked against an independent evaluator
 * away from the base case.
 */
class CarloAgainstPoiTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> models() {
        return Stream.of(
                Arguments.of(GeneratedModels.npvModel(dir.resolve("npv.xlsx")), 300),
                Arguments.of(GeneratedModels.portfolioModel(dir.resolve("portfolio.xlsx")), 4),
                Arguments.of(SharedModels.businessModel(), 200),
                Arguments.of(SharedModels.investmentReturns(), 200),
                Arguments.of(SharedModels.projectCosts(), 200),
                Arguments.of(SharedModels.simpleMonteCarlo(), 200),
                Arguments.of(SharedModels.productPortfolio(), 4),
                Arguments.of(SharedModels.startupPlan(), 3));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyIterationAgrees(BenchmarkModel model, int iterations) {
        SimulationModel carlo = SimulationBenchmark.compile(model, 9);
        Simulator.Samples samples = Simulator.run(carlo, SimulationSettings.of(iterations, 9, Sampling.MC, 2),
                Simulator.Listener.NONE);
        PoiLoopBaseline.Result poi = new PoiLoopBaseline(model, SimulationBenchmark.distributions(carlo))
                .run(iterations, 9, Recalculation.INCREMENTAL);

        List<String> differences = new ArrayList<>();
        for (int j = 0; j < model.outputs().size(); j++) {
            for (int i = 0; i < iterations; i++) {
                double c = samples.outputs()[j][i];
                double p = poi.outputs()[j][i];
                if (!SimulationBenchmark.agree(c, p)) {
                    differences.add(model.outputs().get(j) + " iteration " + i + ": Carlo " + c + ", POI " + p);
                }
            }
        }
        assertThat(differences).as(model.name()).isEmpty();
        // the inputs really vary: the first output is not the same in every iteration
        assertThat(java.util.Arrays.stream(samples.outputs()[0]).distinct().count()).isGreaterThan(1);
        assertEquals(iterations, poi.iterations());
    }
}
