package io.carlo.engine.formula;

import io.carlo.engine.workbook.Workbook;
import java.util.Optional;

/** Resolves sheet and table names against a loaded workbook, for a formula in a given cell. */
public record WorkbookParseContext(Workbook workbook, int hostSheet, int hostRow, int hostCol) implements ParseContext {

    @Override
    public int sheetIndex(String name) {
        return workbook.sheetIndex(name);
    }

    @Override
    public Optional<TableDef> table(String name) {
        return workbook.table(name);
    }

    @Override
    public Optional<TableDef> tableAt(int sheet, int row, int col) {
        return workbook.tableAt(sheet, row, col);
    }
}
