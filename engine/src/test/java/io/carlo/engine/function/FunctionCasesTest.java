package io.carlo.engine.function;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.testing.Literals;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Workbook;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every case file in src/test/resources/cases (see its README): each formula is evaluated by
 * Carlo in a sheet next to the fixture sheet 'Data' and compared with the value a spreadsheet
 * computed. {@code -Dcases=math} restricts the run to one file.
 */
class FunctionCasesTest {

    record Case(String file, int line, String formula, String expected) {
    }

    @TestFactory
    Stream<DynamicTest> cases() throws IOException, URISyntaxException {
        Path dir = Path.of(FunctionCasesTest.class.getResource("/cases").toURI());
        String only = System.getProperty("cases");
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(".txt") || name.equals("fixture.txt")) {
                    continue;
                }
                if (only != null && !only.isBlank() && !name.equals(only + ".txt")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (!line.startsWith("=")) {
                        continue;
                    }
                    String[] parts = line.split("\t");
                    if (parts.length < 2) {
                        fail(name + ":" + (i + 1) + ": a case needs a TAB and an expected value");
                    }
                    cases.add(new Case(name, i + 1, parts[0], parts[1]));
                }
            }
        }
        assertTrue(!cases.isEmpty() || only != null, "no function cases found");
        TestWorkbooks builder = new TestWorkbooks().sheet("Tests").withFixture();
        for (int i = 0; i < cases.size(); i++) {
            builder.set("Tests", "A" + (i + 1), cases.get(i).formula());
        }
        Workbook wb = builder.build();
        WorkbookEvaluator evaluator = WorkbookEvaluator.of(wb);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            CellAddress cell = new CellAddress(0, i, 0);
            tests.add(DynamicTest.dynamicTest(c.file() + ":" + c.line() + " " + c.formula(), () -> {
                if (c.expected().equals("?")) {
                    fail("expected value not filled in yet (run tools/oracle/fill-expected)");
                }
                Scalar expected = Literals.parse(c.expected());
                Scalar actual = evaluator.value(cell);
                assertTrue(Literals.matches(expected, actual), () -> c.formula() + " expected "
                        + Literals.format(expected) + " but Carlo computed " + Literals.format(actual));
            }));
        }
        return tests.stream();
    }
}
