package io.carlo.engine.function.text;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * TEXTBEFORE, TEXTAFTER and TEXTSPLIT. Each delimiter argument may be an array of alternatives
 * ({@code {",",";"}}); match_mode 1 ignores case.
 */
final class DelimiterFunctions {

    private DelimiterFunctions() {
    }

    static void register(FunctionRegistry registry) {
        ArgKind[] kinds = {ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE};
        registry.function("TEXTBEFORE").args(2, 6).kinds(kinds).body(args -> around(args, true));
        registry.function("TEXTAFTER").args(2, 6).kinds(kinds).body(args -> around(args, false));
        registry.function("TEXTSPLIT").args(2, 6).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.RANGE, ArgKind.VALUE)
                .body(DelimiterFunctions::split);
    }

    /** A delimiter found in the text: where it starts and how long it is. */
    private record Match(int start, int length) {
    }

    /**
     * TEXTBEFORE/TEXTAFTER(text, delimiter, [instance_num=1], [match_mode=0], [match_end=0],
     * [if_not_found=#N/A]). A negative instance counts from the end. With match_end the end of the
     * text (the start, when counting from the end) counts as one more delimiter.
     */
    private static Value around(Arguments args, boolean before) {
        String text = args.text(0);
        List<String> delimiters = delimiters(args, 1);
        int instance = present(args, 2) ? args.integer(2) : 1;
        boolean ignoreCase = matchMode(args, 3);
        boolean matchEnd = present(args, 4) && args.bool(4);
        if (instance == 0 || Math.abs(instance) > Math.max(text.length(), 1)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        Match m = instance > 0 ? nthFromStart(text, delimiters, instance, ignoreCase, matchEnd)
                : nthFromEnd(text, delimiters, -instance, ignoreCase, matchEnd);
        if (m == null) {
            return present(args, 5) ? args.scalar(5) : ExcelError.NA;
        }
        return TextArgs.text(before ? text.substring(0, m.start) : text.substring(m.start + m.length));
    }

    private static Match nthFromStart(String text, List<String> delimiters, int n, boolean ignoreCase, boolean matchEnd) {
        int from = 0;
        Match m = null;
        for (int k = 0; k < n; k++) {
            if (from > text.length()) {
                return null;
            }
            m = firstMatch(text, delimiters, from, ignoreCase);
            if (m == null) {
                return matchEnd && k == n - 1 ? new Match(text.length(), 0) : null;
            }
            from = m.start + Math.max(m.length, 1);
        }
        return m;
    }

    private static Match nthFromEnd(String text, List<String> delimiters, int n, boolean ignoreCase, boolean matchEnd) {
        int end = text.length();
        Match m = null;
        for (int k = 0; k < n; k++) {
            if (end < 0) {
                return null;
            }
            m = lastMatch(text, delimiters, end, ignoreCase);
            if (m == null) {
                return matchEnd && k == n - 1 ? new Match(0, 0) : null;
            }
            end = m.start - (m.length == 0 ? 1 : 0);
        }
        return m;
    }

    /** The earliest delimiter starting at or after {@code from} (the longest one when several start there). */
    private static Match firstMatch(String text, List<String> delimiters, int from, boolean ignoreCase) {
        Match best = null;
        for (String d : delimiters) {
            for (int i = from; i + d.length() <= text.length(); i++) {
                if (text.regionMatches(ignoreCase, i, d, 0, d.length())) {
                    if (best == null || i < best.start || (i == best.start && d.length() > best.length)) {
                        best = new Match(i, d.length());
                    }
                    break;
                }
            }
        }
        return best;
    }

    /** The last delimiter ending at or before {@code end}. */
    private static Match lastMatch(String text, List<String> delimiters, int end, boolean ignoreCase) {
        Match best = null;
        for (String d : delimiters) {
            for (int i = end - d.length(); i >= 0; i--) {
                if (text.regionMatches(ignoreCase, i, d, 0, d.length())) {
                    if (best == null || i > best.start || (i == best.start && d.length() > best.length)) {
                        best = new Match(i, d.length());
                    }
                    break;
                }
            }
        }
        return best;
    }

    /**
     * TEXTSPLIT(text, col_delimiter, [row_delimiter], [ignore_empty=FALSE], [match_mode=0],
     * [pad_with=#N/A]): a 2-D array, short rows padded with pad_with.
     */
    private static Value split(Arguments args) {
        String text = args.text(0);
        // an empty delimiter would split nowhere, so it is no delimiter at all
        List<String> columnDelimiters = present(args, 1) ? nonEmpty(delimiters(args, 1)) : List.of();
        List<String> rowDelimiters = present(args, 2) ? nonEmpty(delimiters(args, 2)) : List.of();
        boolean ignoreEmpty = present(args, 3) && args.bool(3);
        boolean ignoreCase = matchMode(args, 4);
        Scalar pad = present(args, 5) ? args.scalar(5) : ExcelError.NA;
        if (columnDelimiters.isEmpty() && rowDelimiters.isEmpty()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        List<List<String>> rows = new ArrayList<>();
        int width = 1;
        for (String line : pieces(text, rowDelimiters, ignoreEmpty, ignoreCase)) {
            List<String> cells = pieces(line, columnDelimiters, ignoreEmpty, ignoreCase);
            rows.add(cells);
            width = Math.max(width, cells.size());
        }
        if (rows.isEmpty()) {
            // everything was a delimiter and ignored: Excel shows #CALC! for an empty result
            throw ErrorSignal.of(ExcelError.CALC);
        }
        Scalar[] cells = new Scalar[rows.size() * width];
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            for (int c = 0; c < width; c++) {
                cells[r * width + c] = c < row.size() ? TextArgs.text(row.get(c)) : pad;
            }
        }
        return ArrayValue.of(rows.size(), width, cells);
    }

    private static List<String> pieces(String text, List<String> delimiters, boolean ignoreEmpty, boolean ignoreCase) {
        List<String> out = new ArrayList<>();
        int from = 0;
        while (true) {
            Match m = delimiters.isEmpty() ? null : firstMatch(text, delimiters, from, ignoreCase);
            String piece = text.substring(from, m == null ? text.length() : m.start);
            if (!(ignoreEmpty && piece.isEmpty())) {
                out.add(piece);
            }
            if (m == null) {
                return out;
            }
            from = m.start + m.length;
        }
    }

    private static List<String> nonEmpty(List<String> delimiters) {
        return delimiters.stream().filter(d -> !d.isEmpty()).toList();
    }

    /** The delimiters of a (possibly array) argument. */
    private static List<String> delimiters(Arguments args, int i) {
        List<String> out = new ArrayList<>();
        for (Grid g : args.grids(i)) {
            for (int k = 0; k < g.size(); k++) {
                out.add(Coerce.toText(g.get(k)));
            }
        }
        return out;
    }

    private static boolean matchMode(Arguments args, int i) {
        if (!present(args, i)) {
            return false;
        }
        int mode = args.integer(i);
        if (mode != 0 && mode != 1) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return mode == 1;
    }

    /** Written and not left empty: {@code TEXTSPLIT(a,,";")} leaves col_delimiter out. */
    private static boolean present(Arguments args, int i) {
        return args.has(i) && !args.isOmitted(i) && !(args.value(i) instanceof BlankValue);
    }
}
