package io.carlo.engine.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.carlo.engine.testing.HostileFiles;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.NumberValue;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbookLoaderTest {

    @TempDir
    Path dir;

    private final WorkbookLoader loader = new WorkbookLoader();

    @Test
    void loadsConstantsFormulasAndCachedValues() {
        Workbook wb = loader.load(TestWorkbooks.shared("unit-margin-lookup.xlsx"));
        assertEquals(2, wb.sheets().size());
        assertEquals(8, wb.formulaCount());
        assertTrue(wb.sheets().stream().anyMatch(s -> s.name().equals("sheet 2")));
    }

    @Test
    void sharedFormulasPointToTheirAnchor() {
        Workbook wb = loader.load(TestWorkbooks.shared("startup-36-month-plan.xlsx"));
        assertEquals(7528, wb.formulaCount());
        Sheet likest = wb.sheet(wb.sheetIndex("WIZEMICE Likest"));
        Cell e108 = likest.cell(107, 4); // E108 = ROUND(D108*(100%+E107),0), shared from E108
        assertEquals(FormulaSource.Kind.SHARED, e108.formula().kind());
        Cell f108 = likest.cell(107, 5);
        assertEquals(107, f108.formula().anchorRow());
        assertEquals(4, f108.formula().anchorCol());
        assertTrue(f108.hasCachedValue());
        assertTrue(f108.value() instanceof NumberValue);
    }

    @Test
    void arrayFormulasKeepTheirRange() {
        Workbook wb = loader.load(TestWorkbooks.shared("startup-36-month-plan.xlsx"));
        Cell b9 = wb.sheet(0).cell(8, 1);
        assertEquals(FormulaSource.Kind.ARRAY, b9.formula().kind());
        assertThat(b9.formula().text()).contains("MATCH(TRUE");
    }

    @Test
    void emptyCachedValueCountsAsNone() {
        Workbook wb = loader.load(TestWorkbooks.shared("business-model.xlsx"));
        for (Cell c : wb.sheet(0).cells()) {
            if (c.isFormula()) {
                assertTrue(!c.hasCachedValue(), c.toString());
            }
        }
    }

    private String failure(String name, byte[] bytes) {
        Path file = HostileFiles.write(dir, name, bytes);
        WorkbookLoadException e = assertThrows(WorkbookLoadException.class, () -> loader.load(file));
        assertThat(e.getMessage()).doesNotContain("\n").startsWith(name + ": ");
        return e.getMessage();
    }

    @Test
    void truncatedFileIsACleanError() {
        assertThat(failure("broken.xlsx", HostileFiles.truncated())).containsAnyOf("corrupt", "not an Excel");
    }

    @Test
    void textFileIsNotAWorkbook() {
        assertThat(failure("data.xlsx", HostileFiles.notAWorkbook())).contains("not an Excel workbook");
    }

    @Test
    void passwordProtectedFileSaysSo() {
        assertThat(failure("secret.xlsx", HostileFiles.passwordProtected())).contains("password-protected");
    }

    @Test
    void zipBombIsRejected() {
        assertThat(failure("bomb.xlsx", HostileFiles.zipBomb(16))).contains("zip bomb");
    }

    @Test
    void xxePayloadIsRejectedWithoutReadingTheFile() {
        String message = failure("xxe.xlsx", HostileFiles.xxe());
        assertThat(message).doesNotContain("root:");
    }

    @Test
    void missingFileIsACleanError() {
        WorkbookLoadException e = assertThrows(WorkbookLoadException.class, () -> loader.load(dir.resolve("nope.xlsx")));
        assertThat(e.getMessage()).isEqualTo("nope.xlsx: no such file");
    }

    @Test
    void emptyFileIsACleanError() {
        assertThat(failure("empty.xlsx", new byte[0])).contains("empty");
    }
}
