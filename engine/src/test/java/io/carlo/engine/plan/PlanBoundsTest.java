package io.carlo.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The kernels that skip a check when their operands' bounds prove it cannot fire (overflow,
 * cancellation to a few ulps, a zero divisor, errors in MIN/MAX/IF/lookups), against the formula
 * engine, on blocks whose lanes sit at the edges: some lanes overflow and others not, keys below the
 * first entry of a table or exactly on an entry, errors in some lanes only, blocks so narrow that
 * every fast path is taken. Every cell of every lane is compared, error kinds included, and every
 * column's stated bounds are checked against its lanes.
 */
class PlanBoundsTest {

    /** Inputs: B1 anywhere in [-3, 10], B2 in [0, 3] (times 1E308 overflows above 1.797...), B3 in [5.5, 6]. */
    private static final String[][] FORMULAS = {
            // products: bounded (no overflow pass), overflowing in some lanes, an error operand
            {"C1", "=B1*1E300"}, {"C2", "=B2*1E308"}, {"C3", "=B1*B2*B3"}, {"C4", "=A7*B1"}, {"C5", "=C2*0"},
            // sums: bounded away from zero, crossing zero, cancelling to a few ulps, overflowing
            {"C6", "=B1-100"}, {"C7", "=100-B1"}, {"C8", "=B1+B3"}, {"C9", "=B1-C10"}, {"C10", "=B1*(1-1E-14)"},
            {"C11", "=C2+C2"}, {"C12", "=(B3+1E-15)-B3"}, {"C13", "=1E308+B2*1E308"},
            // quotients: divisor away from zero, crossing zero, exactly zero, overflowing
            {"C14", "=1/(B1+5)"}, {"C15", "=1/B1"}, {"C16", "=B1/(B1-B1)"}, {"C17", "=B2/1E-308"}, {"C18", "=B3/(B2+1)"},
            // powers: positive base (bounded), overflowing, negative base, constant base
            {"C19", "=(B1+4)^-3"}, {"C20", "=(B1+4)^300"}, {"C21", "=B1^2"}, {"C22", "=(1+B3/100)^(19)"}, {"C23", "=2^B1"},
            // MIN/MAX: bounded, with errors in some lanes, with text and errors in a range, constants first
            {"C24", "=MAX(0,B1*2)"}, {"C25", "=MIN(B1,5,B1*3)"}, {"C26", "=MAX(0,LN(B1))"}, {"C27", "=MAX(A1:A6,B1)"},
            {"C28", "=MIN(A1:A7,B1)"}, {"C43", "=MAX(1/(B1-B1),-VLOOKUP(B1*1000,E1:F4,2))"}, {"C44", "=MIN(C34,C32,B1)"}, {"C29", "=SUM(B1,C1,1,B2)"}, {"C30", "=SUM(C2,C2)"}, {"C31", "=AVERAGE(B1,B3,A5)"},
            // lookups (inside arithmetic: a cell that is only a VLOOKUP goes to the interpreter): keys
            // below the first entry, on an entry, within one entry, with errors
            {"C32", "=VLOOKUP(B1*1000,E1:F4,2)+0"}, {"C33", "=1*VLOOKUP(B3,G1:H4,2)"}, {"C34", "=-VLOOKUP(LN(B1),G1:H4,2)"},
            {"C35", "=VLOOKUP(B1,G1:H4,2,TRUE)*(1-B2)"},
            // IF, comparison, negation and percent on bounded and erroring tests
            {"C36", "=IF(B1>0,B1*2,-B1)"}, {"C37", "=IF(LN(B1)>1,1,2)"}, {"C38", "=-(B1*2)+5"}, {"C39", "=B1%*3"},
            // chains: bounds carried through several kernels and cells
            {"C40", "=MAX(0,C24*(1+B3/100))*C22-C8"}, {"C41", "=C40*C40*C40*C40*C40*C40*C40*C40"}, {"C42", "=C41-C41*1"}};

    private static Map<String, String> cells(double b1, double b2, double b3) {
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("A1", "4");
        cells.put("A2", "\"text\"");
        cells.put("A3", "TRUE");
        cells.put("A5", "2.5");
        cells.put("A6", "-1");
        cells.put("A7", "#N/A");
        cells.put("B1", Double.toString(b1));
        cells.put("B2", Double.toString(b2));
        cells.put("B3", Double.toString(b3));
        String[][] table = {{"E1", "0"}, {"F1", "10"}, {"E2", "2000"}, {"F2", "20"}, {"E3", "5000"}, {"F3", "30"},
            {"E4", "8000"}, {"F4", "#N/A"}, {"G1", "-1"}, {"H1", "0.01"}, {"G2", "2"}, {"H2", "0.02"}, {"G3", "5"},
            {"H3", "0.05"}, {"G4", "8"}, {"H4", "0.08"}};
        for (String[] t : table) {
            cells.put(t[0], t[1]);
        }
        for (String[] f : FORMULAS) {
            cells.put(f[0], f[1]);
        }
        return cells;
    }

    private static WorkbookEvaluator workbook(double b1, double b2, double b3) {
        TestWorkbooks t = new TestWorkbooks();
        cells(b1, b2, b3).forEach((a1, text) -> t.set("S", a1, text));
        return WorkbookEvaluator.of(t.build());
    }

