package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.workbook.Workbook;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RAND() and RANDBETWEEN in a workbook are fed from the run's seeded streams, one per cell. */
class RandFunctionsTest {

    @Test
    void randCellsDrawIndependentReproducibleUniforms() {
        Workbook wb = new TestWorkbooks()
                .set("S", "A1", "=RAND()").set("S", "A2", "=RAND()").set("S", "A3", "=A1+A2")
                .set("S", "A4", "=RANDBETWEEN(1,6)").set("S", "A5", "=RANDBETWEEN(1,6)")
                .build();
        SimulationModel model = new ModelBuilder(WorkbookEvaluator.of(wb))
                .output("S!A1").output("S!A2").output("S!A3").output("S!A4").output("S!A5").build(5);
        Simulator.Samples one = Simulator.run(model, SimulationSettings.of(20_000, 5, Sampling.MC, 2), Simulator.Listener.NONE);
        double[] a1 = one.outputs()[0];
        double[] a2 = one.outputs()[1];
        assertThat(Arrays.stream(a1).allMatch(x -> x >= 0 && x < 1)).isTrue();
        assertThat(Arrays.stream(one.outputs()[2]).average().orElseThrow()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        int same = 0;
        for (int i = 0; i < a1.length; i++) {
            if (a1[i] == a2[i]) {
                same++;
            }
        }
        assertThat(same).isZero();
        assertThat(Arrays.stream(one.outputs()[3]).allMatch(x -> x >= 1 && x <= 6 && x == Math.rint(x))).isTrue();
        assertThat(one.outputs()[3]).isNotEqualTo(one.outputs()[4]);
        Simulator.Samples again = Simulator.run(model, SimulationSettings.of(20_000, 5, Sampling.MC, 1), Simulator.Listener.NONE);
        assertThat(again.outputs()[2]).isEqualTo(one.outputs()[2]);
    }
}
