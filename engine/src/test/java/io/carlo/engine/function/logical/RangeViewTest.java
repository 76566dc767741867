package io.carlo.engine.function.logical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Whole-column ranges on sheets with different used ranges, without reading a million cells. */
class RangeViewTest {

    /** Sheet 0 holds 1..5 in A1:A5; sheet 1 holds "x" in B1:B3. Reading more than 100 cells fails. */
    private static final class TwoSheets implements FunctionContext {
        private final Map<Integer, Scalar[][]> sheets = Map.of(
                0, new Scalar[][] {{num(1)}, {num(2)}, {num(3)}, {num(4)}, {num(5)}},
                1, new Scalar[][] {{BlankValue.BLANK, new TextValue("x")}, {BlankValue.BLANK, new TextValue("x")},
                        {BlankValue.BLANK, new TextValue("x")}});

        @Override
        public Grid read(Area a) {
            if ((long) a.rows() * a.cols() > 100) {
                throw new AssertionError("read too much: " + a);
            }
            Scalar[][] cells = sheets.get(a.sheet());
            Scalar[] out = new Scalar[a.rows() * a.cols()];
            for (int r = 0; r < a.rows(); r++) {
                for (int c = 0; c < a.cols(); c++) {
                    int row = a.firstRow() + r;
                    int col = a.firstCol() + c;
                    out[r * a.cols() + c] = row < cells.length && col < cells[row].length
                            ? cells[row][col] : BlankValue.BLANK;
                }
            }
            return ArrayValue.of(a.rows(), a.cols(), out);
        }

        @Override
        public int lastRow(int sheet) {
            return sheets.get(sheet).length - 1;
        }

        @Override
        public int lastCol(int sheet) {
            return sheet == 0 ? 0 : 1;
        }

        @Override
        public int hostSheet() {
            return 0;
        }

        @Override
        public int hostRow() {
            return 0;
        }

        @Override
        public int hostCol() {
            return 5;
        }

        @Override
        public boolean arrayMode() {
            return false;
        }

        @Override
        public int sheetCount() {
            return 2;
        }

        @Override
        public String sheetName(int sheet) {
            return sheet == 0 ? "Data" : "My Sheet";
        }

        @Override
        public int sheetIndex(String name) {
            return -1;
        }

        @Override
        public Optional<ReferenceValue> parseReference(String text, boolean a1Style) {
            return Optional.empty();
        }

        @Override
        public Optional<String> formulaText(int sheet, int row, int col) {
            return Optional.empty();
        }

        @Override
        public double random() {
            return 0;
        }

        @Override
        public double now() {
            return 0;
        }
    }

    private static Scalar num(double d) {
        return NumberValue.of(d);
    }

    private static ReferenceValue column(int sheet, int col) {
        return ReferenceValue.of(new Area(sheet, 0, col, Area.MAX_ROW, col));
    }

    private final TwoSheets context = new TwoSheets();

    @Test
    void wholeColumnKeepsItsShapeButReadsOnlyUsedRows() {
        RangeView a = RangeView.of(column(0, 0), context);
        assertEquals(Area.MAX_ROW + 1, a.rows());
        assertEquals(5, a.dataRows());
        assertEquals(num(3), a.get(2, 0));
        assertEquals(BlankValue.BLANK, a.get(500_000, 0));
    }

    @Test
    void countsBlankRemainderAcrossSheetsWithoutVisitingIt() {
        ConditionalScan scan = new ConditionalScan();
        scan.add(RangeView.of(column(0, 0), context), Criteria.parse(new TextValue("")));
        scan.add(RangeView.of(column(1, 1), context), Criteria.parse(new TextValue("")));
        // rows 6.. are blank in both columns; rows 4-5 have numbers in A, rows 1-3 "x" in B
        assertEquals(Area.MAX_ROW + 1 - 5, scan.scan(null, null));
    }

    @Test
    void sumRangeIsResizedFromItsTopLeftCell() {
        RangeView criteria = RangeView.of(ReferenceValue.of(new Area(0, 0, 0, 4, 0)), context);
        RangeView values = RangeView.resized(ReferenceValue.of(Area.cell(0, 1, 0)), 5, 1, context);
        assertEquals(5, values.rows());
        assertEquals(num(2), values.get(0, 0));
        assertEquals(BlankValue.BLANK, values.get(4, 0));
        ConditionalScan scan = new ConditionalScan();
        scan.add(criteria, Criteria.parse(new TextValue(">2")));
        Aggregate.Sum sum = new Aggregate.Sum();
        scan.scan(values, sum::add);
        assertEquals(num(9), sum.result()); // A2:A6 beside A3:A5 = 4 + 5 + blank
    }

    @Test
    void shapesMustAgree() {
        ConditionalScan scan = new ConditionalScan();
        scan.add(RangeView.of(ReferenceValue.of(new Area(0, 0, 0, 4, 0)), context), Criteria.parse(num(1)));
        RangeView shorter = RangeView.of(ReferenceValue.of(new Area(0, 0, 0, 3, 0)), context);
        assertThrows(ErrorSignal.class, () -> scan.add(shorter, Criteria.parse(num(1))));
    }

    @Test
    void multiAreaReferenceIsValueError() {
        ReferenceValue union = new ReferenceValue(List.of(Area.cell(0, 0, 0), Area.cell(0, 2, 0)));
        assertThrows(ErrorSignal.class, () -> RangeView.of(union, context));
    }
}
