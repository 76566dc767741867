package io.carlo.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.bench.PoiLoopBaseline.Recalculation;
import io.carlo.engine.bench.PoiLoopBaseline.Result;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PoiLoopBaselineTest {

    @TempDir
    Path dir;

    @Test
    void inputsHeldAtTheirBaseValuesReproduceTheCachedOutputs() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        // distributions that always draw the value the workbook already holds
        List<Distribution> base = List.of(constant(0.08), constant(50), constant(28), constant(150_000), constant(0.10));
        Result r = new PoiLoopBaseline(model, base).run(3, 1, Recalculation.OUTPUTS_ONLY);

        Workbook wb = new WorkbookLoader().load(model.file());
        assertEquals(cached(wb, "NPV!B24"), r.outputMeans()[0], 1e-6);
        assertEquals(cached(wb, "NPV!B26"), r.outputMeans()[1], 1e-12);
        assertArrayEquals(new long[] {0, 0}, r.outputErrors());
    }

    @Test
    void randomInputsMoveTheOutputsAndASeedRepeatsTheRun() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        PoiLoopBaseline loop = baseline(model);
        Result a = loop.run(200, 11, Recalculation.OUTPUTS_ONLY);
        Result b = loop.run(200, 11, Recalculation.OUTPUTS_ONLY);
        Result c = loop.run(200, 12, Recalculation.OUTPUTS_ONLY);

        assertEquals(200, a.iterations());
        assertArrayEquals(a.outputMeans(), b.outputMeans());
        assertThat(c.outputMeans()[0]).isNotEqualTo(a.outputMeans()[0]);
        double baseNpv = cached(new WorkbookLoader().load(model.file()), "NPV!B24");
        assertThat(a.outputMeans()[0]).isNotEqualTo(baseNpv).isCloseTo(baseNpv, org.assertj.core.data.Percentage.withPercentage(50));
        assertThat(a.iterationsPerSecond()).isPositive();
    }

    @Test
    void everyRecalculationModeGivesTheSameOutputs() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        PoiLoopBaseline loop = baseline(model);
        Result outputs = loop.run(50, 5, Recalculation.OUTPUTS_ONLY);
        Result whole = loop.run(50, 5, Recalculation.WHOLE_WORKBOOK);
        Result incremental = loop.run(50, 5, Recalculation.INCREMENTAL);
        assertArrayEquals(outputs.outputMeans(), whole.outputMeans());
        assertArrayEquals(outputs.outputMeans(), incremental.outputMeans());
    }

    @Test
    void aTimeBudgetStopsTheLoopButRunsAtLeastOneIteration() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        Result r = baseline(model)
                .run(1_000_000, Duration.ZERO, 1, Recalculation.OUTPUTS_ONLY);
        assertEquals(1, r.iterations());
    }

    static List<BenchmarkModel> sharedModels() {
        return SharedModels.all();
    }

    /** The README's input cells hold numbers and its output cells hold formulas POI can evaluate. */
    @ParameterizedTest
    @MethodSource("sharedModels")
    void sharedWorkbooksRunInPoi(BenchmarkModel model) {
        Workbook wb = new WorkbookLoader().load(model.file());
        for (BenchmarkInput in : model.inputs()) {
            Cell c = cell(wb, in.cell());
            assertThat(c.isFormula()).as(in.cell()).isFalse();
            assertThat(c.value()).as(in.cell()).isInstanceOf(io.carlo.engine.value.NumberValue.class);
        }
        for (String out : model.outputs()) {
            assertThat(cell(wb, out).isFormula()).as(out).isTrue();
        }
        Result r = baseline(model).run(5, 3, Recalculation.OUTPUTS_ONLY);
        assertThat(r.outputErrors()).as(model.name()).containsOnly(0L);
    }

    @Test
    void badArgumentsAreNamed() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        assertThatThrownBy(() -> new PoiLoopBaseline(model, List.of(constant(1))))
                .hasMessageContaining("5 inputs but 1 distributions");
        assertThatThrownBy(() -> baseline(model).run(0, 1, Recalculation.INCREMENTAL))
                .hasMessageContaining("iterations must be between 1 and");
    }

    private static PoiLoopBaseline baseline(BenchmarkModel model) {
        return new PoiLoopBaseline(model, SimulationBenchmark.distributions(SimulationBenchmark.compile(model, 1)));
    }

    /** Always draws {@code v}. */
    private static Distribution constant(double v) {
        return new Distribution() {
            public String describe() {
                return "Constant(" + v + ")";
            }

            public double inverseCdf(double p) {
                return v;
            }

            public double cdf(double x) {
                return x < v ? 0 : 1;
            }

            public double mean() {
                return v;
            }

            public double lower() {
                return v;
            }

            public double upper() {
                return v;
            }

            public boolean isDiscrete() {
                return false;
            }
        };
    }

    private static Cell cell(Workbook wb, String reference) {
        CellReference ref = new CellReference(reference);
        return wb.cell(wb.sheetIndex(ref.getSheetName()), ref.getRow(), ref.getCol());
    }

    private static double cached(Workbook wb, String reference) {
        return ((io.carlo.engine.value.NumberValue) cell(wb, reference).value()).value();
    }
}
