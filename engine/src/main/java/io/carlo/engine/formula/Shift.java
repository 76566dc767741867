package io.carlo.engine.formula;

import io.carlo.engine.formula.Expr.Binary;
import io.carlo.engine.formula.Expr.Call;
import io.carlo.engine.formula.Expr.ErrorLiteral;
import io.carlo.engine.formula.Expr.Reference;
import io.carlo.engine.formula.Expr.Unary;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ExcelError;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves a parsed formula by a number of rows and columns, as Excel does when it fills a shared
 * formula from its anchor cell: relative coordinates move, {@code $}-absolute ones stay. A reference
 * pushed off the sheet becomes {@code #REF!}. Parsing a shared formula once and shifting its tree
 * is much cheaper than re-parsing the formula text of every cell.
 */
public final class Shift {

    private Shift() {
    }

    public static Expr by(Expr e, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return e;
        }
        return switch (e) {
            case Reference r -> shift(r, rows, cols);
            case Unary u -> new Unary(u.op(), by(u.operand(), rows, cols));
            case Binary b -> new Binary(b.op(), by(b.left(), rows, cols), by(b.right(), rows, cols));
            case Call c -> {
                List<Expr> args = new ArrayList<>(c.args().size());
                for (Expr a : c.args()) {
                    args.add(by(a, rows, cols));
                }
                yield new Call(c.name(), args);
            }
            default -> e;
        };
    }

    private static Expr shift(Reference r, int rows, int cols) {
        int r0 = r.firstRowAbsolute() ? r.firstRow() : r.firstRow() + rows;
        int c0 = r.firstColAbsolute() ? r.firstCol() : r.firstCol() + cols;
        int r1 = r.lastRowAbsolute() ? r.lastRow() : r.lastRow() + rows;
        int c1 = r.lastColAbsolute() ? r.lastCol() : r.lastCol() + cols;
        if (r0 < 0 || c0 < 0 || r1 < 0 || c1 < 0 || r0 > Area.MAX_ROW || r1 > Area.MAX_ROW
                || c0 > Area.MAX_COL || c1 > Area.MAX_COL) {
            return new ErrorLiteral(ExcelError.REF);
        }
        return new Reference(r.firstSheet(), r.lastSheet(), r0, c0, r1, c1, r.firstRowAbsolute(),
                r.firstColAbsolute(), r.lastRowAbsolute(), r.lastColAbsolute());
    }
}
