package io.carlo.engine.format;

import io.carlo.engine.format.FormatToken.AmPm;
import io.carlo.engine.format.FormatToken.Comma;
import io.carlo.engine.format.FormatToken.DatePart;
import io.carlo.engine.format.FormatToken.DecimalPoint;
import io.carlo.engine.format.FormatToken.Digit;
import io.carlo.engine.format.FormatToken.Elapsed;
import io.carlo.engine.format.FormatToken.Exponent;
import io.carlo.engine.format.FormatToken.FixedDenominator;
import io.carlo.engine.format.FormatToken.General;
import io.carlo.engine.format.FormatToken.Literal;
import io.carlo.engine.format.FormatToken.Percent;
import io.carlo.engine.format.FormatToken.SecondFraction;
import io.carlo.engine.format.FormatToken.Slash;
import io.carlo.engine.format.FormatToken.TextPlaceholder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a format code into sections and each section into tokens. The parser is lenient where
 * Excel's TEXT function is: characters with no meaning are shown as they are.
 */
final class FormatParser {

    private static final Pattern CONDITION = Pattern.compile("(<=|>=|<>|<|>|=)\\s*([-+]?[0-9.]+(?:[eE][-+]?\\d+)?)");
    private static final Pattern ELAPSED = Pattern.compile("(?i)(h+|m+|s+)");

    private final String code;
    private int pos;

    private FormatParser(String code) {
        this.code = code;
    }

    static List<FormatSection> parse(String code) {
        List<FormatSection> sections = new ArrayList<>();
        for (String part : splitSections(code)) {
            sections.add(new FormatParser(part).section());
        }
        return sections;
    }

