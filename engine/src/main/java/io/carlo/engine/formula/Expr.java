package io.carlo.engine.formula;

import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ExcelError;
import java.util.List;

/**
 * The typed syntax tree of a formula. References are already resolved to sheet indexes and
 * zero-based coordinates (relative to nothing: {@code B3} in any cell is row 2, column 1); the
 * {@code $} flags only matter when a shared formula is moved to another cell ({@link Shift}).
 */
public sealed interface Expr {

    record NumberLiteral(double value) implements Expr {
    }

    record TextLiteral(String value) implements Expr {
    }

    record BooleanLiteral(boolean value) implements Expr {
    }

    record ErrorLiteral(ExcelError error) implements Expr {
    }

    record ArrayLiteral(ArrayValue value) implements Expr {
    }

    /** An argument left empty, as the second one in {@code IF(A1,,1)}. */
    record Missing() implements Expr {
    }

    /**
     * A cell or rectangular range on one sheet, or on a span of sheets for a 3-D reference
     * ({@code Sheet1:Sheet3!A1}); {@code firstSheet == lastSheet} otherwise.
     */
    record Reference(int firstSheet, int lastSheet, int firstRow, int firstCol, int lastRow, int lastCol,
                     boolean firstRowAbsolute, boolean firstColAbsolute,
                     boolean lastRowAbsolute, boolean lastColAbsolute) implements Expr {

        public static Reference cell(int sheet, int row, int col, boolean rowAbs, boolean colAbs) {
            return new Reference(sheet, sheet, row, col, row, col, rowAbs, colAbs, rowAbs, colAbs);
        }

        public boolean isCell() {
            return firstRow == lastRow && firstCol == lastCol && firstSheet == lastSheet;
        }

        public boolean is3d() {
            return firstSheet != lastSheet;
        }

        /** The areas this reference covers, one per sheet. */
        public List<Area> areas() {
            if (!is3d()) {
                return List.of(new Area(firstSheet, firstRow, firstCol, lastRow, lastCol));
            }
            Area[] out = new Area[lastSheet - firstSheet + 1];
            for (int s = firstSheet; s <= lastSheet; s++) {
                out[s - firstSheet] = new Area(s, firstRow, firstCol, lastRow, lastCol);
            }
            return List.of(out);
        }
    }

    /** A defined name (or a LET variable), resolved when evaluated. */
    record Name(String name) implements Expr {
    }

    record Unary(UnaryOp op, Expr operand) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    }

    /** A function call; {@code name} is upper case without the {@code _xlfn.} prefix. */
    record Call(String name, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    enum UnaryOp { NEGATE, PLUS, PERCENT }

    enum BinaryOp {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^"), CONCAT("&"),
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">="),
        RANGE(":"), UNION(","), INTERSECT(" ");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
