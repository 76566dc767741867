package io.carlo.engine.formula;

import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.DefinedName;
import io.carlo.engine.workbook.FormulaSource;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every formula of a workbook, parsed once. A shared formula is parsed at its anchor and moved
 * ({@link Shift}) to each cell of its range; a formula that fails to parse is kept with its error
 * so that tools can report it by cell instead of failing the whole workbook.
 */
public final class WorkbookFormulas {

    private final Workbook workbook;
    private final Map<CellAddress, ParsedFormula> byCell;
    private final Map<DefinedName, Object> names = new ConcurrentHashMap<>();

    private WorkbookFormulas(Workbook workbook, Map<CellAddress, ParsedFormula> byCell) {
        this.workbook = workbook;
        this.byCell = Collections.unmodifiableMap(byCell);
    }

    /**
     * The parsed definition of a defined name as seen from a sheet (sheet-scoped names win), or
     * empty when no such name exists or its definition does not parse.
     */
    public Optional<Expr> name(String name, int fromSheet) {
        Optional<DefinedName> def = workbook.name(name, fromSheet);
        if (def.isEmpty()) {
            return Optional.empty();
        }
        Object parsed = names.computeIfAbsent(def.get(), d -> {
            int host = d.scopeSheet() >= 0 ? d.scopeSheet() : Math.max(fromSheet, 0);
            return parseText(workbook, new CellAddress(host, 0, 0), d.formula());
        });
        return parsed instanceof Expr e ? Optional.of(e) : Optional.empty();
    }

    public static WorkbookFormulas parse(Workbook wb) {
        Map<CellAddress, ParsedFormula> out = new LinkedHashMap<>();
        Map<CellAddress, Object> anchors = new HashMap<>(); // Expr or the syntax error message
        for (Sheet sheet : wb.sheets()) {
            for (Cell cell : sheet.cells()) {
                if (!cell.isFormula()) {
                    continue;
                }
                CellAddress at = new CellAddress(sheet.index(), cell.row(), cell.col());
                FormulaSource src = cell.formula();
                CellAddress anchor = new CellAddress(sheet.index(), src.anchorRow(), src.anchorCol());
                Object parsed = anchors.computeIfAbsent(anchor, a -> parseText(wb, a, src.text()));
                Expr expr = null;
                String error = null;
                if (parsed instanceof Expr e) {
                    expr = src.kind() == FormulaSource.Kind.SHARED
                            ? Shift.by(e, cell.row() - src.anchorRow(), cell.col() - src.anchorCol())
                            : e;
                } else {
                    error = (String) parsed;
                }
                CellAddress arrayAnchor = src.isArray() ? anchor : null;
                out.put(at, new ParsedFormula(at, expr, arrayAnchor, src.lastRow(), src.lastCol(), error));
            }
        }
        return new WorkbookFormulas(wb, out);
    }

    private static Object parseText(Workbook wb, CellAddress at, String text) {
        try {
            return FormulaParser.parse(text, new WorkbookParseContext(wb, at.sheet(), at.row(), at.col()));
        } catch (FormulaSyntaxException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return "cannot parse =" + text + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    public Workbook workbook() {
        return workbook;
    }

    /** The parsed formula of a cell, or null when the cell holds no formula. */
    public ParsedFormula get(CellAddress cell) {
        return byCell.get(cell);
    }

    public ParsedFormula get(int sheet, int row, int col) {
        return byCell.get(new CellAddress(sheet, row, col));
    }

    /** All formula cells in sheet, row, column order. */
    public Collection<ParsedFormula> all() {
        return byCell.values();
    }

    public int size() {
        return byCell.size();
    }
}
