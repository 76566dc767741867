package io.carlo.cli;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.verify.VerifyReport;
import io.carlo.engine.verify.WorkbookVerifier;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Recompute every formula from the workbook's constants and compare with the values "
                + "Excel cached in the file. Exit 0 when all match and none is unsupported, 1 otherwise, "
                + "2 when the file cannot be read.")
final class VerifyCommand implements Callable<Integer> {

    @Mixin
    WorkbookArguments workbook;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        LinkedWorkbook m = LinkedWorkbook.load(workbook.file);
        VerifyReport r = WorkbookVerifier.verify(m.evaluator(), FunctionLibrary.standard());
        PrintWriter out = spec.commandLine().getOut();
        if (workbook.json) {
            out.println(Json.write(r));
        } else {
            out.printf("%s: %d formula cells, %d compared, %d matched, %d mismatched, %d unsupported, "
                            + "%d without cached value%s%n", m.workbook().source(), r.formulaCells(), r.compared(),
                    r.matched(), r.mismatched(), r.unsupported(), r.noCachedValue(),
                    r.volatileCells() > 0 ? ", " + r.volatileCells() + " volatile (RAND/NOW) not compared" : "");
            r.unsupportedFunctions().forEach((name, n) -> out.printf("  unsupported function %s in %d formulas%n", name, n));
            for (VerifyReport.Mismatch mm : r.mismatches()) {
                out.printf("  %s %s: Excel %s, Carlo %s%n", mm.cell(), mm.formula(), mm.expected(), mm.actual());
            }
            if (r.mismatched() > r.mismatches().size()) {
                out.printf("  ... and %d more mismatches%n", r.mismatched() - r.mismatches().size());
            }
            if (r.compared() == 0 && r.passed()) {
                out.println("OK, but nothing to compare: the file carries no cached values (save it in Excel first)");
            } else {
                out.println(r.passed() ? "OK" : "FAILED");
            }
        }
        out.flush();
        return r.passed() ? 0 : 1;
    }
}
