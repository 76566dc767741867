package io.carlo.engine.function.text;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.Wildcard;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * FIND (case-sensitive, literal), SEARCH (case-insensitive, with * ? ~ wildcards), their byte
 * twins (equal to them in en-US Excel), and SUBSTITUTE.
 */
final class SearchFunctions {

    private SearchFunctions() {
    }

    static void register(FunctionRegistry registry) {
        for (String suffix : new String[] {"", "B"}) {
            registry.scalar("FIND" + suffix, 2, 3, args -> find(args, false));
            registry.scalar("SEARCH" + suffix, 2, 3, args -> find(args, true));
        }
        registry.scalar("SUBSTITUTE", 3, 4, SearchFunctions::substitute);
    }

    /**
     * Position (1-based) of the first match at or after start_num. A start past the end of the text
     * is #VALUE! (even for an empty find_text, so FIND("","") is #VALUE!), as is no match; an empty
     * find_text matches at start_num.
     */
    private static Scalar find(Arguments args, boolean search) {
        String needle = args.text(0);
        String haystack = args.text(1);
        int start = TextArgs.position(args, 2, 1);
        if (start > haystack.length()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        if (needle.isEmpty()) {
            return NumberValue.of(start);
        }
        int at = search ? Wildcard.compile(needle).find(haystack, start - 1) : haystack.indexOf(needle, start - 1);
        if (at < 0) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return NumberValue.of(at + 1);
    }

    /** SUBSTITUTE(text, old_text, new_text, [instance_num]): case-sensitive, all or the n-th occurrence. */
    private static Scalar substitute(Arguments args) {
        String text = args.text(0);
        String old = args.text(1);
        String replacement = args.text(2);
        int instance = args.has(3) ? TextArgs.position(args, 3, 1) : 0;
        if (old.isEmpty()) {
            return TextArgs.text(text);
        }
        if (instance == 0) {
            return TextArgs.text(text.replace(old, replacement));
        }
        int at = -old.length();
        for (int k = 0; k < instance; k++) {
            at = text.indexOf(old, at + old.length());
            if (at < 0) {
                return TextArgs.text(text);
            }
        }
        return TextArgs.text(text.substring(0, at) + replacement + text.substring(at + old.length()));
    }
}
