package io.carlo.engine.formula;

import io.carlo.engine.formula.Expr.Binary;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.formula.Expr.Reference;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.NumberFormatter;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.CellAddress;
import java.util.function.IntFunction;

/**
 * Writes a syntax tree back as formula text (without the leading '='): for FORMULATEXT, for the
 * formulas of shared-formula cells, and for messages. Parentheses are added where precedence needs
 * them, so the text may differ in spacing and redundant parentheses from what the user typed.
 */
public final class FormulaPrinter {

    private final IntFunction<String> sheetName;
    private final int hostSheet;

    /**
     * @param sheetName quoted sheet name by index (as in {@code 'My Sheet'})
     * @param hostSheet references to this sheet are printed without a sheet prefix
     */
    public FormulaPrinter(IntFunction<String> sheetName, int hostSheet) {
        this.sheetName = sheetName;
        this.hostSheet = hostSheet;
    }

    public String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb, 0);
        return sb.toString();
    }

    private static int precedence(BinaryOp op) {
        return switch (op) {
            case EQ, NE, LT, LE, GT, GE -> 1;
            case CONCAT -> 2;
            case ADD, SUBTRACT -> 3;
            case MULTIPLY, DIVIDE -> 4;
            case POWER -> 5;
            case UNION -> 8;
            case INTERSECT -> 9;
            case RANGE -> 10;
        };
    }

    private void write(Expr e, StringBuilder sb, int outer) {
        switch (e) {
            case Expr.NumberLiteral n -> sb.append(NumberFormatter.general(n.value()));
            case Expr.TextLiteral t -> sb.append('"').append(t.value().replace("\"", "\"\"")).append('"');
            case Expr.BooleanLiteral b -> sb.append(b.value() ? "TRUE" : "FALSE");
            case Expr.ErrorLiteral err -> sb.append(err.error().text());
            case Expr.ArrayLiteral a -> writeArray(a.value(), sb);
            case Expr.Missing m -> {
            }
            case Reference r -> writeReference(r, sb);
            case Expr.Name n -> sb.append(n.name());
            case Expr.Unary u -> {
                switch (u.op()) {
                    case NEGATE -> {
                        sb.append('-');
                        write(u.operand(), sb, 6);
                    }
                    case PLUS -> {
                        sb.append('+');
                        write(u.operand(), sb, 6);
                    }
                    case PERCENT -> {
                        write(u.operand(), sb, 7);
                        sb.append('%');
                    }
                }
            }
            case Binary b -> {
                int p = precedence(b.op());
                boolean parens = p < outer || (b.op() == BinaryOp.UNION);
                if (parens) {
                    sb.append('(');
                }
                write(b.left(), sb, p);
                sb.append(b.op().symbol());
                write(b.right(), sb, p + 1);
                if (parens) {
                    sb.append(')');
                }
            }
            case Expr.Call c -> {
                sb.append(c.name()).append('(');
                for (int i = 0; i < c.args().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    write(c.args().get(i), sb, 0);
                }
                sb.append(')');
            }
        }
    }

    private void writeArray(ArrayValue a, StringBuilder sb) {
        sb.append('{');
        for (int r = 0; r < a.rows(); r++) {
            if (r > 0) {
                sb.append(';');
            }
            for (int c = 0; c < a.cols(); c++) {
                if (c > 0) {
                    sb.append(',');
                }
                Scalar v = a.get(r, c);
                if (v instanceof TextValue t) {
                    sb.append('"').append(t.value().replace("\"", "\"\"")).append('"');
                } else {
                    sb.append(v);
                }
            }
        }
        sb.append('}');
    }

    private void writeReference(Reference r, StringBuilder sb) {
        if (r.is3d()) {
            String first = sheetName.apply(r.firstSheet());
            String last = sheetName.apply(r.lastSheet());
            sb.append(unquote(first).equals(first) && unquote(last).equals(last)
                    ? first + ":" + last
                    : "'" + unquote(first) + ":" + unquote(last) + "'").append('!');
        } else if (r.firstSheet() != hostSheet) {
            sb.append(sheetName.apply(r.firstSheet())).append('!');
        }
        boolean wholeColumns = r.firstRow() == 0 && r.lastRow() == Area.MAX_ROW;
        boolean wholeRows = r.firstCol() == 0 && r.lastCol() == Area.MAX_COL;
        if (wholeColumns && !wholeRows) {
            sb.append(r.firstColAbsolute() ? "$" : "").append(CellAddress.columnName(r.firstCol())).append(':')
                    .append(r.lastColAbsolute() ? "$" : "").append(CellAddress.columnName(r.lastCol()));
            return;
        }
        if (wholeRows && !wholeColumns) {
            sb.append(r.firstRowAbsolute() ? "$" : "").append(r.firstRow() + 1).append(':')
                    .append(r.lastRowAbsolute() ? "$" : "").append(r.lastRow() + 1);
            return;
        }
        cell(r.firstRow(), r.firstCol(), r.firstRowAbsolute(), r.firstColAbsolute(), sb);
        if (r.firstRow() != r.lastRow() || r.firstCol() != r.lastCol()) {
            sb.append(':');
            cell(r.lastRow(), r.lastCol(), r.lastRowAbsolute(), r.lastColAbsolute(), sb);
        }
    }

    private static String unquote(String s) {
        return s.startsWith("'") ? s.substring(1, s.length() - 1) : s;
    }

    private static void cell(int row, int col, boolean rowAbs, boolean colAbs, StringBuilder sb) {
        sb.append(colAbs ? "$" : "").append(CellAddress.columnName(col)).append(rowAbs ? "$" : "").append(row + 1);
    }
}
