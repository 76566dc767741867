package io.carlo.engine.function.statistics.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import org.junit.jupiter.api.Test;

class DistributionChecksTest {

    @Test
    void countsAreTruncatedTowardZero() {
        assertEquals(3, DistributionChecks.truncate(3.9));
        assertEquals(-3, DistributionChecks.truncate(-3.9));
        assertEquals(10, DistributionChecks.count(10.99));
    }

    @Test
    void countsBeyondIntRangeAreNum() {
        assertNum(() -> DistributionChecks.count(3e9));
    }

    @Test
    void degreesOfFreedomAreTruncatedAndBounded() {
        assertEquals(10, DistributionChecks.degreesOfFreedom(10.9));
        assertEquals(1, DistributionChecks.degreesOfFreedom(1.5));
        assertNum(() -> DistributionChecks.degreesOfFreedom(0.99));
        assertNum(() -> DistributionChecks.degreesOfFreedom(1e10));
    }

    @Test
    void probabilitiesAreCheckedWithTheRightBounds() {
        assertEquals(0, DistributionChecks.probability(0));
        assertEquals(1, DistributionChecks.probability(1));
        assertNum(() -> DistributionChecks.probability(-1e-300));
        assertNum(() -> DistributionChecks.openProbability(0));
        assertNum(() -> DistributionChecks.openProbability(1));
    }

    @Test
    void nonFiniteResultsBecomeNum() {
        assertSame(ExcelError.NUM, DistributionChecks.result(Double.POSITIVE_INFINITY));
        assertSame(ExcelError.NUM, DistributionChecks.result(Double.NaN));
        assertEquals(new NumberValue(0.5), DistributionChecks.result(0.5));
    }

    private static void assertNum(Runnable check) {
        ErrorSignal e = assertThrows(ErrorSignal.class, check::run);
        assertSame(ExcelError.NUM, e.error());
    }
}
