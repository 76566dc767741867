package io.carlo.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.simulation.DeterministicCheck;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The plan's order and column recycling on a small product model laid out as spreadsheets are
 * (volumes of every product, then prices, then revenues, then a summary on another sheet): the plan
 * evaluates it depth first and recycles columns after their last reader, and must still compute
 * what the formula engine computes, keep the outputs, and not depend on threads or block sizes.
 */
class PlanScheduleTest {

    private static final int PRODUCTS = 6;
    private static final int YEARS = 5;
    private static final List<String> OUTPUTS = List.of("Sum!A10", "Sum!C1", "P!D3");

    /** Inputs In!B1 (growth) and In!B2 (price level); {@code extra} adds or replaces cells. */
    private static Map<String, String> cells(double growth, double level, Map<String, String> extra) {
        Map<String, String> c = new TreeMap<>();
        c.put("In!B1", Double.toString(growth));
        c.put("In!B2", Double.toString(level));
        for (int p = 0; p < PRODUCTS; p++) {
            c.put("In!A" + (5 + p), "\"P" + p + "\"");
            c.put("In!B" + (5 + p), Integer.toString(1000 + 1500 * p));
            c.put("In!C" + (5 + p), Double.toString(0.01 * (p - 2)));
        }
        String[][] tiers = {{"0", "0"}, {"2000", "0.02"}, {"5000", "0.05"}, {"9000", "0.08"}};
        for (int i = 0; i < tiers.length; i++) {
            c.put("In!E" + (5 + i), tiers[i][0]);
            c.put("In!F" + (5 + i), tiers[i][1]);
        }
        for (int p = 0; p < PRODUCTS; p++) {
            int volume = 2 + p;
            int price = 2 + PRODUCTS + p;
            int revenue = 2 + 2 * PRODUCTS + p;
            c.put("P!A" + volume, "\"P" + p + "\"");
            for (int y = 1; y <= YEARS; y++) {
                String col = String.valueOf((char) ('A' + y));
                String prev = String.valueOf((char) ('A' + y - 1));
                c.put("P!" + col + volume, y == 1 ? "=VLOOKUP($A" + volume + ",In!$A$5:$C$10,2,FALSE)*In!$B$2"
                        : "=MAX(0," + prev + volume + "*(1+In!$B$1+VLOOKUP($A" + volume + ",In!$A$5:$C$10,3,FALSE)))");
                c.put("P!" + col + price, "=10*In!$B$2*(1-VLOOKUP(" + col + volume + ",In!$E$5:$F$8,2))");
                c.put("P!" + col + revenue, "=" + col + volume + "*" + col + price);
            }
        }
        for (int y = 1; y <= YEARS; y++) {
            String col = String.valueOf((char) ('A' + y));
            int first = 2 + 2 * PRODUCTS;
            c.put("Sum!" + col + "2", "=SUM(P!" + col + first + ":" + col + (first + PRODUCTS - 1) + ")");
            c.put("Sum!" + col + "3", "=" + col + "2/(1+In!$B$1)^" + y);
        }
        c.put("Sum!A10", "=SUM(B3:F3)");
        c.put("Sum!C1", "=MAX(P!B2:F7)-MIN(P!B2:F7)");
        c.putAll(extra);
        return c;
    }

    private static WorkbookEvaluator workbook(Map<String, String> cells) {
        TestWorkbooks t = new TestWorkbooks().sheet("In").sheet("P").sheet("Sum");
        cells.forEach((ref, text) -> {
            String[] parts = ref.split("!");
            t.set(parts[0], parts[1], text);
        });
        return WorkbookEvaluator.of(t.build());
    }

    private static SimulationModel model(Map<String, String> extra) {
        ModelBuilder b = new ModelBuilder(workbook(cells(0.05, 1, extra)))
                .input("In!B1=Uniform(-0.2,0.3)").input("In!B2=Triangular(0.5,1,3)");
        OUTPUTS.forEach(b::output);
        return b.build(11);
    }

