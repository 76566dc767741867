package io.carlo.engine.function.text;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * CONCATENATE (one value per argument), CONCAT and TEXTJOIN (whole ranges and arrays, row by row).
 * Blank cells join as "", numbers in General format, and any error in the input is the result.
 */
final class JoinFunctions {

    private JoinFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("CONCATENATE", 1, 255, JoinFunctions::concatenate);
        registry.function("CONCAT").args(1, 254).kinds(ArgKind.RANGE).body(JoinFunctions::concat);
        registry.function("TEXTJOIN").args(3, 254).kinds(ArgKind.RANGE, ArgKind.VALUE, ArgKind.RANGE)
                .body(JoinFunctions::textJoin);
    }

    private static Scalar concatenate(Arguments args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            out.append(args.text(i));
            TextArgs.checkLength(out.length());
        }
        return TextArgs.text(out.toString());
    }

    private static Scalar concat(Arguments args) {
        StringBuilder out = new StringBuilder();
        for (String s : texts(args, 0)) {
            out.append(s);
            TextArgs.checkLength(out.length());
        }
        return TextArgs.text(out.toString());
    }

    /**
     * TEXTJOIN(delimiter, ignore_empty, text1, ...). The delimiter may itself be a range or array:
     * its values are used in turn, starting over when they run out.
     */
    private static Scalar textJoin(Arguments args) {
        List<String> delimiters = new ArrayList<>();
        for (Grid g : args.grids(0)) {
            addTexts(g, delimiters);
        }
        boolean ignoreEmpty = args.bool(1);
        List<String> items = texts(args, 2);
        StringBuilder out = new StringBuilder();
        int joined = 0;
        for (String item : items) {
            if (ignoreEmpty && item.isEmpty()) {
                continue;
            }
            if (joined > 0 && !delimiters.isEmpty()) {
                out.append(delimiters.get((joined - 1) % delimiters.size()));
            }
            out.append(item);
            joined++;
            TextArgs.checkLength(out.length());
        }
        return TextArgs.text(out.toString());
    }

    /** The text of every value of arguments {@code from} on, areas and arrays row by row. */
    private static List<String> texts(Arguments args, int from) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < args.size(); i++) {
            for (Grid g : args.grids(i)) {
                addTexts(g, out);
            }
        }
        return out;
    }

    private static void addTexts(Grid g, List<String> out) {
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                out.add(Coerce.toText(g.get(r, c)));
            }
        }
    }
}
