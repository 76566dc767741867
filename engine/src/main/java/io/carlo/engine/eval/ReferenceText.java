package io.carlo.engine.eval;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.FormulaParser;
import io.carlo.engine.formula.WorkbookParseContext;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ReferenceValue;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the reference texts INDIRECT receives, in A1 or R1C1 style. */
final class ReferenceText {

    private static final Pattern R1C1 = Pattern.compile(
            "(?i)R(\\[-?\\d+]|\\d+)?C(\\[-?\\d+]|\\d+)?(?::R(\\[-?\\d+]|\\d+)?C(\\[-?\\d+]|\\d+)?)?");

    private ReferenceText() {
    }

    static Optional<ReferenceValue> parse(String text, boolean a1Style, CellContext c, CellSource wb) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (!a1Style) {
            return parseR1C1(t, c, wb);
        }
        try {
            Expr e = FormulaParser.parse(t, new WorkbookParseContext(wb.workbook(), c.hostSheet(), c.hostRow(), c.hostCol()));
            if (e instanceof Expr.Reference r) {
                return Optional.of(new ReferenceValue(r.areas()));
            }
            if (e instanceof Expr.Name n) {
                return wb.formulas().name(n.name(), c.hostSheet())
                        .filter(x -> x instanceof Expr.Reference)
                        .map(x -> new ReferenceValue(((Expr.Reference) x).areas()));
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<ReferenceValue> parseR1C1(String t, CellContext c, CellSource wb) {
        int sheet = c.hostSheet();
        int bang = t.lastIndexOf('!');
        if (bang >= 0) {
            String name = t.substring(0, bang);
            if (name.startsWith("'") && name.endsWith("'") && name.length() >= 2) {
                name = name.substring(1, name.length() - 1).replace("''", "'");
            }
            sheet = wb.workbook().sheetIndex(name);
            if (sheet < 0) {
                return Optional.empty();
            }
            t = t.substring(bang + 1);
        }
        Matcher m = R1C1.matcher(t);
        if (!m.matches()) {
            return Optional.empty();
        }
        int r0 = coordinate(m.group(1), c.hostRow());
        int c0 = coordinate(m.group(2), c.hostCol());
        int r1 = m.group(3) != null || m.group(4) != null || t.contains(":") ? coordinate(m.group(3), c.hostRow()) : r0;
        int c1 = m.group(3) != null || m.group(4) != null || t.contains(":") ? coordinate(m.group(4), c.hostCol()) : c0;
        if (r0 < 0 || c0 < 0 || r1 < 0 || c1 < 0 || r0 > Area.MAX_ROW || r1 > Area.MAX_ROW
                || c0 > Area.MAX_COL || c1 > Area.MAX_COL) {
            return Optional.empty();
        }
        return Optional.of(ReferenceValue.of(new Area(sheet, r0, c0, r1, c1)));
    }

    /** "5" is absolute row 5, "[-1]" is one before the host, nothing is the host's own. */
    private static int coordinate(String g, int host) {
        if (g == null) {
            return host;
        }
        if (g.startsWith("[")) {
            return host + Integer.parseInt(g.substring(1, g.length() - 1));
        }
        return Integer.parseInt(g) - 1;
    }
}
