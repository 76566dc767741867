package io.carlo.engine.function.lookup;

import static io.carlo.engine.function.lookup.FakeSheet.ref;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The position-dependent functions the case files cannot test (they run in unknown cells). */
class ReferenceFunctionsTest {

    private final FakeSheet sheet = new FakeSheet();

    @Test
    void rowAndColumnWithoutArgumentAreTheHostCell() {
        sheet.hostRow = 4;
        sheet.hostCol = 2;
        assertEquals(NumberValue.of(5), sheet.call("ROW"));
        assertEquals(NumberValue.of(3), sheet.call("COLUMN"));
    }

    @Test
    void rowOfARangeIsTheFirstRowOrInAnArrayFormulaAllRows() {
        assertEquals(NumberValue.of(2), sheet.call("ROW", ref(1, 0, 3, 0)));
        sheet.arrayMode = true;
        assertEquals(ArrayValue.column(num(2), num(3), num(4)), sheet.call("ROW", ref(1, 0, 3, 0)));
        assertEquals(ArrayValue.row(num(1), num(2)), sheet.call("COLUMN", ref(1, 0, 3, 1)));
    }

    @Test
    void formulaTextReadsTheFormulaOrIsNa() {
        sheet.formula(0, 0, "=1+2");
        assertEquals(new TextValue("=1+2"), sheet.call("FORMULATEXT", ref(0, 0, 0, 0)));
        assertEquals(ExcelError.NA, sheet.call("FORMULATEXT", ref(1, 0, 1, 0)));
        assertEquals(ExcelError.VALUE, sheet.call("FORMULATEXT", num(1)));
    }

    @Test
    void offsetAndIndexReturnReferences() {
        assertEquals(ref(2, 3, 4, 4), sheet.call("OFFSET", ref(0, 0, 0, 0), num(2), num(3), num(3), num(2)));
        assertEquals(ref(0, 1, 5, 1), sheet.call("INDEX", ref(0, 0, 5, 2), num(0), num(2)));
        ReferenceValue union = new ReferenceValue(List.of(new Area(0, 0, 0, 2, 0), new Area(0, 0, 3, 5, 3)));
        assertEquals(ref(1, 3, 1, 3), sheet.call("INDEX", union, num(2), num(1), num(2)));
        assertEquals(NumberValue.of(2), sheet.call("AREAS", union));
    }

    @Test
    void indirectUsesTheContextsParser() {
        assertEquals(ref(1, 1, 1, 1), sheet.call("INDIRECT", new TextValue("B2")));
        assertEquals(ExcelError.REF, sheet.call("INDIRECT", new TextValue("B2:")));
    }

    @Test
    void lookupReadsPastAShortResultRange() {
        sheet.set(0, 0, num(1)).set(1, 0, num(2)).set(2, 0, num(3)).set(2, 1, new TextValue("c"));
        assertEquals(new TextValue("c"), sheet.call("LOOKUP", num(3), ref(0, 0, 2, 0), ref(0, 1, 0, 1)));
    }

    private static Scalar num(double d) {
        return NumberValue.of(d);
    }
}
