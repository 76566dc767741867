package io.carlo.engine.function.logical;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.NumberValue;
import org.junit.jupiter.api.Test;

/**
 * Database criteria that the shared fixture cannot show: Excel's "begins with" reading of a plain
 * text criterion (LibreOffice, the case oracle, matches whole cells instead).
 */
class DatabaseFunctionsTest {

    private static WorkbookEvaluator evaluator(String criterion) {
        TestWorkbooks book = new TestWorkbooks()
                .set("S", "A1", "\"Name\"").set("S", "B1", "\"Sales\"")
                .set("S", "A2", "\"Dav\"").set("S", "B2", "1")
                .set("S", "A3", "\"David\"").set("S", "B3", "10")
                .set("S", "A4", "\"Davolio\"").set("S", "B4", "100")
                .set("S", "A5", "\"Buchanan\"").set("S", "B5", "1000")
                .set("S", "D1", "\"name\"").set("S", "D2", criterion)
                .set("S", "F1", "=DSUM(A1:B5,\"Sales\",D1:D2)");
        return WorkbookEvaluator.of(book.build());
    }

    private static double dsum(String criterion) {
        return ((NumberValue) evaluator(criterion).value(0, 0, 5)).value();
    }

    @Test
    void plainTextMatchesTheStartOfTheField() {
        assertEquals(111, dsum("\"dav\""));
        assertEquals(100, dsum("\"Davo\""));
    }

    @Test
    void equalsSignAsksForTheWholeField() {
        assertEquals(1, dsum("\"=Dav\""));
        assertEquals(1000, dsum("\"<>Dav*\""));
    }

    @Test
    void wildcardsAndComparisons() {
        assertEquals(110, dsum("\"D?v?\""));
        assertEquals(1000, dsum("\"<C\""));
    }
}
