package io.carlo.engine.function.lookup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import org.junit.jupiter.api.Test;

class LookupSearchTest {

    private static LookupVector vector(Scalar... values) {
        return LookupVector.of(ArrayValue.row(values));
    }

    private static Scalar n(double d) {
        return NumberValue.of(d);
    }

    private static LookupKey key(double d) {
        return LookupKey.of(n(d), false);
    }

    @Test
    void approximateMatchFindsTheLastValueAtMostTheKey() {
        LookupVector v = vector(n(1), n(3), n(3), n(3), n(7));
        assertEquals(3, LookupSearch.lastAtMost(v, key(3)));
        assertEquals(3, LookupSearch.lastAtMost(v, key(5)));
        assertEquals(-1, LookupSearch.lastAtMost(v, key(0)));
        assertEquals(4, LookupSearch.lastAtMost(v, key(99)));
    }

    @Test
    void unsortedDataGivesTheBinarySearchAnswerNotTheLinearOne() {
        // A linear scan would stop at 1 (before 9); Excel's bisection looks at 3, then 4, then 5.
        assertEquals(4, LookupSearch.lastAtMost(vector(n(1), n(9), n(3), n(4), n(5)), key(5)));
    }

    @Test
    void cellsOfAnotherTypeAreSkipped() {
        LookupVector v = vector(n(1), new TextValue("x"), BlankValue.BLANK, ExcelError.NA, n(5), new TextValue("y"));
        assertEquals(4, LookupSearch.lastAtMost(v, key(1e300)));
        assertEquals(0, LookupSearch.lastAtMost(v, key(2)));
        assertEquals(5, LookupSearch.lastAtMost(v, LookupKey.of(new TextValue("zz"), false)));
    }

    @Test
    void descendingSearches() {
        LookupVector v = vector(n(100), n(50), n(20), n(10));
        assertEquals(1, LookupSearch.lastAtLeast(v, key(25)));
        assertEquals(2, LookupSearch.firstAtMostDescending(v, key(25)));
        assertEquals(-1, LookupSearch.lastAtLeast(v, key(200)));
    }

    @Test
    void closestPicksTheNearestValueOnOneSide() {
        LookupVector v = vector(n(5), n(3), n(8), n(1), n(9), n(2));
        assertEquals(0, LookupSearch.closest(v, key(6), -1, false));
        assertEquals(2, LookupSearch.closest(v, key(6), 1, false));
        assertEquals(-1, LookupSearch.closest(v, key(10), 1, true));
    }

    @Test
    void exactMatchHonoursWildcardsAndIgnoresCase() {
        LookupVector v = vector(new TextValue("apple"), new TextValue("a*b"), new TextValue("Cherry"));
        assertEquals(2, LookupSearch.exactFirst(v, LookupKey.of(new TextValue("CHERRY"), true)));
        assertEquals(1, LookupSearch.exactFirst(v, LookupKey.of(new TextValue("a~*b"), true)));
        assertEquals(0, LookupSearch.exactFirst(v, LookupKey.of(new TextValue("a*"), true)));
        assertEquals(-1, LookupSearch.exactFirst(v, LookupKey.of(new TextValue("a*"), false)));
        assertEquals(-1, LookupSearch.exactFirst(vector(n(1)), LookupKey.of(new TextValue("1"), true)));
    }

    @Test
    void addressHelpers() {
        assertEquals("XFD", AddressFunction.columnLetters(16384));
        assertEquals("AZ", AddressFunction.columnLetters(52));
        assertEquals("Sheet1", AddressFunction.quoteSheet("Sheet1"));
        assertEquals("'A1'", AddressFunction.quoteSheet("A1"));
        assertEquals("'2024'", AddressFunction.quoteSheet("2024"));
        assertEquals("'O''Brien'", AddressFunction.quoteSheet("O'Brien"));
        assertEquals("[Book1]Sheet1", AddressFunction.quoteSheet("[Book1]Sheet1"));
        assertEquals("'[Book1]My Sheet'", AddressFunction.quoteSheet("[Book1]My Sheet"));
    }
}