    @Test
    void recycledColumnsLeaveTheOutputsEqualToTheFormulaEngine() {
        SimulationModel model = model(Map.of());
        Plan plan = model.plan();
        assertThat(plan.recyclesCells()).isTrue();
        assertThat(plan.liveColumns()).as("columns alive at once").isLessThan(plan.cells().size() / 2);
        assertThat(DeterministicCheck.run(model)).isEmpty();

        double[][] lanes = {{-0.2, 0.5}, {0.3, 3}, {0, 1}, {0.05, 2.2}, {-0.1, 0.7}, {0.25, 2.9}, {0.1, 1.3}};
        int[] outputs = model.outputs().stream().mapToInt(o -> plan.indexOf(o.cell())).toArray();
        BlockState state = plan.newState(8, outputs);
        plan.evaluate(state, 0, lanes.length, samples(model, lanes));
        // non-output cells gave their columns back during the block
        int recycled = 0;
        for (int i = 0; i < plan.cells().size(); i++) {
            if (state.cell(i) == null) {
                recycled++;
            }
        }
        assertThat(recycled).isGreaterThan(plan.cells().size() / 2);
        for (int lane = 0; lane < lanes.length; lane++) {
            WorkbookEvaluator scalar = workbook(cells(lanes[lane][0], lanes[lane][1], Map.of()));
            for (int j = 0; j < outputs.length; j++) {
                CellAddress a = model.outputs().get(j).cell();
                Scalar expected = scalar.value(a);
                assertThat(state.cell(outputs[j]).scalar(lane)).as("%s lane %d", OUTPUTS.get(j), lane).isEqualTo(expected);
            }
        }
    }

    @Test
    void aFormulaThatMayReadAnyCellKeepsTheWorkbooksOrderAndEveryColumn() {
        // INDIRECT goes to the interpreter, which may read any cell: nothing is recycled
        SimulationModel model = model(Map.of("Sum!C1", "=INDIRECT(\"P!D3\")*2+MAX(P!B2:F7)"));
        Plan plan = model.plan();
        assertThat(plan.recyclesCells()).isFalse();
        assertThat(plan.liveColumns()).isGreaterThanOrEqualTo(plan.cells().size());
        int[] outputs = model.outputs().stream().mapToInt(o -> plan.indexOf(o.cell())).toArray();
        BlockState state = plan.newState(4, outputs);
        double[][] lanes = {{0.1, 1.5}, {-0.15, 2.5}};
        plan.evaluate(state, 0, lanes.length, samples(model, lanes));
        for (int i = 0; i < plan.cells().size(); i++) {
            assertThat(state.cell(i)).as("cell %d keeps its column", i).isNotNull();
        }
        for (int lane = 0; lane < lanes.length; lane++) {
            WorkbookEvaluator scalar = workbook(cells(lanes[lane][0], lanes[lane][1],
                    Map.of("Sum!C1", "=INDIRECT(\"P!D3\")*2+MAX(P!B2:F7)")));
            for (int i = 0; i < plan.cells().size(); i++) {
                assertThat(state.cell(i).scalar(lane)).isEqualTo(scalar.value(plan.cells().get(i)));
            }
        }
    }

    @Test
    void samplesDoNotDependOnThreadsBlockSizeOrSlices() {
        SimulationModel model = model(Map.of());
        double[][] reference = run(model, 1, 1024);
        for (int[] setting : new int[][] {{2, 100}, {2, 7}, {3, 1}, {1, 4096}}) {
            double[][] other = run(model, setting[0], setting[1]);
            for (int j = 0; j < reference.length; j++) {
                assertArrayEquals(reference[j], other[j], Arrays.toString(setting));
            }
        }
        assertThat(Arrays.stream(reference[0]).distinct().count()).isGreaterThan(1900);
    }

    @Test
    void aPlanWithManyColumnsAliveRunsInNarrowerSlices() {
        Plan plan = model(Map.of()).plan();
        assertThat(plan.lanes(1024)).as("a few dozen columns fit at full width").isEqualTo(1024);
        assertThat(plan.lanes(100)).isEqualTo(100);
        // without recycling every cell's column is alive: ~100 columns of 1,024 lanes would not fit
        Plan wide = model(Map.of("Sum!C1", "=INDIRECT(\"P!D3\")")).plan();
        int lanes = wide.lanes(1024);
        assertThat(lanes).isBetween(256, 512);
        assertThat(Integer.bitCount(lanes)).isOne();
        assertThat(8L * lanes * wide.liveColumns()).isLessThanOrEqualTo(512 * 1024);
    }

    private static double[][] run(SimulationModel model, int threads, int block) {
        return Simulator.run(model, new SimulationSettings(2000, 5, Sampling.MC, threads, block,
                StatisticsOptions.DEFAULT, 0), Simulator.Listener.NONE).outputs();
    }

    private static double[][] samples(SimulationModel model, double[][] lanes) {
        double[][] samples = new double[model.inputs().size()][lanes.length];
        for (int k = 0; k < samples.length; k++) {
            int input = model.inputs().get(k).cell().row(); // In!B1, In!B2: rows 0 and 1
            for (int lane = 0; lane < lanes.length; lane++) {
                samples[k][lane] = lanes[lane][input];
            }
        }
        return samples;
    }
}
