package io.carlo.engine.inspect;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.sampling.RiskCalls;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Summarises a workbook for {@code carlo inspect} and for the upload response of the server. */
public final class WorkbookInspector {

    private static final int MAX_CELLS_PER_FUNCTION = 20;

    private WorkbookInspector() {
    }

    public static InspectReport inspect(Workbook wb, WorkbookFormulas formulas, FunctionLibrary library) {
        List<InspectReport.SheetSummary> sheets = new ArrayList<>();
        for (Sheet s : wb.sheets()) {
            int f = 0;
            for (Cell c : s.cells()) {
                if (c.isFormula()) {
                    f++;
                }
            }
            String used = s.lastRow() < 0 ? "" : "A1:" + CellAddress.a1(s.lastRow(), Math.max(s.lastCol(), 0));
            sheets.add(new InspectReport.SheetSummary(s.name(), s.cellCount(), f, used));
        }
        FunctionUsage usage = FunctionUsage.of(formulas, library);
        Map<String, List<String>> unsupportedCells = new LinkedHashMap<>();
        usage.unsupportedCells().forEach((name, cells) -> unsupportedCells.put(name,
                cells.stream().limit(MAX_CELLS_PER_FUNCTION).map(wb::describe).toList()));
        Map<String, String> parseErrors = new LinkedHashMap<>();
        List<InspectReport.DeclaredCell> inputs = new ArrayList<>();
        List<InspectReport.DeclaredCell> outputs = new ArrayList<>();
        for (ParsedFormula f : formulas.all()) {
            String where = wb.describe(f.cell());
            if (f.error() != null) {
                parseErrors.put(where, f.error());
                continue;
            }
            if (f.expr() == null || (f.isArray() && !f.isArrayAnchor())) {
                continue;
            }
            String text = "=" + wb.cell(f.cell().sheet(), f.cell().row(), f.cell().col()).formula().text();
            if (calls(f.expr(), true)) {
                inputs.add(new InspectReport.DeclaredCell(where, text));
            }
            if (calls(f.expr(), false)) {
                outputs.add(new InspectReport.DeclaredCell(where, text));
            }
        }
        return new InspectReport(wb.source(), sheets, formulas.size(), usage.used(), usage.unsupported(),
                unsupportedCells, parseErrors, inputs, outputs, wb.calculation().iterative(), wb.names().size(),
                wb.tables().size());
    }

    /** Whether an expression calls an @RISK-style distribution (inputs) or RiskOutput (outputs). */
    private static boolean calls(Expr e, boolean distribution) {
        return switch (e) {
            case Expr.Call c -> {
                String n = c.name().toUpperCase(Locale.ROOT);
                boolean hit = distribution ? RiskCalls.isDistribution(n) : RiskCalls.isOutput(n);
                if (hit) {
                    yield true;
                }
                for (Expr a : c.args()) {
                    if (calls(a, distribution)) {
                        yield true;
                    }
                }
                yield false;
            }
            case Expr.Unary u -> calls(u.operand(), distribution);
            case Expr.Binary b -> calls(b.left(), distribution) || calls(b.right(), distribution);
            default -> false;
        };
    }
}
