package io.carlo.engine.formula;

import java.util.List;
import java.util.Locale;

/**
 * An Excel table (ListObject) as far as structured references need it: where it is, how many
 * header and totals rows it has, and its column names in order.
 */
public record TableDef(String name, int sheet, int firstRow, int firstCol, int lastRow, int lastCol,
                       int headerRows, int totalsRows, List<String> columns) {

    public TableDef {
        columns = List.copyOf(columns);
    }

    /** Zero-based column offset of a column name (case-insensitive), or -1. */
    public int columnIndex(String column) {
        String wanted = column.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).toLowerCase(Locale.ROOT).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(int sheet, int row, int col) {
        return this.sheet == sheet && row >= firstRow && row <= lastRow && col >= firstCol && col <= lastCol;
    }
}
