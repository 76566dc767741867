package io.carlo.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.bench.PoiLoopBaseline.Recalculation;
import io.carlo.engine.bench.PoiLoopBaseline.Result;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
        // a distribution that always draws the value the workbook already holds
        Map<String, Double> base = Map.of("NPV!B3", 0.08, "NPV!B4", 50.0, "NPV!B5", 28.0, "NPV!B6", 150_000.0,
                "NPV!B7", 0.10);
        BenchmarkModel pinned = new BenchmarkModel(model.name(), model.file(),
                model.inputs().stream().map(i -> new BenchmarkInput(i.cell(), "Uniform(" + base.get(i.cell()) + ", "
                        + base.get(i.cell()) + ")")).toList(), model.outputs());
        Result r = new PoiLoopBaseline(pinned, PoiLoopBaselineTest::constant).run(3, 1, Recalculation.OUTPUTS_ONLY);

        Workbook wb = new WorkbookLoader().load(model.file());
        assertEquals(cached(wb, "NPV!B24"), r.outputMeans()[0], 1e-6);
        assertEquals(cached(wb, "NPV!B26"), r.outputMeans()[1], 1e-12);
        assertArrayEquals(new long[] {0, 0}, r.outputErrors());
    }

    @Test
    void randomInputsMoveTheOutputsAndASeedRepeatsTheRun() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        PoiLoopBaseline loop = new PoiLoopBaseline(model, BenchmarkDistributions::parse);
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
        PoiLoopBaseline loop = new PoiLoopBaseline(model, BenchmarkDistributions::parse);
        Result outputs = loop.run(50, 5, Recalculation.OUTPUTS_ONLY);
        Result whole = loop.run(50, 5, Recalculation.WHOLE_WORKBOOK);
        Result incremental = loop.run(50, 5, Recalculation.INCREMENTAL);
        assertArrayEquals(outputs.outputMeans(), whole.outputMeans());
        assertArrayEquals(outputs.outputMeans(), incremental.outputMeans());
    }

    @Test
    void aTimeBudgetStopsTheLoopButRunsAtLeastOneIteration() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        Result r = new PoiLoopBaseline(model, BenchmarkDistributions::parse)
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
        Result r = new PoiLoopBaseline(model, BenchmarkDistributions::parse).run(5, 3, Recalculation.OUTPUTS_ONLY);
        assertThat(r.outputErrors()).as(model.name()).containsOnly(0L);
    }

    @Test
    void unknownDistributionIsNamed() {
        assertThatThrownBy(() -> BenchmarkDistributions.parse("Weibull(1, 2)"))
                .isInstanceOf(DistributionException.class).hasMessageContaining("Weibull");
        assertThatThrownBy(() -> BenchmarkDistributions.parse("Normal(1)"))
                .hasMessageContaining("parameter 2");
        assertEquals(20.0, BenchmarkDistributions.parse("LogNormal(20, 3)").mean(), 1e-9);
        assertEquals(0.35, BenchmarkDistributions.parse("Triangular(0.30, 0.35, 0.40)").inverseCdf(0.5), 1e-12);
    }

    /** {@code Uniform(v, v)} read as the constant v (Commons Statistics rejects an empty interval). */
    private static Distribution constant(String text) {
        double v = Double.parseDouble(text.substring(text.indexOf('(') + 1, text.indexOf(',')));
        return new Distribution() {
            public String describe() {
                return text;
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