    /** Splits on ';' outside quotes, brackets and escapes. */
    private static List<String> splitSections(String code) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (quoted) {
                quoted = ch != '"';
            } else if (bracket) {
                bracket = ch != ']';
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == '[') {
                bracket = true;
            } else if (ch == '\\' || ch == '_' || ch == '*') {
                i++;
            } else if (ch == ';') {
                parts.add(code.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(code.substring(start));
        return parts;
    }

    private FormatSection section() {
        boolean isDate = looksLikeDate();
        List<FormatToken> tokens = new ArrayList<>();
        Condition condition = null;
        while (pos < code.length()) {
            char ch = code.charAt(pos);
            switch (ch) {
                case '"' -> {
                    int end = code.indexOf('"', pos + 1);
                    if (end < 0) {
                        end = code.length();
                    }
                    tokens.add(new Literal(code.substring(pos + 1, end)));
                    pos = end + 1;
                }
                case '\\' -> {
                    if (pos + 1 < code.length()) {
                        tokens.add(new Literal(String.valueOf(code.charAt(pos + 1))));
                    }
                    pos += 2;
                }
                // _x leaves the width of x blank; a space is the closest a plain string gets.
                case '_' -> {
                    tokens.add(new Literal(" "));
                    pos += 2;
                }
                // *x repeats x to fill the column; a string result has no column to fill.
                case '*' -> pos += 2;
                case '[' -> {
                    int end = code.indexOf(']', pos);
                    if (end < 0) {
                        end = code.length();
                    }
                    String inside = code.substring(pos + 1, end);
                    pos = end + 1;
                    Condition c = bracket(inside, tokens);
                    if (c != null) {
                        condition = c;
                    }
                }
                case '@' -> {
                    tokens.add(new TextPlaceholder());
                    pos++;
                }
                default -> {
                    if (startsWithIgnoreCase("General")) {
                        tokens.add(new General());
                        pos += "General".length();
                    } else if (isDate) {
                        dateToken(tokens);
                    } else {
                        numberToken(tokens);
                    }
                }
            }
        }
        if (isDate) {
            resolveMinutes(tokens);
        }
        return new FormatSection(List.copyOf(tokens), condition, isDate);
    }

    /** Colors are ignored, [$€-407] shows its currency text, [h] [mm] [ss] are elapsed time. */
    private Condition bracket(String inside, List<FormatToken> tokens) {
        if (inside.startsWith("$")) {
            int dash = inside.indexOf('-');
            tokens.add(new Literal(inside.substring(1, dash < 0 ? inside.length() : dash)));
            return null;
        }
        Matcher m = CONDITION.matcher(inside.trim());
        if (m.matches()) {
            return new Condition(m.group(1), Double.parseDouble(m.group(2)));
        }
        if (ELAPSED.matcher(inside).matches()) {
            char unit = Character.toLowerCase(inside.charAt(0));
            tokens.add(new Elapsed(unit, inside.length()));
        }
        return null;
    }

    private void numberToken(List<FormatToken> tokens) {
        char ch = code.charAt(pos);
        switch (ch) {
            case '0', '#', '?' -> tokens.add(new Digit(ch));
            case '.' -> tokens.add(new DecimalPoint());
            case ',' -> tokens.add(new Comma());
            case '%' -> tokens.add(new Percent());
            case '/' -> {
                tokens.add(new Slash());
                int end = pos + 1;
                while (end < code.length() && Character.isDigit(code.charAt(end))) {
                    end++;
                }
                if (end > pos + 1 && code.charAt(pos + 1) != '0') {
                    tokens.add(new FixedDenominator(Integer.parseInt(code.substring(pos + 1, end))));
                    pos = end;
                    return;
                }
            }
            case 'E', 'e' -> {
                if (pos + 1 < code.length() && (code.charAt(pos + 1) == '+' || code.charAt(pos + 1) == '-')) {
                    tokens.add(new Exponent(String.valueOf(ch), code.charAt(pos + 1) == '+'));
                    pos += 2;
                    return;
                }
                tokens.add(new Literal(String.valueOf(ch)));
            }
            default -> tokens.add(new Literal(String.valueOf(ch)));
        }
        pos++;
    }

    private void dateToken(List<FormatToken> tokens) {
        char ch = code.charAt(pos);
        char lower = Character.toLowerCase(ch);
        if (startsWithIgnoreCase("AM/PM")) {
            String written = code.substring(pos, pos + 5);
            tokens.add(new AmPm(written.substring(0, 2), written.substring(3, 5)));
            pos += 5;
        } else if (startsWithIgnoreCase("A/P")) {
            tokens.add(new AmPm(code.substring(pos, pos + 1), code.substring(pos + 2, pos + 3)));
            pos += 3;
        } else if ("ymdhs".indexOf(lower) >= 0) {
            int end = pos;
            while (end < code.length() && Character.toLowerCase(code.charAt(end)) == lower) {
                end++;
            }
            // 'm' is a month until resolveMinutes sees an hour before it or a second after it
            tokens.add(new DatePart(lower == 'm' ? 'M' : lower, end - pos));
            pos = end;
        } else if (ch == '.' && pos + 1 < code.length() && code.charAt(pos + 1) == '0' && hasSeconds(tokens)) {
            int end = pos + 1;
            while (end < code.length() && code.charAt(end) == '0') {
                end++;
            }
            tokens.add(new SecondFraction(end - pos - 1));
            pos = end;
        } else {
            tokens.add(new Literal(String.valueOf(ch)));
            pos++;
        }
    }

    private static boolean hasSeconds(List<FormatToken> tokens) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            FormatToken t = tokens.get(i);
            if (t instanceof DatePart d && d.unit() == 's' || t instanceof Elapsed e && e.unit() == 's') {
                return true;
            }
            if (!(t instanceof Literal)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Excel reads m and mm as minutes right after an hour or right before a second (literals such as
     * ':' in between do not count), and as a month everywhere else.
     */
    private static void resolveMinutes(List<FormatToken> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i) instanceof DatePart d && d.unit() == 'M' && d.length() <= 2) {
                FormatToken before = neighbour(tokens, i, -1);
                FormatToken after = neighbour(tokens, i, +1);
                if (isUnit(before, 'h') || isUnit(after, 's')) {
                    tokens.set(i, new DatePart('m', d.length()));
                }
            }
        }
    }

    private static FormatToken neighbour(List<FormatToken> tokens, int i, int step) {
        for (int j = i + step; j >= 0 && j < tokens.size(); j += step) {
            if (!(tokens.get(j) instanceof Literal)) {
                return tokens.get(j);
            }
        }
        return null;
    }

    private static boolean isUnit(FormatToken t, char unit) {
        return t instanceof DatePart d && d.unit() == unit || t instanceof Elapsed e && e.unit() == unit;
    }

    /** A section is a date/time section when it has a date or time letter outside quotes and escapes. */
    private boolean looksLikeDate() {
        boolean quoted = false;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (quoted) {
                quoted = ch != '"';
                continue;
            }
            switch (ch) {
                case '"' -> quoted = true;
                case '\\', '_', '*' -> i++;
                case '[' -> {
                    int end = code.indexOf(']', i);
                    String inside = end < 0 ? "" : code.substring(i + 1, end);
                    if (ELAPSED.matcher(inside).matches()) {
                        return true;
                    }
                    i = end < 0 ? code.length() : end;
                }
                default -> {
                    if (code.regionMatches(true, i, "General", 0, 7)) {
                        i += 6;
                    } else if ("ymdhsYMDHS".indexOf(ch) >= 0 || code.regionMatches(true, i, "AM/PM", 0, 5)
                            || code.regionMatches(true, i, "A/P", 0, 3)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean startsWithIgnoreCase(String word) {
        return code.regionMatches(true, pos, word, 0, word.length());
    }
}