    private static SimulationModel model() {
        ModelBuilder b = new ModelBuilder(workbook(1, 1, 5.75))
                .input("S!B1=Uniform(-3,10)").input("S!B2=Uniform(0,3)").input("S!B3=Uniform(5.5,6)");
        for (String[] f : FORMULAS) {
            b.output("S!" + f[0]);
        }
        return b.build(5);
    }

    /** Blocks of (B1, B2, B3) lanes: one of awkward values, and narrow ones where every bound holds tight. */
    private static final double[][][] BLOCKS = {
            {{0, 0, 5.5}, {-0.0, 3, 6}, {1e-300, 1.79, 5.75}, {-3, 1.8, 5.5}, {10, 2.5, 6}, {5, 1, 5.5}, {2, 0.5, 5.6},
             {8, 1.797, 5.9}, {-1, 0.1, 5.5}, {2.718281828459045, 1.5, 6}, {-2.5, 2.9, 5.7}, {7.999999, 0.01, 5.8}},
            {{4.0, 0.5, 5.6}, {4.1, 0.6, 5.61}, {4.3, 0.7, 5.7}, {4.5, 0.9, 5.9}, {4.2, 0.55, 5.65}},
            {{7.9, 1.0, 5.5}, {8.0, 1.1, 5.55}, {8.1, 1.2, 5.6}, {7.95, 1.05, 5.52}},
            {{-2.9, 2.0, 6}, {-2.8, 2.5, 5.9}, {-2.99, 2.9, 5.95}}};

    @Test
    void everyCellOfEveryLaneEqualsTheFormulaEngine() {
        SimulationModel model = model();
        Plan plan = model.plan();
        assertThat(plan.genericCells()).as("every formula has a kernel").isZero();
        for (double[][] block : BLOCKS) {
            BlockState state = evaluate(model, block);
            for (int lane = 0; lane < block.length; lane++) {
                WorkbookEvaluator scalar = workbook(block[lane][0], block[lane][1], block[lane][2]);
                for (int i = 0; i < plan.cells().size(); i++) {
                    CellAddress a = plan.cells().get(i);
                    Scalar expected = scalar.value(a);
                    assertThat(state.cell(i).scalar(lane))
                            .as("%s = %s at B1=%s B2=%s B3=%s", CellAddress.a1(a.row(), a.col()),
                                    formula(a), block[lane][0], block[lane][1], block[lane][2])
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void everyColumnsBoundsHoldForItsLanes() {
        SimulationModel model = model();
        Plan plan = model.plan();
        for (double[][] block : BLOCKS) {
            BlockState state = evaluate(model, block);
            for (int i = 0; i < plan.cells().size(); i++) {
                Column c = state.cell(i);
                for (int lane = 0; lane < block.length; lane++) {
                    double v = c.num[lane];
                    String what = CellAddress.a1(plan.cells().get(i).row(), plan.cells().get(i).col()) + " lane " + lane;
                    if (c.noErrors) {
                        assertThat(Double.isFinite(v)).as(what + " is finite, as stated").isTrue();
                    }
                    if (!Double.isNaN(v)) {
                        assertThat(v).as(what + " within its bounds").isBetween(c.low, c.high);
                    }
                }
            }
        }
    }

    @Test
    void narrowBlocksTakeTheFastPaths() {
        SimulationModel model = model();
        BlockState state = evaluate(model, BLOCKS[1]);
        Plan plan = model.plan();
        // B1 in [4, 4.5]: products, sums away from zero, positive-base powers and lookups are all bounded
        for (String a1 : new String[] {"C1", "C3", "C6", "C7", "C8", "C14", "C15", "C19", "C22", "C24", "C25", "C33",
            "C36", "C38", "C39", "C40"}) {
            Column c = state.cell(plan.indexOf(address(a1)));
            assertThat(c.noErrors).as(a1 + " has no errors and is bounded").isTrue();
            assertThat(c.high).as(a1).isLessThan(Double.POSITIVE_INFINITY);
        }
        // C33 = 1*VLOOKUP(B3 in [5.5, 6], ...) falls on one entry in every lane
        Column lookup = state.cell(plan.indexOf(address("C33")));
        assertThat(lookup.low).isEqualTo(0.05);
        assertThat(lookup.high).isEqualTo(0.05);
    }

    private static BlockState evaluate(SimulationModel model, double[][] block) {
        double[][] samples = new double[model.inputs().size()][block.length];
        for (int k = 0; k < samples.length; k++) {
            int column = model.inputs().get(k).cell().row(); // B1, B2, B3: rows 0, 1, 2
            for (int lane = 0; lane < block.length; lane++) {
                samples[k][lane] = block[lane][column];
            }
        }
        Plan plan = model.plan();
        BlockState state = plan.newState(16);
        plan.evaluate(state, 0, block.length, samples);
        return state;
    }

    private static CellAddress address(String a1) {
        var ref = new org.apache.poi.ss.util.CellReference(a1);
        return new CellAddress(0, ref.getRow(), ref.getCol());
    }

    private static String formula(CellAddress a) {
        String a1 = CellAddress.a1(a.row(), a.col());
        for (String[] f : FORMULAS) {
            if (f[0].equals(a1)) {
                return f[1];
            }
        }
        return "(input)";
    }
}
