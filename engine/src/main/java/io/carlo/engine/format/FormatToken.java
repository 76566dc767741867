package io.carlo.engine.format;

/**
 * One element of a parsed format section. Number sections use the digit-oriented tokens, date
 * sections the calendar ones; literals and the text placeholder appear in both.
 */
sealed interface FormatToken {

    /** Text shown as is: quoted strings, escaped characters, and characters with no meaning. */
    record Literal(String text) implements FormatToken {
    }

    /** A digit placeholder: '0' pads with zeros, '?' with spaces, '#' with nothing. */
    record Digit(char placeholder) implements FormatToken {
    }

    record DecimalPoint() implements FormatToken {
    }

    /** A comma: thousands grouping between digit placeholders, division by 1000 after them. */
    record Comma() implements FormatToken {
    }

    /** Multiplies the value by 100 and shows a percent sign. */
    record Percent() implements FormatToken {
    }

    /** E+ / E- of scientific formats; {@code alwaysSign} for E+ (which shows '+' on positive exponents). */
    record Exponent(String letter, boolean alwaysSign) implements FormatToken {
    }

    /** The '/' of a fraction format. */
    record Slash() implements FormatToken {
    }

    /** A fixed denominator such as the 16 of {@code # ?/16}. */
    record FixedDenominator(int value) implements FormatToken {
    }

    /** '@': the text value itself. */
    record TextPlaceholder() implements FormatToken {
    }

    /** The General keyword inside a section, e.g. {@code "$"General}. */
    record General() implements FormatToken {
    }

    /**
     * A calendar or clock part: y (year), M (month), d (day), h (hour), m (minute), s (second),
     * with the number of letters written.
     */
    record DatePart(char unit, int length) implements FormatToken {
    }

    /** [h], [mm], [ss]: elapsed time that does not roll over into days. */
    record Elapsed(char unit, int length) implements FormatToken {
    }

    /** AM/PM or A/P; the written case is kept. */
    record AmPm(String am, String pm) implements FormatToken {
    }

    /** The .0, .00 or .000 after seconds. */
    record SecondFraction(int digits) implements FormatToken {
    }
}
