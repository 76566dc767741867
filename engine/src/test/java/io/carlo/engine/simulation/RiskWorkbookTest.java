package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.HostileFiles;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model written for @RISK runs unchanged: distributions and outputs declared in the cells. */
class RiskWorkbookTest {

    @TempDir
    Path dir;

    static Map<String, String> riskFormulas() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("A1", "RiskNormal(100,10,RiskName(\"Price\"))");
        f.put("A2", "RiskTriang(1,2,4)");
        f.put("A3", "RiskOutput(\"Revenue\")+A1*A2");
        f.put("A4", "RiskUniform(0,1,RiskStatic(0.25))");
        f.put("A5", "IF(A4>0.5,\"high\",\"low\")");
        f.put("A6", "RiskOutput()+A1+RiskNormal(0,1,RiskTruncate(-1,1))*B1");
        return f;
    }

    private Workbook workbook() {
        Path file = HostileFiles.write(dir, "risk.xlsx", HostileFiles.xlsxWithCells(Map.of("B1", 5.0), riskFormulas()));
        return new WorkbookLoader().load(file);
    }

    @Test
    void formulaEngineShowsStaticValues() {
        WorkbookEvaluator e = WorkbookEvaluator.of(workbook());
        e.evaluateAll();
        assertEquals(NumberValue.of(100), e.value(new CellAddress(0, 0, 0)));
        assertThat(((NumberValue) e.value(new CellAddress(0, 1, 0))).value()).isCloseTo(7.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
        assertEquals(NumberValue.of(0.25), e.value(new CellAddress(0, 3, 0)));
        assertThat(((NumberValue) e.value(new CellAddress(0, 2, 0))).value()).isCloseTo(700.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void declaredInputsAndOutputsAreSimulated() {
        WorkbookEvaluator base = WorkbookEvaluator.of(workbook());
        SimulationModel model = new ModelBuilder(base).build(11);
        assertEquals(4, model.inputs().size());
        assertThat(model.inputs().get(0).label()).isEqualTo("Price");
        assertThat(model.outputs()).extracting(OutputDefinition::label).containsExactly("Revenue", "Model!A6");
        assertThat(DeterministicCheck.run(model)).isEmpty();
        Simulator.Samples s = Simulator.run(model, SimulationSettings.of(20_000, 11, Sampling.LHS, 2), Simulator.Listener.NONE);
        double[] revenue = s.outputs()[0];
        double mean = java.util.Arrays.stream(revenue).average().orElseThrow();
        assertThat(mean).isCloseTo(700.0 / 3, org.assertj.core.data.Offset.offset(2.0));
        // the truncated normal inside A6 stays within [-1, 1]: A6 - A1 within [-5, 5]
        double[] a6 = s.outputs()[1];
        double[] price = s.inputs()[0];
        for (int i = 0; i < a6.length; i++) {
            assertThat(a6[i] - price[i]).isBetween(-5.0 - 1e-9, 5.0 + 1e-9);
        }
    }
}
