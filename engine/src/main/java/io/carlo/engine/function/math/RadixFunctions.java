package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.require;
import static io.carlo.engine.function.math.Numbers.value;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.Locale;

/**
 * Number bases: the engineering conversions between decimal, binary, octal and hexadecimal
 * (DEC2BIN, HEX2DEC...), BASE and DECIMAL for any radix 2-36, and ROMAN/ARABIC.
 *
 * <p>The engineering functions work on ten digits in two's complement: the ten-digit numbers with
 * the top half of the range are negative (BIN2DEC("1111111111") is -1), so each base covers
 * -radix^10/2 to radix^10/2-1 (-512..511 in binary).
 */
final class RadixFunctions {

    private static final int DIGITS = 10;
    private static final double EXACT_LIMIT = 9007199254740992.0;

    private RadixFunctions() {
    }

    static void register(FunctionRegistry registry) {
        int[] radixes = {2, 8, 10, 16};
        String[] names = {"BIN", "OCT", "DEC", "HEX"};
        for (int from = 0; from < radixes.length; from++) {
            for (int to = 0; to < radixes.length; to++) {
                if (from == to) {
                    continue;
                }
                int source = radixes[from];
                int target = radixes[to];
                String name = names[from] + "2" + names[to];
                if (target == 10) {
                    registry.scalar(name, 1, 1, args -> of(readEngineering(args, source)));
                } else {
                    registry.scalar(name, 1, 2, args -> new TextValue(
                            writeEngineering(readEngineering(args, source), target, places(args))));
                }
            }
        }

        registry.scalar("BASE", 2, 3, args -> {
            double number = Math.floor(args.number(0));
            int radix = args.integer(1);
            int minLength = args.has(2) && !args.isOmitted(2) ? args.integer(2) : 0;
            require(number >= 0 && number < EXACT_LIMIT && radix >= 2 && radix <= 36
                    && minLength >= 0 && minLength <= 255);
            String digits = Long.toString((long) number, radix).toUpperCase(Locale.ROOT);
            return new TextValue("0".repeat(Math.max(0, minLength - digits.length())) + digits);
        });
        registry.scalar("DECIMAL", 2, 2, args -> {
            String text = args.text(0).trim();
            int radix = args.integer(1);
            require(radix >= 2 && radix <= 36);
            if (text.length() > 255) {
                throw value();
            }
            double result = 0;
            for (char ch : text.toCharArray()) {
                int digit = Character.digit(ch, radix);
                require(digit >= 0 && ch < 128);
                result = result * radix + digit;
            }
            require(result < EXACT_LIMIT);
            return of(result);
        });

        registry.scalar("ROMAN", 1, 2, args -> {
            double number = Math.floor(args.number(0));
            int form = 0;
            if (args.has(1) && !args.isOmitted(1)) {
                Scalar f = args.scalar(1);
                // TRUE is the classic form 0, FALSE the most concise form 4.
                form = f instanceof BooleanValue b ? (b.value() ? 0 : 4) : args.integer(1);
            }
            if (number < 0 || number > 3999 || form < 0 || form > 4) {
                throw value();
            }
            return new TextValue(RomanNumerals.roman((int) number, form));
        });
        registry.scalar("ARABIC", 1, 1, args -> of(RomanNumerals.arabic(args.text(0))));
    }

    /** The number argument of an engineering conversion, in {@code radix} (10: a number, else digits). */
    private static long readEngineering(Arguments args, int radix) {
        Scalar s = Coerce.check(args.scalar(0));
        if (radix == 10) {
            double d = Coerce.toNumber(s);
            return (long) Math.max(Math.min(DecimalRounding.truncate(d), 1e15), -1e15);
        }
        String text = Coerce.toText(s).toUpperCase(Locale.ROOT); // no trimming: " FF" is #NUM!
        require(text.length() <= DIGITS);
        long value = 0;
        for (char ch : text.toCharArray()) {
            int digit = Character.digit(ch, radix);
            require(digit >= 0 && ch < 128);
            value = value * radix + digit;
        }
        long full = pow(radix, DIGITS);
        return text.length() == DIGITS && value >= full / 2 ? value - full : value;
    }

    /** The optional places argument, 0 when absent; given, it must be 1 to 10. */
    private static int places(Arguments args) {
        if (!args.has(1) || args.isOmitted(1)) {
            return 0;
        }
        double places = Math.floor(args.number(1));
        require(places >= 1 && places <= DIGITS);
        return (int) places;
    }

    /**
     * Writes {@code value} in {@code radix}: negatives as ten digits of two's complement (places is
     * then ignored), others padded with zeros to {@code places}, which must fit the digits.
     */
    private static String writeEngineering(long value, int radix, int places) {
        long full = pow(radix, DIGITS);
        require(value >= -full / 2 && value < full / 2);
        if (value < 0) {
            return Long.toString(full + value, radix).toUpperCase(Locale.ROOT);
        }
        String digits = Long.toString(value, radix).toUpperCase(Locale.ROOT);
        if (places > 0) {
            if (digits.length() > places) {
                throw num();
            }
            return "0".repeat(places - digits.length()) + digits;
        }
        return digits;
    }

    private static long pow(int radix, int exponent) {
        long r = 1;
        for (int i = 0; i < exponent; i++) {
            r *= radix;
        }
        return r;
    }
}
