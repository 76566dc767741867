package io.carlo.cli;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.inspect.InspectReport;
import io.carlo.engine.inspect.WorkbookInspector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show a workbook's sheets, formulas, functions used and unsupported functions, "
                + "and the inputs and outputs it declares.")
final class InspectCommand implements Callable<Integer> {

    @Mixin
    WorkbookArguments workbook;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LinkedWorkbook m = LinkedWorkbook.load(workbook.file);
        InspectReport r = WorkbookInspector.inspect(m.workbook(), m.formulas(), FunctionLibrary.standard());
        PrintWriter out = spec.commandLine().getOut();
        if (workbook.json) {
            out.println(Json.write(r));
        } else {
            printText(r, out);
        }
        out.flush();
        return 0;
    }

    private static void printText(InspectReport r, PrintWriter out) {
        out.printf("%s: %d sheets, %d formula cells%n", r.file(), r.sheets().size(), r.formulaCells());
        for (InspectReport.SheetSummary s : r.sheets()) {
            out.printf("  %-32s %6d cells %6d formulas  %s%n", s.name(), s.cells(), s.formulaCells(), s.usedRange());
        }
        out.println("functions used:");
        printCounts(r.functions(), out);
        if (r.unsupportedFunctions().isEmpty()) {
            out.println("unsupported functions: none");
        } else {
            out.println("unsupported functions:");
            r.unsupportedFunctions().forEach((name, n) -> out.printf("  %-20s %5d  e.g. %s%n", name, n,
                    String.join(", ", r.unsupportedCells().get(name).stream().limit(3).toList())));
        }
        if (!r.parseErrors().isEmpty()) {
            out.println("formulas Carlo cannot read:");
            r.parseErrors().forEach((cell, err) -> out.printf("  %s: %s%n", cell, err));
        }
        out.printf("declared inputs: %d, declared outputs: %d%n", r.inputs().size(), r.outputs().size());
        r.inputs().forEach(c -> out.printf("  input  %s %s%n", c.cell(), c.formula()));
        r.outputs().forEach(c -> out.printf("  output %s %s%n", c.cell(), c.formula()));
        if (r.iterativeCalculation()) {
            out.println("iterative calculation: enabled");
        }
    }

    private static void printCounts(Map<String, Integer> counts, PrintWriter out) {
        StringBuilder line = new StringBuilder("  ");
        for (var e : counts.entrySet()) {
            String item = e.getKey() + " (" + e.getValue() + ")";
            if (line.length() + item.length() > 100) {
                out.println(line.toString().stripTrailing());
                line = new StringBuilder("  ");
            }
            line.append(item).append("  ");
        }
        if (line.length() > 2) {
            out.println(line.toString().stripTrailing());
        }
    }
}
