package io.carlo.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.workbook.Workbook;
import org.junit.jupiter.api.Test;

/**
 * The vector kernels against the formula engine on the awkward cases: text, booleans, blanks and
 * errors inside ranges, error precedence, cancellation, IF on text, lookups, shared sub-expressions.
 * Every formula is evaluated both ways with the input at several values.
 */
class PlanKernelsTest {

    private static final String[][] FORMULAS = {
            {"C1", "=SUM(A1:A6,B1)"}, {"C2", "=AVERAGE(A1:A6)"}, {"C3", "=MIN(A1:A6,B1)"}, {"C4", "=MAX(A1:A6)"},
            {"C5", "=SUM(A1:A7)"}, {"C6", "=AVERAGE(A2:A3)"}, {"C7", "=B1-B1*1+0.1-0.1"}, {"C8", "=IF(A2,1,2)"},
            {"C9", "=IF(B1>5,\"big\",B1)"}, {"C10", "=IFERROR(1/(B1-B1),-1)"}, {"C11", "=(1+B1/100)^3"},
            {"C12", "=(1+B1/100)^3*2"}, {"C13", "=VLOOKUP(B1,E1:F4,2)"}, {"C14", "=VLOOKUP(B1,E1:F4,2,FALSE)"},
            {"C15", "=ROUND(B1/3,2)+ROUNDUP(B1,0)-ROUNDDOWN(B1,-1)"}, {"C16", "=B1=A1"}, {"C17", "=NPV(0.1,B1,A1:A3)"},
            {"C18", "=IRR(G1:G4)"}, {"C19", "=SUM(C1:C4)*B1"}, {"C20", "=\"x\"&B1"}, {"C21", "=-B1%"},
            {"C22", "=MAX(B1,A7)"}, {"C23", "=IF(A3,B1,\"no\")"}, {"C24", "=NORM.DIST(B1,5,2,TRUE)"}};

    private static Workbook workbook() {
        TestWorkbooks t = new TestWorkbooks()
                .set("S", "A1", "4").set("S", "A2", "\"text\"").set("S", "A3", "TRUE").set("S", "A5", "2.5")
                .set("S", "A6", "-1").set("S", "A7", "#N/A").set("S", "B1", "5")
                .set("S", "E1", "0").set("S", "F1", "\"low\"").set("S", "E2", "3").set("S", "F2", "\"mid\"")
                .set("S", "E3", "5").set("S", "F3", "\"high\"").set("S", "E4", "8").set("S", "F4", "\"top\"")
                .set("S", "G1", "-100").set("S", "G2", "=B1*10").set("S", "G3", "40").set("S", "G4", "50");
        for (String[] f : FORMULAS) {
            t.set("S", f[0], f[1]);
        }
        return t.build();
    }

    @Test
    void kernelsComputeWhatTheFormulaEngineComputes() {
        for (String value : new String[] {"0", "3", "5", "7.25", "-2", "8", "1E-300"}) {
            Workbook wb = workbook();
            WorkbookEvaluator base = WorkbookEvaluator.of(wb);
            ModelBuilder b = new ModelBuilder(base).input("S!B1=Uniform(" + value + "," + value + "+1)");
            for (String[] f : FORMULAS) {
                b.output("S!" + f[0]);
            }
            SimulationModel model = b.build(1);
            assertThat(DeterministicCheck.run(model)).as("B1 = " + value).isEmpty();
        }
    }

    @Test
    void simulatedLanesMatchAScalarRecalculation() {
        WorkbookEvaluator base = WorkbookEvaluator.of(workbook());
        ModelBuilder b = new ModelBuilder(base).input("S!B1=Uniform(-3,10)");
        for (String[] f : FORMULAS) {
            b.output("S!" + f[0]);
        }
        SimulationModel model = b.build(3);
        Simulator.Samples s = Simulator.run(model, SimulationSettings.of(300, 3, Sampling.MC, 2), Simulator.Listener.NONE);
        for (int i = 0; i < 300; i += 37) {
            double x = s.inputs()[0][i];
            TestWorkbooks t = new TestWorkbooks();
            Workbook wb = workbook();
            // recompute the workbook with B1 fixed at this iteration's draw
            for (var sheet : wb.sheets()) {
                for (var cell : sheet.cells()) {
                    String a1 = io.carlo.engine.workbook.CellAddress.a1(cell.row(), cell.col());
                    String text = cell.isFormula() ? "=" + cell.formula().text()
                            : io.carlo.engine.testing.Literals.format(cell.value());
                    t.set("S", a1, a1.equals("B1") ? Double.toString(x) : text);
                }
            }
            WorkbookEvaluator scalar = WorkbookEvaluator.of(t.build());
            for (int j = 0; j < FORMULAS.length; j++) {
                var addr = new org.apache.poi.ss.util.CellReference(FORMULAS[j][0]);
                var v = scalar.value(0, addr.getRow(), addr.getCol());
                double expected = v instanceof io.carlo.engine.value.NumberValue n ? n.value()
                        : v instanceof io.carlo.engine.value.BooleanValue bv ? (bv.value() ? 1 : 0) : Double.NaN;
                double actual = s.outputs()[j][i];
                if (Double.isNaN(expected)) {
                    assertThat(actual).as(FORMULAS[j][1] + " at B1=" + x).isNaN();
                } else {
                    assertEquals(expected, actual, 0.0, FORMULAS[j][1] + " at B1=" + x);
                }
            }
        }
    }
}
