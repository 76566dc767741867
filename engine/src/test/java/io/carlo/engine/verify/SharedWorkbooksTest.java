package io.carlo.engine.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.testing.Literals;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real workbooks of ../shared/workbooks: Carlo must compute what Excel (or LibreOffice) computed. */
class SharedWorkbooksTest {

    @ParameterizedTest
    @ValueSource(strings = {"startup-36-month-plan.xlsx", "product-portfolio-200.xlsx", "unit-margin-lookup.xlsx"})
    void everyCachedValueIsReproduced(String file) {
        Workbook wb = new WorkbookLoader().load(TestWorkbooks.shared(file));
        VerifyReport r = WorkbookVerifier.verify(WorkbookEvaluator.of(wb), FunctionLibrary.standard());
        assertThat(r.mismatches()).as("mismatches in " + file).isEmpty();
        assertEquals(0, r.unsupported(), "unsupported functions: " + r.unsupportedFunctions());
        assertEquals(r.formulaCells(), r.compared(), "every formula cell carries a cached value");
        assertTrue(r.passed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"business-model", "investment-returns", "project-costs", "simple-monte-carlo"})
    void workbooksWithoutCachedValuesMatchLibreOffice(String name) throws IOException {
        Workbook wb = new WorkbookLoader().load(TestWorkbooks.shared(name + ".xlsx"));
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(wb);
        evaluator.evaluateAll();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (InputStream in = getClass().getResourceAsStream("/workbooks/" + name + ".expected.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                String ref = parts[0];
                int bang = ref.lastIndexOf('!');
                String sheet = ref.substring(0, bang).replaceAll("^'|'$", "").replace("''", "'");
                var a = new org.apache.poi.ss.util.CellReference(ref.substring(bang + 1));
                Scalar expected = Literals.parse(parts[1]);
                Scalar actual = evaluator.value(wb.sheetIndex(sheet), a.getRow(), a.getCol());
                checked++;
                if (!Literals.matches(expected, actual)) {
                    failures.add(ref + ": LibreOffice " + parts[1] + ", Carlo " + Literals.format(actual));
                }
            }
        }
        assertEquals(wb.formulaCount(), checked, "every formula cell has an expected value");
        assertThat(failures).isEmpty();
    }
}
