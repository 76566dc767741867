package io.carlo.engine.function.logical;

import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A database range of DSUM and friends and its criteria range. Both start with a row of field
 * names; each further row of the database is a record. Each row of the criteria range below its
 * headers is one alternative: a record is selected when, for some criteria row, it passes every
 * non-blank criterion of that row (a wholly blank row selects everything).
 *
 * <p>Unsupported: Excel's computed criteria (a formula under a blank or unknown header, evaluated
 * for each record); here a criterion under a header that names no field selects nothing.
 */
final class Database {

    private final Grid table;

    Database(Grid table) {
        this.table = table;
    }

    /**
     * The column of a field given by name (ignoring case) or by 1-based number; anything else,
     * or a field that does not exist, is #VALUE!.
     */
    int fieldColumn(Scalar field) {
        switch (field) {
            case ExcelError e -> throw ErrorSignal.of(e);
            case NumberValue n -> {
                double col = Math.floor(n.value());
                if (col < 1 || col > table.cols()) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                return (int) col - 1;
            }
            case TextValue t -> {
                int col = columnNamed(t.value());
                if (col < 0) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
                return col;
            }
            case BooleanValue b -> throw ErrorSignal.of(ExcelError.VALUE);
            case BlankValue b -> throw ErrorSignal.of(ExcelError.VALUE);
        }
    }

    private int columnNamed(String name) {
        for (int c = 0; c < table.cols(); c++) {
            Scalar header = table.get(0, c);
            if (!(header instanceof ExcelError) && !(header instanceof BlankValue)
                    && Coerce.toText(header).trim().equalsIgnoreCase(name.trim())) {
                return c;
            }
        }
        return -1;
    }

    /** The database rows (1-based into the table, past the header row) that the criteria select. */
    List<Integer> select(Grid criteria) {
        List<List<Condition>> alternatives = alternatives(criteria);
        List<Integer> rows = new ArrayList<>();
        for (int r = 1; r < table.rows(); r++) {
            for (List<Condition> all : alternatives) {
                if (passesAll(r, all)) {
                    rows.add(r);
                    break;
                }
            }
        }
        return rows;
    }

    Scalar cell(int row, int col) {
        return table.get(row, col);
    }

    /** One criterion applied to one field; a column of -1 names no field and selects nothing. */
    private record Condition(int column, Criteria criteria) {
    }

    private List<List<Condition>> alternatives(Grid criteria) {
        List<List<Condition>> alternatives = new ArrayList<>();
        int[] columns = new int[criteria.cols()];
        for (int c = 0; c < criteria.cols(); c++) {
            Scalar header = criteria.get(0, c);
            columns[c] = header instanceof BlankValue || header instanceof ExcelError
                    ? -1 : columnNamed(Coerce.toText(header));
        }
        for (int r = 1; r < criteria.rows(); r++) {
            List<Condition> row = new ArrayList<>();
            for (int c = 0; c < criteria.cols(); c++) {
                Scalar v = criteria.get(r, c);
                if (v instanceof BlankValue || (v instanceof TextValue t && t.value().isEmpty())) {
                    continue;
                }
                row.add(new Condition(columns[c], Criteria.parseDatabase(v)));
            }
            alternatives.add(row);
        }
        return alternatives;
    }

    private boolean passesAll(int row, List<Condition> conditions) {
        for (Condition cond : conditions) {
            if (cond.column() < 0 || !cond.criteria().matches(table.get(row, cond.column()))) {
                return false;
            }
        }
        return true;
    }
}
