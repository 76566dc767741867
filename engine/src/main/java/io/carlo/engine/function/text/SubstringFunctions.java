package io.carlo.engine.function.text;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * LEN, LEFT, RIGHT, MID, REPLACE, REPT and their byte twins. Lengths count UTF-16 units, as Excel
 * does. The ...B variants count bytes only when a double-byte language (Japanese, Chinese, Korean)
 * is Excel's default; Carlo models en-US Excel, where they equal the plain functions.
 */
final class SubstringFunctions {

    private SubstringFunctions() {
    }

    static void register(FunctionRegistry registry) {
        for (String suffix : new String[] {"", "B"}) {
            registry.scalar("LEN" + suffix, 1, 1, args -> NumberValue.of(args.text(0).length()));
            registry.scalar("LEFT" + suffix, 1, 2, SubstringFunctions::left);
            registry.scalar("RIGHT" + suffix, 1, 2, SubstringFunctions::right);
            registry.scalar("MID" + suffix, 3, 3, SubstringFunctions::mid);
            registry.scalar("REPLACE" + suffix, 4, 4, SubstringFunctions::replace);
        }
        registry.scalar("REPT", 2, 2, SubstringFunctions::rept);
    }

    private static Scalar left(Arguments args) {
        String text = args.text(0);
        int n = TextArgs.count(args, 1, 1);
        return TextArgs.text(text.substring(0, Math.min(n, text.length())));
    }

    private static Scalar right(Arguments args) {
        String text = args.text(0);
        int n = TextArgs.count(args, 1, 1);
        return TextArgs.text(text.substring(text.length() - Math.min(n, text.length())));
    }

    private static Scalar mid(Arguments args) {
        String text = args.text(0);
        int start = TextArgs.position(args, 1, 1);
        int n = TextArgs.count(args, 2, 0);
        if (start > text.length()) {
            return TextArgs.text("");
        }
        int end = (int) Math.min((long) start - 1 + n, text.length());
        return TextArgs.text(text.substring(start - 1, end));
    }

    /** REPLACE(old_text, start_num, num_chars, new_text): a start past the end appends. */
    private static Scalar replace(Arguments args) {
        String text = args.text(0);
        int start = TextArgs.position(args, 1, 1);
        int n = TextArgs.count(args, 2, 0);
        String insert = args.text(3);
        int from = Math.min(start - 1, text.length());
        int to = (int) Math.min((long) from + n, text.length());
        return TextArgs.text(text.substring(0, from) + insert + text.substring(to));
    }

    private static Scalar rept(Arguments args) {
        String text = args.text(0);
        int times = TextArgs.count(args, 1, 0);
        TextArgs.checkLength((long) text.length() * times);
        return TextArgs.text(text.repeat(times));
    }
}
