package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.value;

import java.util.Locale;

/**
 * ROMAN and ARABIC. ROMAN's forms 1 to 4 are Excel's "more concise" numerals: in a subtractive
 * pair (IV, XC, CM...) the subtracted symbol may be replaced by a smaller one, up to {@code form}
 * symbols down, as long as the pair does not exceed what is left to write: 499 is CDXCIX in form
 * 0, LDVLIV in form 1, XDIX in form 2, VDIV in form 3 and ID in form 4.
 */
final class RomanNumerals {

    private static final char[] SYMBOLS = {'M', 'D', 'C', 'L', 'X', 'V', 'I'};
    private static final int[] VALUES = {1000, 500, 100, 50, 10, 5, 1};

    private RomanNumerals() {
    }

    /** @param number 0 to 3999 (0 gives the empty text) */
    static String roman(int number, int form) {
        StringBuilder out = new StringBuilder();
        int left = number;
        // One decade at a time: the unit symbol is at an even index (M, C, X, I).
        for (int unit = 0; unit < SYMBOLS.length; unit += 2) {
            int digit = left / VALUES[unit];
            if (digit % 5 == 4) {
                int big = digit == 4 ? unit - 1 : unit - 2; // V-like for 4, next decade's unit for 9
                int small = unit;
                for (int step = 0; step < form && small + 1 < SYMBOLS.length; step++) {
                    if (VALUES[big] - VALUES[small + 1] > left) {
                        break;
                    }
                    small++;
                }
                out.append(SYMBOLS[small]).append(SYMBOLS[big]);
                left -= VALUES[big] - VALUES[small];
            } else {
                if (digit >= 5) {
                    out.append(SYMBOLS[unit - 1]);
                }
                out.append(String.valueOf(SYMBOLS[unit]).repeat(digit % 5));
                left -= digit * VALUES[unit];
            }
        }
        return out.toString();
    }

    /**
     * Reads a Roman numeral in any of ROMAN's forms (case-insensitive, optional leading minus): a
     * symbol smaller than the one after it is subtracted. Other characters are #VALUE!.
     */
    static double arabic(String text) {
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (text.length() > 255) {
            throw value();
        }
        boolean negative = s.startsWith("-");
        if (negative) {
            s = s.substring(1);
        }
        double total = 0;
        for (int i = 0; i < s.length(); i++) {
            int v = symbolValue(s.charAt(i));
            int next = i + 1 < s.length() ? symbolValue(s.charAt(i + 1)) : 0;
            total += v < next ? -v : v;
        }
        return negative ? -total : total;
    }

    private static int symbolValue(char ch) {
        for (int i = 0; i < SYMBOLS.length; i++) {
            if (SYMBOLS[i] == ch) {
                return VALUES[i];
            }
        }
        throw value();
    }
}
