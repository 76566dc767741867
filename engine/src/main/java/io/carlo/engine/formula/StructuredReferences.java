package io.carlo.engine.formula;

import io.carlo.engine.formula.Expr.ErrorLiteral;
import io.carlo.engine.formula.Expr.Reference;
import io.carlo.engine.value.ExcelError;
import java.util.List;
import java.util.Locale;

/** Turns a structured reference ({@code Sales[Amount]}, {@code [@Price]}, {@code T[[#All],[A]:[C]]}) into a plain one. */
final class StructuredReferences {

    private StructuredReferences() {
    }

    /**
     * @param specials item specifiers such as {@code #Headers}, {@code #This Row}
     * @param columns  named columns; with two or more, the span from the first to the last
     */
    static Expr resolve(TableDef t, List<String> specials, List<String> columns, int hostRow) {
        int dataFirst = t.firstRow() + t.headerRows();
        int dataLast = t.lastRow() - t.totalsRows();
        int r0 = dataFirst;
        int r1 = dataLast;
        boolean thisRow = false;
        boolean headers = false;
        boolean data = specials.isEmpty();
        boolean totals = false;
        for (String s : specials) {
            switch (s.toLowerCase(Locale.ROOT).replace(" ", "")) {
                case "#all" -> {
                    headers = true;
                    data = true;
                    totals = true;
                }
                case "#data" -> data = true;
                case "#headers" -> headers = true;
                case "#totals" -> totals = true;
                case "#thisrow" -> thisRow = true;
                default -> {
                    return new ErrorLiteral(ExcelError.REF);
                }
            }
        }
        boolean relativeRow = false;
        if (thisRow) {
            if (hostRow < dataFirst || hostRow > dataLast) {
                return new ErrorLiteral(ExcelError.VALUE);
            }
            r0 = hostRow;
            r1 = hostRow;
            relativeRow = true;
        } else {
            if (headers && t.headerRows() == 0 || totals && !data && !headers && t.totalsRows() == 0) {
                return new ErrorLiteral(ExcelError.REF);
            }
            r0 = headers ? t.firstRow() : data ? dataFirst : dataLast + 1;
            r1 = totals && t.totalsRows() > 0 ? t.lastRow() : data ? dataLast : headers ? t.firstRow() : dataLast;
        }
        int c0 = t.firstCol();
        int c1 = t.lastCol();
        if (!columns.isEmpty()) {
            int first = t.columnIndex(columns.get(0));
            int last = t.columnIndex(columns.get(columns.size() - 1));
            if (first < 0 || last < 0) {
                return new ErrorLiteral(ExcelError.REF);
            }
            c0 = t.firstCol() + Math.min(first, last);
            c1 = t.firstCol() + Math.max(first, last);
        }
        // "this row" moves with the formula when a calculated column is filled down
        return new Reference(t.sheet(), t.sheet(), r0, c0, r1, c1, !relativeRow, true, !relativeRow, true);
    }
}
