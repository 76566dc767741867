package io.carlo.engine.function.financial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void annuityIdentities() {
        assertClose(-1037.0320893591525, Annuity.pmt(0.08 / 12, 10, 10000, 0, false));
        assertClose(2581.4033740601362, Annuity.fv(0.06 / 12, 10, -200, -500, true));
        assertClose(-504.80637187585836, Annuity.ipmt(0.1, 2, 3, 8000, 100, true));
        assertClose(59.67386567429462, Annuity.nper(0.01, -100, -1000, 10000, true));
    }
}
