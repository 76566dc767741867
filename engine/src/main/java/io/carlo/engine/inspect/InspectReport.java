package io.carlo.engine.inspect;

import java.util.List;
import java.util.Map;

/**
 * What {@code carlo inspect} tells about a workbook.
 *
 * @param functions            function name to the number of formulas calling it
 * @param unsupportedFunctions unknown function name to the number of formulas calling it
 * @param unsupportedCells     unknown function name to the first cells calling it
 * @param parseErrors          cell to the syntax error of formulas Carlo cannot read
 * @param inputs               cells declaring an input distribution in the workbook (RiskNormal...)
 * @param outputs              cells marked as outputs (RiskOutput)
 */
public record InspectReport(String file, List<SheetSummary> sheets, int formulaCells, Map<String, Integer> functions,
                            Map<String, Integer> unsupportedFunctions, Map<String, List<String>> unsupportedCells,
                            Map<String, String> parseErrors, List<DeclaredCell> inputs, List<DeclaredCell> outputs,
                            boolean iterativeCalculation, int definedNames, int tables) {

    public record SheetSummary(String name, int cells, int formulaCells, String usedRange) {
    }

    /** A cell whose formula declares a distribution or an output, with that formula. */
    public record DeclaredCell(String cell, String formula) {
    }
}
