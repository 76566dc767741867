package io.carlo.engine.testing;

import io.carlo.engine.formula.TableDef;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CalculationSettings;
import io.carlo.engine.workbook.Cell;
import io.carlo.engine.workbook.DefinedName;
import io.carlo.engine.workbook.FormulaSource;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds in-memory workbooks for tests, from cell texts: a formula ("=A1+1") or a literal ("3", "\"x\""). */
public final class TestWorkbooks {

    private static final Pattern A1 = Pattern.compile("([A-Z]+)(\\d+)");

    private final Map<String, Map<String, String>> sheets = new LinkedHashMap<>();
    private final List<DefinedName> names = new ArrayList<>();
    private final List<TableDef> tables = new ArrayList<>();
    private CalculationSettings calculation = CalculationSettings.DEFAULT;

    /** Sets a cell: {@code text} starting with '=' is a formula, otherwise a literal constant. */
    public TestWorkbooks set(String sheet, String a1, String text) {
        sheets.computeIfAbsent(sheet, k -> new LinkedHashMap<>()).put(a1, text);
        return this;
    }

    public TestWorkbooks sheet(String sheet) {
        sheets.computeIfAbsent(sheet, k -> new LinkedHashMap<>());
        return this;
    }

    public TestWorkbooks name(String name, int scopeSheet, String formula) {
        names.add(new DefinedName(name, scopeSheet, formula));
        return this;
    }

    public TestWorkbooks table(TableDef table) {
        tables.add(table);
        return this;
    }

    public TestWorkbooks iterative(int maxIterations, double maxChange) {
        calculation = new CalculationSettings(true, maxIterations, maxChange);
        return this;
    }

    /** Adds the fixture sheet 'Data' that the function case files read. */
    public TestWorkbooks withFixture() {
        sheet("Data");
        try (InputStream in = TestWorkbooks.class.getResourceAsStream("/cases/fixture.txt")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t", 2);
                set("Data", parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Workbook build() {
        List<Sheet> out = new ArrayList<>();
        int index = 0;
        for (var e : sheets.entrySet()) {
            List<Cell> cells = new ArrayList<>();
            for (var c : e.getValue().entrySet()) {
                Matcher m = A1.matcher(c.getKey());
                if (!m.matches()) {
                    throw new IllegalArgumentException(c.getKey());
                }
                int col = 0;
                for (char ch : m.group(1).toCharArray()) {
                    col = col * 26 + (ch - 'A' + 1);
                }
                int row = Integer.parseInt(m.group(2)) - 1;
                String text = c.getValue();
                if (text.startsWith("=")) {
                    cells.add(new Cell(row, col - 1, io.carlo.engine.value.BlankValue.BLANK,
                            FormulaSource.normal(text.substring(1), row, col - 1), false, "General"));
                } else {
                    Scalar v = Literals.parse(text);
                    cells.add(new Cell(row, col - 1, v, null, false, "General"));
                }
            }
            out.add(new Sheet(e.getKey(), index++, cells));
        }
        return new Workbook("test", out, names, tables, calculation, false);
    }

    /** A workbook from ../shared/workbooks (the system property carlo.workbooks points there). */
    public static Path shared(String file) {
        String dir = System.getProperty("carlo.workbooks");
        if (dir != null && java.nio.file.Files.isDirectory(Path.of(dir))) {
            return Path.of(dir).resolve(file).normalize();
        }
        // a checkout elsewhere (a git worktree, an IDE run): look for shared/workbooks further up
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/workbooks");
            if (java.nio.file.Files.isDirectory(candidate)) {
                return candidate.resolve(file);
            }
        }
        throw new IllegalStateException("the shared example workbooks were not found: put them in ../shared/workbooks "
                + "beside the repository or pass -Dcarlo.workbooks=DIR");
    }
}
