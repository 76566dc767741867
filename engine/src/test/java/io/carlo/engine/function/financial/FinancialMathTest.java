package io.carlo.engine.function.financial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import java.util.Arrays;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/**
 * The numerical routines behind the financial functions. Expected values computed by LibreOffice,
 * except the RATE roots, computed to 40 digits with mpmath (LibreOffice stops about 1e-10 short).
 */
class FinancialMathTest {

    private static void assertClose(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-10);
    }

    @Test
    void variableDecliningBalanceSwitchesToStraightLineAndSplitsPartialPeriods() {
        assertClose(396.3060532647519, new VariableDecliningBalance(2400, 300, 120, 2, false).between(6, 18));
        assertClose(311.80893665823305, new VariableDecliningBalance(2400, 300, 120, 1.5, false).between(6, 18));
        assertClose(315, new VariableDecliningBalance(2400, 300, 10, 1.5, false).between(0, 0.875));
        assertClose(904.249344, new VariableDecliningBalance(2400, 300, 10, 2, false).between(2.5, 7.25));
        assertClose(2100, new VariableDecliningBalance(2400, 300, 10, 2, false).between(0, 10));
        assertClose(486.43200000000024, new VariableDecliningBalance(2400, 300, 10, 2, true).between(5, 10));
    }

    @Test
    void rateFindsMortgageRatesThatPlainNewtonMissesInTwentySteps() {
        assertClose(0.007701472488202044, AnnuityFunctions.rateFinder(48, -200, 8000, 0, false).solve(0.1).orElseThrow());
        assertClose(0.009851154844460719,
                AnnuityFunctions.rateFinder(360, -1000, 100000, -50000, false).solve(0.1).orElseThrow());
        assertClose(0.005, AnnuityFunctions.rateFinder(360, -599.5505251527569, 100000, 0, false).solve(0.1).orElseThrow());
        assertTrue(AnnuityFunctions.rateFinder(10, 100, 1000, 0, false).solve(0.1).isEmpty());
    }

    @Test
    void irrFallsBackToBracketingWhenNewtonFails() {
        double[] values = {-1000, 100};
        RootFinder finder = new RootFinder(r -> CashFlowFunctions.presentValue(values, r),
                r -> CashFlowFunctions.presentValueSlope(values, r), 20, 1e-7);
        assertClose(-0.9, finder.solve(0.1).orElseThrow());
    }

    @Test
    void oneIrrSolverReusedGivesEachFlowsOwnRate() {
        // Newton's root, a flow with no sign change (#NUM!), the bracketing fallback, Newton again:
        // the reused solver must carry nothing from one to the next
        double[][] flows = {{-1000, 300, 400, 500}, {100, 200}, {-1000, 100}, {-500, 100, 200, 300, 50}};
        CashFlowFunctions.IrrSolver solver = new CashFlowFunctions.IrrSolver();
        for (double[] values : flows) {
            Object expected = outcome(() -> CashFlowFunctions.internalRateOfReturn(values.clone(), 0.1));
            Object actual = outcome(() -> solver.solve(values, 0.1));
            assertEquals(expected, actual, Arrays.toString(values));
        }
        assertEquals(-0.9, (double) outcome(() -> solver.solve(new double[] {-1000, 100}, 0.1)), 1e-12);
        assertEquals(ExcelError.NUM, outcome(() -> solver.solve(new double[] {100, 200}, 0.1)));
    }

    /** The rate, or the error IRR signals. */
    private static Object outcome(DoubleSupplier irr) {
        try {
            return irr.getAsDouble();
        } catch (ErrorSignal e) {
            return e.error();
        }
    }

    @Test
    void annuityIdentities() {
        assertClose(-1037.0320893591525, Annuity.pmt(0.08 / 12, 10, 10000, 0, false));
        assertClose(2581.4033740601362, Annuity.fv(0.06 / 12, 10, -200, -500, true));
        assertClose(-504.80637187585836, Annuity.ipmt(0.1, 2, 3, 8000, 100, true));
        assertClose(59.67386567429462, Annuity.nper(0.01, -100, -1000, 10000, true));
    }
}
