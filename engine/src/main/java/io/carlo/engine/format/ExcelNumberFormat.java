package io.carlo.engine.format;

import io.carlo.engine.format.FormatToken.Literal;
import io.carlo.engine.format.FormatToken.TextPlaceholder;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Excel's number formats (en-US): renders a value the way a cell with that format code shows it,
 * and the way TEXT(value, format) returns it.
 *
 * <p>A code has up to four sections, {@code positive;negative;zero;text}, optionally chosen by
 * conditions such as {@code [>=100]}. Supported: 0 # ? placeholders, thousands separators and
 * scaling commas, %, E+00 scientific, fractions, quoted literals and \ escapes, _x (a space) and *x
 * (nothing), [Color] (ignored), [$€-407] currency, @, General, and date/time codes including
 * elapsed [h]:mm:ss and fractions of seconds.
 *
 * <p>A negative value shown with a date section, or a date after 9999-12-31, cannot be shown:
 * {@link io.carlo.engine.value.ErrorSignal} #VALUE! is thrown (a cell would show ####).
 */
public final class ExcelNumberFormat {

    private static final int CACHE_LIMIT = 2048;
    private static final Map<String, List<FormatSection>> CACHE = new ConcurrentHashMap<>();

    private ExcelNumberFormat() {
    }

    /** A number with a format code. */
    public static String format(double value, String formatCode) {
        if (isGeneral(formatCode)) {
            return GeneralFormat.format(value);
        }
        List<FormatSection> sections = sections(formatCode);
        Choice choice = choose(sections, value);
        if (choice == null) {
            return GeneralFormat.format(value);
        }
        FormatSection section = choice.section;
        // sections render magnitudes; the sign is the section's business (see choose)
        double shown = Math.abs(value);
        String sign = choice.signed && value < 0 ? "-" : "";
        if (section.isEmpty()) {
            return "";
        }
        if (section.isDate()) {
            if (value < 0) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            return DateRenderer.render(section.tokens(), shown);
        }
        if (section.hasTextPlaceholder()) {
            // a text section has nothing to say about numbers: they show in General
            return GeneralFormat.format(value);
        }
        return sign + NumberRenderer.render(section.tokens(), shown);
    }

    /**
     * Any cell value with a format code: numbers are formatted, text goes through the text section
     * (the fourth, or a lone section with @) or is shown unchanged, booleans and errors are shown as
     * they are, and a blank cell shows nothing.
     */
    public static String format(Scalar value, String formatCode) {
        return switch (value) {
            case NumberValue n -> format(n.value(), formatCode);
            case TextValue t -> formatText(t.value(), formatCode);
            case BooleanValue b -> b.value() ? "TRUE" : "FALSE";
            case BlankValue b -> "";
            case ExcelError e -> e.text();
        };
    }

    /**
     * What a cell shows: like {@link #format(Scalar, String)}, except that a value the format cannot
     * show (a negative or too large date) comes out as Excel's ####### instead of an error.
     */
    public static String cellText(Scalar value, String formatCode) {
        try {
            return format(value, formatCode);
        } catch (ErrorSignal e) {
            return "#######";
        }
    }

    /** General format as a standard-width cell shows it (at most 11 characters of digits). */
    public static String general(double value) {
        return GeneralFormat.format(value);
    }

    private static String formatText(String text, String formatCode) {
        if (isGeneral(formatCode)) {
            return text;
        }
        List<FormatSection> sections = sections(formatCode);
        FormatSection textSection = null;
        if (sections.size() >= 4) {
            textSection = sections.get(3);
        } else if (sections.size() == 1 && sections.get(0).hasTextPlaceholder()) {
            textSection = sections.get(0);
        }
        return textSection == null ? text : textSection(textSection, text);
    }

    private static String textSection(FormatSection section, String text) {
        StringBuilder out = new StringBuilder();
        for (FormatToken t : section.tokens()) {
            if (t instanceof TextPlaceholder) {
                out.append(text);
            } else if (t instanceof Literal l) {
                out.append(l.text());
            }
        }
        return out.toString();
    }

    private record Choice(FormatSection section, boolean signed) {
    }

    /**
     * Picks the section for a number. Without conditions: one section serves all numbers (with a
     * minus sign for negatives); with two, the second shows negatives without their sign; with
     * three, the third shows zero. With conditions the conditional sections are tried in order and
     * the first section without a condition takes the rest. Numbers keep their minus sign in a
     * conditional first or second section, except under [<0] or [<=0]; a catch-all section drops
     * it (so [>=100]0;0 shows -5 as 5). These sign rules follow LibreOffice, which mirrors Excel.
     *
     * @return null when no section applies
     */
    private static Choice choose(List<FormatSection> sections, double value) {
        int numberSections = Math.min(sections.size(), 3);
        boolean conditional = false;
        for (int i = 0; i < numberSections; i++) {
            conditional |= sections.get(i).condition() != null;
        }
        if (conditional) {
            for (int i = 0; i < numberSections; i++) {
                Condition c = sections.get(i).condition();
                if (c != null && c.test(value)) {
                    return new Choice(sections.get(i), i < 2 && !c.isNegativeSection());
                }
            }
            for (int i = 1; i < numberSections; i++) {
                if (sections.get(i).condition() == null) {
                    // the catch-all sections (second or third) show no minus sign
                    return new Choice(sections.get(i), false);
                }
            }
            return null;
        }
        if (value > 0 || numberSections == 1 || (value == 0 && numberSections == 2)) {
            return new Choice(sections.get(0), true);
        }
        if (value < 0) {
            return new Choice(sections.get(1), false);
        }
        return new Choice(sections.get(2), false);
    }

    private static boolean isGeneral(String code) {
        return code.isEmpty() || code.equalsIgnoreCase("General");
    }

    private static List<FormatSection> sections(String code) {
        List<FormatSection> parsed = CACHE.get(code);
        if (parsed == null) {
            parsed = FormatParser.parse(code);
            if (CACHE.size() >= CACHE_LIMIT) {
                CACHE.clear();
            }
            CACHE.put(code, parsed);
        }
        return parsed;
    }
}
