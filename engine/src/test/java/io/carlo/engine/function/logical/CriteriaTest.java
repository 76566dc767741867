package io.carlo.engine.function.logical;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import org.junit.jupiter.api.Test;

class CriteriaTest {

    private static final Scalar BLANK = BlankValue.BLANK;

    private static Scalar num(double d) {
        return NumberValue.of(d);
    }

    private static Scalar text(String s) {
        return new TextValue(s);
    }

    private static boolean matches(String criterion, Scalar cell) {
        return Criteria.parse(text(criterion)).matches(cell);
    }

    @Test
    void numericTextMatchesNumbersAndNumericTextForEquality() {
        assertTrue(matches("5", num(5)));
        assertTrue(matches("=5", num(5)));
        assertTrue(matches("5", text("5")));
        assertTrue(Criteria.parse(num(5)).matches(text("5")));
        assertFalse(matches("5", BooleanValue.TRUE));
        assertFalse(matches("1", BooleanValue.TRUE));
    }

    @Test
    void orderingComparesOnlyLikeTypes() {
        assertTrue(matches(">=5", num(5)));
        assertFalse(matches(">=5", text("7")));
        assertFalse(matches(">0", BooleanValue.TRUE));
        assertFalse(matches("<5", BLANK));
        assertTrue(matches("<c", text("Banana")));
        assertFalse(matches("<c", num(1)));
        assertTrue(matches(">FALSE", BooleanValue.TRUE));
    }

    @Test
    void emptyCriteriaAndBlanks() {
        assertTrue(matches("", BLANK));
        assertTrue(matches("", text("")));
        assertFalse(matches("", num(0)));
        assertTrue(matches("=", BLANK));
        assertFalse(matches("=", text("")));
        assertTrue(matches("<>", text("")));
        assertFalse(matches("<>", BLANK));
        assertFalse(matches("0", BLANK));
        // a reference to an empty cell means 0
        assertTrue(Criteria.parse(BLANK).matches(num(0)));
        assertFalse(Criteria.parse(BLANK).matches(BLANK));
    }

    @Test
    void notEqualMatchesEverythingElse() {
        assertTrue(matches("<>5", BLANK));
        assertTrue(matches("<>5", text("x")));
        assertTrue(matches("<>5", ExcelError.NA));
        assertFalse(matches("<>5", num(5)));
        assertFalse(matches("<>a*", text("Apple")));
        assertTrue(matches("<>a*", text("Banana")));
    }

    @Test
    void wildcardsIgnoreCaseAndOnlyMatchText() {
        assertTrue(matches("a*", text("APPLE")));
        assertTrue(matches("?o?", text("Bob")));
        assertFalse(matches("1*", num(12)));
        assertTrue(matches("~*", text("*")));
        assertFalse(matches("~*", text("a")));
    }

    @Test
    void booleansErrorsAndDates() {
        assertTrue(matches("TRUE", BooleanValue.TRUE));
        assertTrue(matches("=false", BooleanValue.FALSE));
        assertFalse(matches("TRUE", text("TRUE")));
        assertTrue(matches("#N/A", ExcelError.NA));
        assertTrue(Criteria.parse(ExcelError.DIV0).matches(ExcelError.DIV0));
        assertFalse(matches("#N/A", ExcelError.DIV0));
        assertTrue(matches(">1/1/2024", num(45293)));
        assertFalse(matches(">1/1/2024", num(45292)));
    }

    @Test
    void databaseCriteriaMatchPrefixesOfPlainText() {
        assertTrue(Criteria.parseDatabase(text("Dav")).matches(text("David")));
        assertFalse(Criteria.parseDatabase(text("=Dav")).matches(text("David")));
        assertTrue(Criteria.parseDatabase(text("=Dav")).matches(text("dav")));
        assertFalse(Criteria.parse(text("Dav")).matches(text("David")));
    }
}
