package io.carlo.engine.function;

import java.util.regex.Pattern;

/**
 * Excel's wildcard text patterns, used by exact-match lookups, criteria (COUNTIF...) and SEARCH:
 * {@code *} matches any run of characters, {@code ?} any one character, and {@code ~} makes the
 * next character literal. Matching ignores case.
 */
public final class Wildcard {

    private final Pattern pattern;
    private final boolean hasWildcards;

    private Wildcard(Pattern pattern, boolean hasWildcards) {
        this.pattern = pattern;
        this.hasWildcards = hasWildcards;
    }

    public static Wildcard compile(String text) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        boolean wild = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '~' && i + 1 < text.length() && "*?~".indexOf(text.charAt(i + 1)) >= 0) {
                literal.append(text.charAt(++i));
            } else if (ch == '*' || ch == '?') {
                flush(regex, literal);
                regex.append(ch == '*' ? "(?s:.*)" : "(?s:.)");
                wild = true;
            } else {
                literal.append(ch);
            }
        }
        flush(regex, literal);
        return new Wildcard(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), wild);
    }

    private static void flush(StringBuilder regex, StringBuilder literal) {
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    /** Whether the whole text matches. */
    public boolean matches(String text) {
        return pattern.matcher(text).matches();
    }

    /** Where the pattern first matches inside {@code text} at or after {@code from}, or -1 (SEARCH). */
    public int find(String text, int from) {
        var m = pattern.matcher(text);
        return m.find(from) ? m.start() : -1;
    }

    /** True when the pattern contains * or ? (so a plain comparison would do otherwise). */
    public boolean hasWildcards() {
        return hasWildcards;
    }
}
