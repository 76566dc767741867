package io.carlo.engine.format;

import io.carlo.engine.format.FormatToken.Comma;
import io.carlo.engine.format.FormatToken.DecimalPoint;
import io.carlo.engine.format.FormatToken.Digit;
import io.carlo.engine.format.FormatToken.Exponent;
import io.carlo.engine.format.FormatToken.General;
import io.carlo.engine.format.FormatToken.Literal;
import io.carlo.engine.format.FormatToken.Percent;
import io.carlo.engine.format.FormatToken.Slash;
import java.math.BigDecimal;
import java.util.List;

/**
 * Renders a non-negative number with a number section: plain ({@code #,##0.00}), scientific
 * ({@code 0.00E+00}) or fraction ({@code # ?/?}). The caller has chosen the section and dealt with
 * the sign.
 */
final class NumberRenderer {

    private final List<FormatToken> tokens;
    /** Which Comma tokens divide by 1000 (the others group thousands or are literal). */
    private final boolean[] scalingComma;
    private final boolean grouping;
    private final int percents;
    private final int scalings;

    private NumberRenderer(List<FormatToken> tokens) {
        this.tokens = tokens;
        this.scalingComma = new boolean[tokens.size()];
        boolean group = false;
        int pct = 0;
        int scale = 0;
        boolean inInteger = true;
        for (int i = 0; i < tokens.size(); i++) {
            FormatToken t = tokens.get(i);
            if (t instanceof DecimalPoint || t instanceof Exponent || t instanceof Slash) {
                inInteger = false;
            } else if (t instanceof Percent) {
                pct++;
            } else if (t instanceof Comma && previousIsDigit(i)) {
                if (nextIsDigit(i)) {
                    group |= inInteger;
                } else {
                    scalingComma[i] = true;
                    scale++;
                }
            }
        }
        this.grouping = group;
        this.percents = pct;
        this.scalings = scale;
    }

    static String render(List<FormatToken> tokens, double value) {
        return new NumberRenderer(tokens).render(value);
    }

    private String render(double value) {
        if (tokens.stream().anyMatch(t -> t instanceof General)) {
            return renderLiterals(GeneralFormat.format(value));
        }
        BigDecimal x = DecimalDigits.of(value).movePointRight(2 * percents).movePointLeft(3 * scalings);
        if (indexOf(Slash.class) >= 0) {
            return FractionRenderer.render(this, x);
        }
        if (indexOf(Exponent.class) >= 0) {
            return scientific(x);
        }
        int pointAt = indexOf(DecimalPoint.class);
        int decimals = pointAt < 0 ? 0 : countDigits(pointAt, tokens.size());
        BigDecimal rounded = DecimalDigits.round(x, decimals);
        StringBuilder out = new StringBuilder();
        emit(out, 0, tokens.size(), DecimalDigits.integerDigits(rounded), DecimalDigits.fractionDigits(rounded, decimals));
        return out.toString();
    }

    /** Only the literal parts of a section, with the General text where General stands. */
    private String renderLiterals(String general) {
        StringBuilder out = new StringBuilder();
        for (FormatToken t : tokens) {
            switch (t) {
                case Literal l -> out.append(l.text());
                case General g -> out.append(general);
                case Percent p -> out.append('%');
                default -> {
                }
            }
        }
        return out.toString();
    }

    private String scientific(BigDecimal x) {
        int exponentAt = indexOf(Exponent.class);
        int pointAt = indexOf(DecimalPoint.class);
        int mantissaEnd = pointAt >= 0 && pointAt < exponentAt ? pointAt : exponentAt;
        int intPlaces = Math.max(1, countDigits(-1, mantissaEnd));
        int decimals = pointAt >= 0 && pointAt < exponentAt ? countDigits(pointAt, exponentAt) : 0;
        boolean engineering = hasHash(0, mantissaEnd) && intPlaces > 1;
        int exponent = 0;
        BigDecimal mantissa = DecimalDigits.round(x, decimals);
        if (x.signum() != 0) {
            int lead = DecimalDigits.exponent(x);
            // ##0.0E+0 keeps exponents a multiple of the integer places (engineering); 00.0E+0 fills them all
            exponent = engineering ? Math.floorDiv(lead, intPlaces) * intPlaces : lead - (intPlaces - 1);
            mantissa = DecimalDigits.round(x.movePointLeft(exponent), decimals);
            if (mantissa.compareTo(BigDecimal.TEN.pow(intPlaces)) >= 0
                    || (!engineering && DecimalDigits.exponent(mantissa) > intPlaces - 1)) {
                exponent += engineering ? intPlaces : 1;
                mantissa = DecimalDigits.round(x.movePointLeft(exponent), decimals);
            }
        }
        StringBuilder out = new StringBuilder();
        emit(out, 0, exponentAt, DecimalDigits.integerDigits(mantissa), DecimalDigits.fractionDigits(mantissa, decimals));
        Exponent e = (Exponent) tokens.get(exponentAt);
        out.append(e.letter()).append(exponent < 0 ? "-" : e.alwaysSign() ? "+" : "");
        int expPlaces = countDigits(exponentAt, tokens.size());
        String digits = Integer.toString(Math.abs(exponent));
        int zeros = countZeros(exponentAt, tokens.size());
        digits = "0".repeat(Math.max(0, zeros - digits.length())) + digits;
        emit(out, exponentAt + 1, tokens.size(), expPlaces == 0 ? "" : digits, "");
        return out.toString();
    }

