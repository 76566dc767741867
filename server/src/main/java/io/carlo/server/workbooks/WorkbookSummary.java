package io.carlo.server.workbooks;

import io.carlo.engine.inspect.InspectReport;
import java.util.List;
import java.util.Map;

/**
 * What an upload tells about a workbook (the same facts as {@code carlo inspect}): its sheets, its
 * formulas and functions, the functions Carlo does not support and where they are, and the inputs
 * and outputs the workbook declares itself (RiskNormal(...), RiskOutput()).
 */
public record WorkbookSummary(List<SheetInfo> sheets, int formulaCells, Map<String, Integer> functions,
                              Map<String, Integer> unsupportedFunctions, Map<String, List<String>> unsupportedCells,
                              Map<String, String> parseErrors, List<DeclaredCell> declaredInputs,
                              List<DeclaredCell> declaredOutputs, boolean iterativeCalculation, int definedNames,
                              int tables, boolean hasMacros, List<String> warnings) {

    /** Said on every upload of a workbook with a VBA project. */
    public static final String MACRO_WARNING = "This workbook contains macros (VBA). Carlo never runs them; "
            + "it computes the formulas only, so any value a macro would set or change is taken as saved in the file.";

    public WorkbookSummary {
        warnings = warnings == null ? List.of() : List.copyOf(warnings); // summaries stored before warnings existed
    }

    /**
     * @param index     the sheet's position, used in the grid's URL
     * @param usedRange e.g. {@code A1:G12}, empty for an empty sheet
     */
    public record SheetInfo(int index, String name, int cells, int formulaCells, String usedRange, int lastRow,
                            int lastCol) {
    }

    public record DeclaredCell(String cell, String formula) {
    }

    static WorkbookSummary of(InspectReport r, List<SheetInfo> sheets, boolean hasMacros) {
        return new WorkbookSummary(sheets, r.formulaCells(), r.functions(), r.unsupportedFunctions(),
                r.unsupportedCells(), r.parseErrors(),
                r.inputs().stream().map(c -> new DeclaredCell(c.cell(), c.formula())).toList(),
                r.outputs().stream().map(c -> new DeclaredCell(c.cell(), c.formula())).toList(),
                r.iterativeCalculation(), r.definedNames(), r.tables(), hasMacros,
                hasMacros ? List.of(MACRO_WARNING) : List.of());
    }
}
