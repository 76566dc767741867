package io.carlo.engine.format;

import io.carlo.engine.format.FormatToken.Digit;
import io.carlo.engine.format.FormatToken.FixedDenominator;
import java.math.BigDecimal;
import java.util.List;

/**
 * Fraction formats: {@code # ?/?} (a whole part and a proper fraction), {@code ?/?} (an improper
 * fraction), {@code # ??/16} (a fixed denominator). Without a fixed denominator the closest fraction
 * whose denominator has at most as many digits as the placeholders is shown.
 */
final class FractionRenderer {

    private FractionRenderer() {
    }

    static String render(NumberRenderer r, BigDecimal x) {
        List<FormatToken> tokens = r.tokens();
        int slash = r.indexOf(FormatToken.Slash.class);
        int numStart = slash;
        while (numStart > 0 && tokens.get(numStart - 1) instanceof Digit) {
            numStart--;
        }
        boolean mixed = r.countDigits(-1, numStart) > 0;
        int denEnd = slash + 1;
        int fixed = 0;
        if (denEnd < tokens.size() && tokens.get(denEnd) instanceof FixedDenominator f) {
            fixed = f.value();
            denEnd++;
        } else {
            while (denEnd < tokens.size() && tokens.get(denEnd) instanceof Digit) {
                denEnd++;
            }
        }
        double v = x.doubleValue();
        long whole = mixed ? (long) Math.floor(v) : 0;
        double part = v - whole;
        long[] fraction = fixed > 0 ? new long[] {Math.round(part * fixed), fixed}
                : closest(part, maxDenominator(denEnd - slash - 1));
        long num = fraction[0];
        long den = fraction[1];
        if (mixed && num == den) {
            whole++;
            num = 0;
        }
        boolean blankFraction = mixed && num == 0;
        StringBuilder out = new StringBuilder();
        String wholeDigits = whole == 0 ? (blankFraction ? "0" : "") : Long.toString(whole);
        r.emit(out, 0, numStart, wholeDigits, "");
        if (blankFraction) {
            // a whole number leaves the fraction's place blank, keeping columns aligned
            out.append(" ".repeat(slash - numStart + 1 + (fixed > 0 ? Long.toString(fixed).length() : denEnd - slash - 1)));
        } else {
            r.emit(out, numStart, slash, Long.toString(num), "");
            out.append('/');
            out.append(denominator(tokens, slash + 1, denEnd, fixed > 0 ? Long.toString(fixed) : Long.toString(den)));
        }
        r.emit(out, denEnd, tokens.size(), "", "");
        return out.toString();
    }

    /** The denominator is left-aligned on its placeholders. */
    private static String denominator(List<FormatToken> tokens, int from, int to, String digits) {
        if (from >= tokens.size() || tokens.get(from) instanceof FixedDenominator) {
            return digits;
        }
        StringBuilder out = new StringBuilder(digits);
        for (int i = from + digits.length(); i < to; i++) {
            char p = ((Digit) tokens.get(i)).placeholder();
            if (p == '?') {
                out.append(' ');
            } else if (p == '0') {
                out.append('0');
            }
        }
        return out.toString();
    }

    private static long maxDenominator(int places) {
        return (long) Math.pow(10, Math.max(1, Math.min(places, 5))) - 1;
    }

    /** The fraction closest to {@code v} with a denominator up to {@code maxDen} (smallest one on ties). */
    static long[] closest(double v, long maxDen) {
        long bestNum = Math.round(v);
        long bestDen = 1;
        double bestErr = Math.abs(v - bestNum);
        for (long den = 2; den <= maxDen && bestErr > 0; den++) {
            long num = Math.round(v * den);
            double err = Math.abs(v - (double) num / den);
            if (err < bestErr - 1e-15) {
                bestNum = num;
                bestDen = den;
                bestErr = err;
            }
        }
        return new long[] {bestNum, bestDen};
    }
}
