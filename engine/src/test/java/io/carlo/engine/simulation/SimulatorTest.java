package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.workbook.WorkbookLoader;
import org.junit.jupiter.api.Test;

class SimulatorTest {

    private static SimulationModel startup(long seed) {
        WorkbookEvaluator base = WorkbookEvaluator.of(new WorkbookLoader().load(TestWorkbooks.shared("startup-36-month-plan.xlsx")));
        return new ModelBuilder(base)
                .input("'WIZEMICE Likest'!F4=Triangular(0.05,0.10,0.15)")
                .input("'WIZEMICE Likest'!F5=Triangular(0.12,0.15,0.20)")
                .input("'WIZEMICE Likest'!F6=Triangular(0.05,0.08,0.10)")
                .input("'WIZEMICE Likest'!F7=Triangular(0.02,0.03,0.05)")
                .input("'WIZEMICE Likest'!F8=Triangular(30,40,100)")
                .output("'WIZEMICE Likest'!B12")
                .output("'WIZEMICE Likest'!B13")
                .output("'WIZEMICE Likest'!B9")
                .build(seed);
    }

    @Test
    void planAtBaseValuesEqualsTheFormulaEngine() {
        SimulationModel model = startup(1);
        assertThat(model.plan().cells().size()).isGreaterThan(1000);
        assertThat(DeterministicCheck.run(model)).isEmpty();
    }

    @Test
    void planIntersectsRangesOfOtherSheetsAsTheFormulaEngineDoes() {
        // Model!B2 reads Data!A2 by implicit intersection with its row, Model!C1 Data!C1 with its column
        WorkbookEvaluator base = WorkbookEvaluator.of(new TestWorkbooks()
                .set("Data", "A1", "1").set("Data", "A2", "20").set("Data", "A3", "3")
                .set("Data", "B1", "5").set("Data", "C1", "7")
                .set("Model", "B2", "=Data!A1:A3*2")
                .set("Model", "C1", "=Data!A1:C1+Data!A2")
                .build());
        SimulationModel model = new ModelBuilder(base)
                .input("Data!A2=Uniform(10,30)")
                .output("Model!B2")
                .output("Model!C1")
                .build(3);
        assertEquals(40.0, ((io.carlo.engine.value.NumberValue) base.value(1, 1, 1)).value());
        assertThat(DeterministicCheck.run(model)).isEmpty();
    }

    @Test
    void samplesDoNotDependOnThreadsOrBlockSize() {
        SimulationModel model = startup(7);
        Simulator.Samples one = Simulator.run(model, new SimulationSettings(3000, 7, Sampling.MC, 1, 1024,
                io.carlo.engine.stats.StatisticsOptions.DEFAULT, 0), Simulator.Listener.NONE);
        Simulator.Samples two = Simulator.run(model, new SimulationSettings(3000, 7, Sampling.MC, 2, 100,
                io.carlo.engine.stats.StatisticsOptions.DEFAULT, 0), Simulator.Listener.NONE);
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(one.outputs()[j], two.outputs()[j]);
        }
        for (int k = 0; k < 5; k++) {
            assertArrayEquals(one.inputs()[k], two.inputs()[k]);
        }
        // the NPV varies with the inputs
        double[] npv = one.outputs()[0];
        assertThat(java.util.Arrays.stream(npv).distinct().count()).isGreaterThan(2900);
    }

    @Test
    void latinHypercubePutsOneDrawInEachStratum() {
        SimulationModel model = startup(3);
        int n = 1000;
        Simulator.Samples s = Simulator.run(model, SimulationSettings.of(n, 3, Sampling.LHS, 2), Simulator.Listener.NONE);
        double[] f8 = s.inputs()[4];
        boolean[] seen = new boolean[n];
        for (double x : f8) {
            double u = model.inputs().get(4).distribution().cdf(x);
            int stratum = (int) Math.min(n - 1, Math.floor(u * n));
            seen[stratum] = true;
        }
        for (boolean b : seen) {
            assertEquals(true, b);
        }
    }

    @Test
    void differentSeedsGiveDifferentRuns() {
        SimulationModel model = startup(1);
        double[] a = Simulator.run(model, SimulationSettings.of(100, 1, Sampling.MC, 1), Simulator.Listener.NONE).outputs()[0];
        double[] b = Simulator.run(model, SimulationSettings.of(100, 2, Sampling.MC, 1), Simulator.Listener.NONE).outputs()[0];
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    void badSpecsNameWhatIsWrong() {
        WorkbookEvaluator base = WorkbookEvaluator.of(new WorkbookLoader().load(TestWorkbooks.shared("simple-monte-carlo.xlsx")));
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelBuilder(base).input("Nope!B2=Uniform(1,2)").output("B7").build(1));
        assertThat(e.getMessage()).contains("no such sheet").contains("Monte Carlo Test");
        e = assertThrows(ModelException.class,
                () -> new ModelBuilder(base).input("B2").output("B7").build(1));
        assertThat(e.getMessage()).contains("expected CELL=Distribution");
        e = assertThrows(ModelException.class,
                () -> new ModelBuilder(base).input("B2=Uniform(1,2)").build(1));
        assertThat(e.getMessage()).contains("no outputs");
        e = assertThrows(ModelException.class,
                () -> new ModelBuilder(base).input("B2=Bogus(1,2)").output("B7").build(1));
        assertThat(e.getMessage()).contains("'Monte Carlo Test'!B2").contains("unknown distribution");
    }
}