    /**
     * Writes tokens {@code from..to} with the given integer digits (right-aligned on the integer
     * placeholders, surplus digits at the first one) and fraction digits (left-aligned after the
     * point, trailing zeros dropped at '#' and blanked at '?').
     */
    void emit(StringBuilder out, int from, int to, String intDigits, String fracDigits) {
        int pointAt = -1;
        for (int i = from; i < to; i++) {
            if (tokens.get(i) instanceof DecimalPoint) {
                pointAt = i;
                break;
            }
        }
        int intEnd = pointAt >= 0 ? pointAt : to;
        int intPlaces = countDigits(from - 1, intEnd);
        int lastShown = lastSignificantFraction(pointAt, to, fracDigits);
        int slot = intPlaces; // counts down: slot 0 is the rightmost integer placeholder
        int fracIndex = 0;
        boolean intWritten = false;
        for (int i = from; i < to; i++) {
            FormatToken t = tokens.get(i);
            boolean inFraction = pointAt >= 0 && i > pointAt;
            switch (t) {
                case Digit d when !inFraction -> {
                    slot--;
                    if (!intWritten) {
                        intWritten = true;
                        // digits beyond the placeholders all go where the first one stands
                        for (int k = intDigits.length() - 1; k > slot; k--) {
                            appendIntDigit(out, intDigits.charAt(intDigits.length() - 1 - k), k);
                        }
                    }
                    if (slot < intDigits.length()) {
                        appendIntDigit(out, intDigits.charAt(intDigits.length() - 1 - slot), slot);
                    } else if (d.placeholder() == '0') {
                        appendIntDigit(out, '0', slot);
                    } else if (d.placeholder() == '?') {
                        out.append(' ');
                    }
                }
                case Digit d -> {
                    if (fracIndex <= lastShown) {
                        out.append(fracDigits.charAt(fracIndex));
                    } else if (d.placeholder() == '?') {
                        out.append(' ');
                    } else if (d.placeholder() == '0') {
                        out.append('0');
                    }
                    fracIndex++;
                }
                case DecimalPoint p -> {
                    if (!intWritten && intPlaces == 0) {
                        out.append(intDigits);
                        intWritten = true;
                    }
                    out.append('.');
                }
                case Comma c -> {
                    // a comma between placeholders only switches grouping on; after them it scales
                    if (!scalingComma[i] && !(previousIsDigit(i) && nextIsDigit(i))) {
                        out.append(',');
                    }
                }
                case Percent p -> out.append('%');
                case Literal l -> out.append(l.text());
                default -> {
                }
            }
        }
    }

    private void appendIntDigit(StringBuilder out, char digit, int position) {
        out.append(digit);
        if (grouping && position > 0 && position % 3 == 0) {
            out.append(',');
        }
    }

    /** Index (within the fraction digits) of the last digit to show; '#' and '?' hide trailing zeros. */
    private int lastSignificantFraction(int pointAt, int to, String fracDigits) {
        if (pointAt < 0) {
            return -1;
        }
        int index = -1;
        int last = -1;
        for (int i = pointAt + 1; i < to; i++) {
            if (tokens.get(i) instanceof Digit d) {
                index++;
                if (d.placeholder() == '0' || (index < fracDigits.length() && fracDigits.charAt(index) != '0')) {
                    last = index;
                }
            }
        }
        return last;
    }

    int indexOf(Class<? extends FormatToken> type) {
        for (int i = 0; i < tokens.size(); i++) {
            if (type.isInstance(tokens.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Digit placeholders strictly between {@code after} and {@code before}. */
    int countDigits(int after, int before) {
        int n = 0;
        for (int i = Math.max(0, after + 1); i < before && i < tokens.size(); i++) {
            if (tokens.get(i) instanceof Digit) {
                n++;
            }
        }
        return n;
    }

    private int countZeros(int after, int before) {
        int n = 0;
        for (int i = after + 1; i < before; i++) {
            if (tokens.get(i) instanceof Digit d && d.placeholder() == '0') {
                n++;
            }
        }
        return n;
    }

    private boolean hasHash(int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i) instanceof Digit d && d.placeholder() == '#') {
                return true;
            }
        }
        return false;
    }

    List<FormatToken> tokens() {
        return tokens;
    }

    private boolean previousIsDigit(int i) {
        for (int j = i - 1; j >= 0; j--) {
            if (tokens.get(j) instanceof Digit) {
                return true;
            }
            if (!(tokens.get(j) instanceof Comma)) {
                return false;
            }
        }
        return false;
    }

    private boolean nextIsDigit(int i) {
        for (int j = i + 1; j < tokens.size(); j++) {
            if (tokens.get(j) instanceof Digit) {
                return true;
            }
            if (!(tokens.get(j) instanceof Comma)) {
                return false;
            }
        }
        return false;
    }
}
