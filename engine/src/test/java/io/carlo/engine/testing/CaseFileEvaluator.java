package io.carlo.engine.testing;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Workbook;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the formulas of a case file (any path, in the format of src/test/resources/cases) with
 * Carlo and writes what Carlo computes, one line per case: {@code FORMULA<TAB>LITERAL}. The
 * differential fuzzer (tools/fuzz) compares that with LibreOffice's values; unlike
 * FunctionCasesTest it never fails, so that thousands of generated formulas can be listed at once.
 *
 * <p>Usage: {@code CaseFileEvaluator CASES.txt RESULTS.txt}. A blank result is written {@code BLANK};
 * a formula Carlo cannot evaluate at all is written {@code EXCEPTION: message}.
 */
public final class CaseFileEvaluator {

    private CaseFileEvaluator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: CaseFileEvaluator CASES.txt RESULTS.txt");
            System.exit(2);
        }
        List<String> formulas = formulas(Path.of(args[0]));
        List<String> results = evaluate(formulas);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8))) {
            for (int i = 0; i < formulas.size(); i++) {
                out.print(formulas.get(i));
                out.print('\t');
                out.print(results.get(i));
                out.print('\n');
            }
        }
    }

    /** The formula of every case line (lines starting with '='), in file order. */
    static List<String> formulas(Path caseFile) throws IOException {
        List<String> formulas = new ArrayList<>();
        for (String line : Files.readAllLines(caseFile, StandardCharsets.UTF_8)) {
            if (line.startsWith("=")) {
                formulas.add(line.split("\t", 2)[0]);
            }
        }
        return formulas;
    }

    /** Carlo's value of each formula as a literal, each in its own row of sheet Tests next to Data. */
    static List<String> evaluate(List<String> formulas) {
        TestWorkbooks builder = new TestWorkbooks().sheet("Tests").withFixture();
        for (int i = 0; i < formulas.size(); i++) {
            builder.set("Tests", "A" + (i + 1), formulas.get(i));
        }
        Workbook wb = builder.build();
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(wb);
        List<String> results = new ArrayList<>(formulas.size());
        for (int i = 0; i < formulas.size(); i++) {
            try {
                results.add(literal(evaluator.value(new CellAddress(0, i, 0))));
            } catch (RuntimeException e) {
                // one broken formula must not hide the results of the others
                results.add("EXCEPTION: " + String.valueOf(e).replace('\t', ' ').replace('\n', ' '));
            }
        }
        return results;
    }

    static String literal(Scalar v) {
        return switch (v) {
            case NumberValue n -> Double.toString(n.value());
            case TextValue t -> '"' + t.value().replace("\"", "\"\"") + '"';
            case BooleanValue b -> b.value() ? "TRUE" : "FALSE";
            case BlankValue b -> "BLANK";
            case ExcelError e -> e.text();
        };
    }
}
