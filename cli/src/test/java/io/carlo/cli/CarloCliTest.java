package io.carlo.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.carlo.engine.testing.HostileFiles;
import io.carlo.engine.testing.TestWorkbooks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CarloCliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private static Result carlo(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Carlo.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String workbook(String name) {
        return TestWorkbooks.shared(name).toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"startup-36-month-plan.xlsx", "product-portfolio-200.xlsx", "unit-margin-lookup.xlsx"})
    void verifyPassesOnWorkbooksWithCachedValues(String file) throws Exception {
        Result r = carlo("verify", workbook(file), "--json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        for (String key : List.of("formulaCells", "compared", "matched", "mismatched", "unsupported", "noCachedValue",
                "unsupportedFunctions", "mismatches")) {
            assertThat(json.has(key)).as(key).isTrue();
        }
        assertEquals(0, json.get("mismatched").asInt());
        assertEquals(json.get("compared").asInt(), json.get("matched").asInt());
        assertThat(json.get("compared").asInt()).isPositive();
    }

    @Test
    void verifyCountsTheStartupPlansFormulas() throws Exception {
        Result r = carlo("verify", workbook("startup-36-month-plan.xlsx"), "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(7528, json.get("formulaCells").asInt());
        assertEquals(7528, json.get("compared").asInt());
    }

    @Test
    void verifyReportsMismatchesAndExitsOne() throws Exception {
        // A2 caches 5 but computes 6: Carlo must say so
        Path file = HostileFiles.write(dir, "wrong.xlsx", HostileFiles.validXlsxWithWrongCachedValue());
        Result r = carlo("verify", file.toString(), "--json");
        assertEquals(1, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("mismatched").asInt());
        JsonNode m = json.get("mismatches").get(0);
        assertEquals("Sheet1!A2", m.get("cell").asText());
        assertEquals("=A1*3", m.get("formula").asText());
        assertEquals("5", m.get("expected").asText());
        assertEquals("6", m.get("actual").asText());
    }

    @Test
    void inspectListsFunctionsAndSheets() throws Exception {
        Result r = carlo("inspect", workbook("startup-36-month-plan.xlsx"), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(4, json.get("sheets").size());
        assertEquals(7528, json.get("formulaCells").asInt());
        assertThat(json.get("functions").has("IRR")).isTrue();
        assertEquals(0, json.get("unsupportedFunctions").size());
        Result text = carlo("inspect", workbook("unit-margin-lookup.xlsx"));
        assertThat(text.out()).contains("VLOOKUP").contains("unsupported functions: none");
    }

    @Test
    void inspectNamesUnsupportedFunctionsWithTheirCells() throws Exception {
        Path file = HostileFiles.write(dir, "custom.xlsx", HostileFiles.xlsxWithFormula("MYADDIN(1)+1"));
        Result r = carlo("inspect", file.toString(), "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("unsupportedFunctions").get("MYADDIN").asInt());
        assertEquals("Sheet1!A2", json.get("unsupportedCells").get("MYADDIN").get(0).asText());
        Result v = carlo("verify", file.toString());
        assertEquals(1, v.code());
        assertThat(v.out()).contains("unsupported function MYADDIN");
    }

    @Test
    void hostileAndBrokenFilesGiveOneLineAndExitTwo() {
        List<Path> files = List.of(
                HostileFiles.write(dir, "broken.xlsx", HostileFiles.truncated()),
                HostileFiles.write(dir, "notes.xlsx", HostileFiles.notAWorkbook()),
                HostileFiles.write(dir, "locked.xlsx", HostileFiles.passwordProtected()),
                HostileFiles.write(dir, "bomb.xlsx", HostileFiles.zipBomb(16)),
                HostileFiles.write(dir, "xxe.xlsx", HostileFiles.xxe()),
                dir.resolve("missing.xlsx"));
        for (Path f : files) {
            for (String command : List.of("verify", "inspect")) {
                Result r = carlo(command, f.toString());
                assertEquals(2, r.code(), command + " " + f.getFileName() + ": " + r.err());
                assertThat(r.err().strip()).startsWith("carlo: " + f.getFileName()).doesNotContain("\n")
                        .doesNotContain("Exception").doesNotContain("\tat ");
            }
        }
    }

    @Test
    void badUsageIsExplained() {
        Result r = carlo("verify");
        assertEquals(2, r.code());
        assertThat(r.err()).contains("Missing required parameter");
    }

    @Test
    void everyCommandsHelpIsWellFormed() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream warnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(warnings, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            for (String command : List.of("run", "inspect", "verify", "serve")) {
                Result r = carlo(command, "--help");
                assertEquals(0, r.code(), command);
                assertThat(r.out()).contains("Usage: carlo " + command);
            }
        } finally {
            System.setErr(original);
        }
        // picocli reports a description it cannot format (a lone '%') on stderr
        assertThat(warnings.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("picocli WARN");
    }
}
