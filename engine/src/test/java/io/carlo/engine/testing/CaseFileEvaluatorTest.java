package io.carlo.engine.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bridge the differential fuzzer (tools/fuzz) uses to have Carlo compute a case file. */
class CaseFileEvaluatorTest {

    @Test
    void writesEachFormulaWithCarlosValueAsALiteral(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.txt");
        Files.writeString(cases, String.join("\n",
                "# a comment line",
                "=1+1\t?",
                "=Data!C1&\"s\"\t?",
                "",
                "=Data!E2\t#N/A",
                "=Data!B8\t?",
                "=1<2\t?",
                "=\"a\"\"b\"\t?"), StandardCharsets.UTF_8);
        Path results = dir.resolve("carlo.txt");

        CaseFileEvaluator.main(new String[] {cases.toString(), results.toString()});

        assertEquals(List.of(
                "=1+1\t2.0",
                "=Data!C1&\"s\"\t\"apples\"",
                "=Data!E2\t#N/A",
                "=Data!B8\t0.0",
                "=1<2\tTRUE",
                "=\"a\"\"b\"\t\"a\"\"b\""), Files.readAllLines(results, StandardCharsets.UTF_8));
    }

    @Test
    void aFormulaCarloCannotParseDoesNotStopTheOthers() {
        List<String> results = CaseFileEvaluator.evaluate(List.of("=1+", "=2*3"));
        assertEquals("6.0", results.get(1));
    }
}
