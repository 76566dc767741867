package io.carlo.engine.report;

import java.math.BigDecimal;

/** Numbers as report text: the shortest form that reads back as the same double. */
final class NumberText {

    private NumberText() {
    }

    /**
     * The shortest decimal that {@link Double#parseDouble} turns back into exactly {@code value}
     * (Java's {@link Double#toString} has produced it since JDK 19), without a redundant ".0":
     * {@code 100}, {@code 0.1}, {@code 1.5E-7}, {@code 1E21}. Infinities read {@code Infinity} and
     * {@code -Infinity}, which parse back too; callers decide what NaN becomes.
     */
    static String shortest(double value) {
        String text = Double.toString(value);
        if (text.endsWith(".0")) {
            return text.substring(0, text.length() - 2);
        }
        int exponent = text.indexOf(".0E");
        return exponent < 0 ? text : text.substring(0, exponent) + text.substring(exponent + 2);
    }

    /** A fraction as a percentage for labels: 0.95 reads "95", 0.995 reads "99.5". */
    static String percent(double fraction) {
        return BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros().toPlainString();
    }
}
