package io.carlo.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.inspect.FunctionUsage;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.verify.VerifyReport;
import io.carlo.engine.verify.WorkbookVerifier;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated benchmark models load in Carlo and Carlo reproduces every value POI cached in them. */
class GeneratedModelsTest {

    @TempDir
    Path dir;

    @Test
    void npvModelVerifiesAgainstPoi() {
        BenchmarkModel model = GeneratedModels.npvModel(dir.resolve("npv.xlsx"));
        Workbook wb = new WorkbookLoader().load(model.file());
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(wb);

        assertVerifies(evaluator, 74);
        assertThat(model.inputs()).hasSize(5);
        // base case: NPV by discount factors equals Excel's NPV(), and the IRR is a plausible rate
        double npv = number(evaluator, wb, "NPV", "B24");
        assertThat(npv).isCloseTo(number(evaluator, wb, "NPV", "B25"), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(npv).isPositive();
        assertThat(number(evaluator, wb, "NPV", "B26")).isBetween(0.10, 0.40);
    }

    @Test
    void portfolioModelVerifiesAgainstPoi() {
        BenchmarkModel model = GeneratedModels.portfolioModel(dir.resolve("portfolio.xlsx"));
        Workbook wb = new WorkbookLoader().load(model.file());
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(wb);

        int expected = GeneratedModels.PRODUCTS * GeneratedModels.PORTFOLIO_YEARS * 5 + GeneratedModels.PORTFOLIO_YEARS * 9 + 3;
        assertVerifies(evaluator, expected);
        assertThat(wb.sheets()).extracting(s -> s.name()).containsExactly("Assumptions", "Products", "Summary");
        assertThat(FunctionUsage.of(evaluator.formulas(), FunctionLibrary.standard()).used().keySet())
                .contains("SUM", "VLOOKUP", "IF", "MAX", "MIN");
        // some products climb into a higher discount tier over the 20 years: the approximate lookup matters
        int discounted = 0;
        for (int p = 0; p < GeneratedModels.PRODUCTS; p++) {
            double year1 = number(evaluator, wb, "Products", "C" + (3 + GeneratedModels.PRODUCTS + p));
            double listPrice = ((NumberValue) wb.cell(0, 11 + p, 1).value()).value();
            if (year1 < listPrice - 1e-9) {
                discounted++;
            }
        }
        assertThat(discounted).isBetween(1, GeneratedModels.PRODUCTS - 1);
        assertThat(number(evaluator, wb, "Summary", "B14")).isPositive();
    }

    @Test
    void generationIsReproducible() throws Exception {
        Path a = dir.resolve("a.xlsx");
        Path b = dir.resolve("b.xlsx");
        GeneratedModels.writePortfolioModel(a);
        GeneratedModels.writePortfolioModel(b);
        Workbook wa = new WorkbookLoader().load(a);
        Workbook wb = new WorkbookLoader().load(b);
        for (int row = 11; row < 11 + GeneratedModels.PRODUCTS; row++) {
            for (int col = 0; col < 5; col++) {
                assertEquals(wa.cell(0, row, col).value(), wb.cell(0, row, col).value());
            }
        }
        assertThat(Files.size(a)).isPositive();
    }

    private static void assertVerifies(WorkbookEvaluator evaluator, int formulas) {
        VerifyReport r = WorkbookVerifier.verify(evaluator, FunctionLibrary.standard());
        assertThat(r.mismatches()).isEmpty();
        assertEquals(formulas, r.formulaCells());
        assertEquals(formulas, r.compared(), "POI cached a value in every formula cell");
        assertEquals(0, r.unsupported(), "unsupported: " + r.unsupportedFunctions());
        assertThat(r.passed()).isTrue();
    }

    private static double number(WorkbookEvaluator evaluator, Workbook wb, String sheet, String a1) {
        var ref = new org.apache.poi.ss.util.CellReference(a1);
        Scalar v = evaluator.value(wb.sheetIndex(sheet), ref.getRow(), ref.getCol());
        assertThat(v).as(sheet + "!" + a1).isInstanceOf(NumberValue.class);
        return ((NumberValue) v).value();
    }
}
