package io.carlo.engine.function.text;

import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.TextValue;

/** UPPER, LOWER, PROPER, TRIM, CLEAN, EXACT and T: whole-text transformations and tests. */
final class CleanupFunctions {

    private CleanupFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("UPPER", 1, 1, args -> TextArgs.text(mapChars(args.text(0), true)));
        registry.scalar("LOWER", 1, 1, args -> TextArgs.text(mapChars(args.text(0), false)));
        registry.scalar("PROPER", 1, 1, args -> TextArgs.text(proper(args.text(0))));
        registry.scalar("TRIM", 1, 1, args -> TextArgs.text(trim(args.text(0))));
        registry.scalar("CLEAN", 1, 1, args -> TextArgs.text(clean(args.text(0))));
        // EXACT compares case-sensitively, unlike the = operator
        registry.scalar("EXACT", 2, 2, args -> BooleanValue.of(args.text(0).equals(args.text(1))));
        registry.scalar("T", 1, 1, args -> Coerce.check(args.scalar(0)) instanceof TextValue t ? t : TextValue.EMPTY);
    }

    /**
     * Changes case character by character, so the length never changes: Excel keeps "ß" in UPPER
     * where Java's String.toUpperCase would write "SS".
     */
    static String mapChars(String s, boolean upper) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            out.append(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
        }
        return out.toString();
    }

    /**
     * Capitalizes every letter that follows a non-letter and lowercases the others. Digits and
     * apostrophes count as non-letters, which is why Excel turns "don't" into "Don'T".
     */
    static String proper(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean afterLetter = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isLetter(ch)) {
                out.append(afterLetter ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
                afterLetter = true;
            } else {
                out.append(ch);
                afterLetter = false;
            }
        }
        return out.toString();
    }

    /**
     * Removes leading and trailing spaces and collapses runs of inner spaces to one. Only the
     * ASCII space counts: tabs and non-breaking spaces (CHAR(160)) stay.
     */
    static String trim(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == ' ') {
                pendingSpace = !out.isEmpty();
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** Removes the non-printable ASCII control characters 0 to 31 (and nothing else). */
    static String clean(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 32) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }
}
