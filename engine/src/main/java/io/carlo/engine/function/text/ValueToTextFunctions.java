package io.carlo.engine.function.text;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberFormatter;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/**
 * VALUETOTEXT and ARRAYTOTEXT: any value as text, errors included (they are shown, not
 * propagated). Format 0 is concise (text as it is), 1 is strict (text in quotes, arrays in braces,
 * as they would be typed in a formula).
 */
final class ValueToTextFunctions {

    private ValueToTextFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("VALUETOTEXT", 1, 2, args -> TextArgs.text(show(args.scalar(0), strict(args))));
        registry.function("ARRAYTOTEXT").args(1, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(ValueToTextFunctions::arrayToText);
    }

    private static boolean strict(Arguments args) {
        if (!args.has(1)) {
            return false;
        }
        double format = args.number(1);
        if (format != 0 && format != 1) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return format == 1;
    }

    /** ARRAYTOTEXT: concise joins all values with ", "; strict writes an array constant {1,2;3,4}. */
    private static Scalar arrayToText(Arguments args) {
        boolean strict = strict(args);
        Grid g = args.grid(0);
        StringBuilder out = new StringBuilder(strict ? "{" : "");
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                if (r > 0 || c > 0) {
                    out.append(!strict ? ", " : c == 0 ? ";" : ",");
                }
                out.append(show(g.get(r, c), strict));
                TextArgs.checkLength(out.length());
            }
        }
        return TextArgs.text(strict ? out.append('}').toString() : out.toString());
    }

    private static String show(Scalar v, boolean strict) {
        return switch (v) {
            case TextValue t -> strict ? '"' + t.value().replace("\"", "\"\"") + '"' : t.value();
            case NumberValue n -> NumberFormatter.general(n.value());
            case BooleanValue b -> b.value() ? "TRUE" : "FALSE";
            case BlankValue b -> "";
            case ExcelError e -> e.text();
        };
    }
}
