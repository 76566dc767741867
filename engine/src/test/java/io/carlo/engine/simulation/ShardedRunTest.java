package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.workbook.WorkbookLoader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A run split into shards (iteration ranges run separately, anywhere) and joined gives the whole
 * run's samples and statistics bit for bit, whatever the sampling, the correlation method, the
 * shard sizes and the threads of each shard.
 */
class ShardedRunTest {

    private static final int N = 4_000;
    private static final String SHEET = "'WIZEMICE Likest'!";

    private static SimulationModel model(String correlationMethod) {
        WorkbookEvaluator base = WorkbookEvaluator.of(new WorkbookLoader().load(
                TestWorkbooks.shared("startup-36-month-plan.xlsx")));
        ModelBuilder builder = new ModelBuilder(base)
                .input(SHEET + "F4=Triangular(0.05,0.10,0.15)")
                .input(SHEET + "F5=Triangular(0.12,0.15,0.20)")
                .input(SHEET + "F8=Triangular(30,40,100)")
                .output(SHEET + "B12")
                .output(SHEET + "B9");
        if (correlationMethod != null) {
            builder.correlate(SHEET + "F4," + SHEET + "F5=0.7").correlationMethod(correlationMethod);
        }
        return builder.build(5);
    }

    private static SimulationSettings settings(Sampling sampling, int threads, int block) {
        return new SimulationSettings(N, 5, sampling, threads, block, StatisticsOptions.DEFAULT, 0);
    }

    @ParameterizedTest
    @CsvSource({"MC,", "LHS,", "SOBOL,", "LHS,iman-conover", "MC,gaussian", "LHS,t:4"})
    void shardsJoinIntoTheWholeRun(Sampling sampling, String correlation) {
        SimulationModel model = model(correlation);
        Simulator.Samples whole = Simulator.run(model, settings(sampling, 2, 256), Simulator.Listener.NONE);

        // uneven shards, each with its own threads and block size, run out of order
        long[][] ranges = {{2_500, 1_500}, {0, 1}, {1, 999}, {1_000, 1_500}};
        List<Simulator.Samples> parts = java.util.Arrays.asList(new Simulator.Samples[4]);
        int[] order = {0, 2, 3, 1};
        for (int k : order) {
            parts.set(k, Simulator.run(model, settings(sampling, 1 + k % 2, 100 + 37 * k), ranges[k][0], ranges[k][1],
                    Simulator.Listener.NONE));
        }
        List<Simulator.Samples> inOrder = List.of(parts.get(1), parts.get(2), parts.get(3), parts.get(0));
        Simulator.Samples joined = Simulator.Samples.concat(inOrder);

        assertThat(joined.iterations()).isEqualTo(N);
        for (int k = 0; k < whole.inputs().length; k++) {
            assertThat(joined.inputs()[k]).as("input %d", k).isEqualTo(whole.inputs()[k]);
        }
        for (int j = 0; j < whole.outputs().length; j++) {
            assertThat(joined.outputs()[j]).as("output %d", j).isEqualTo(whole.outputs()[j]);
        }
        SimulationResult a = ResultBuilder.build("m", model, settings(sampling, 2, 256), whole, 0, 0);
        SimulationResult b = ResultBuilder.build("m", model, settings(sampling, 2, 256), joined, 0, 0);
        // exact equality, NaN equal to NaN (Double.equals), not AssertJ's default tolerance
        assertThat(b.outputs()).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class)
                .isEqualTo(a.outputs());
        assertThat(b.inputs()).usingRecursiveComparison().withEqualsForType(Double::equals, Double.class)
                .isEqualTo(a.inputs());
    }

    @Test
    void aShardOutsideTheRunOrOfAnAutoStoppingRunIsRefused() {
        SimulationModel model = model(null);
        assertThatThrownBy(() -> Simulator.run(model, settings(Sampling.MC, 1, 100), 3_000, 2_000, Simulator.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside");
        SimulationSettings autoStop = new SimulationSettings(N, 5, Sampling.MC, 1, 100, StatisticsOptions.DEFAULT, 0.01);
        assertThatThrownBy(() -> Simulator.run(model, autoStop, 0, 1_000, Simulator.Listener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("shards");
    }
}
