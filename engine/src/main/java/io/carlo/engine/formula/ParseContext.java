package io.carlo.engine.formula;

import java.util.Optional;

/** What the parser needs to know about the workbook to resolve references while parsing. */
public interface ParseContext {

    /** Sheet of the cell the formula belongs to: unqualified references point there. */
    int hostSheet();

    /** Row of the cell the formula belongs to (structured references to "this row" need it). */
    int hostRow();

    int hostCol();

    /** Sheet index by name (case-insensitive), or -1 when there is no such sheet. */
    int sheetIndex(String name);

    /** A table by name (case-insensitive). */
    Optional<TableDef> table(String name);

    /** The table containing a cell, for structured references written without a table name. */
    Optional<TableDef> tableAt(int sheet, int row, int col);

    /** No workbook at all: a formula written on its own (constants, arrays, arithmetic); every sheet name is unknown. */
    ParseContext NO_WORKBOOK = new ParseContext() {
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
            return 0;
        }

        @Override
        public int sheetIndex(String name) {
            return -1;
        }

        @Override
        public Optional<TableDef> table(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<TableDef> tableAt(int sheet, int row, int col) {
            return Optional.empty();
        }
    };
}
