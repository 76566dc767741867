package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.require;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import java.util.function.LongBinaryOperator;

/** DELTA and GESTEP (number tests) and the bitwise functions on integers below 2^48. */
final class BitFunctions {

    private static final long BIT_LIMIT = 1L << 48;

    private BitFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("DELTA", 1, 2, args -> of(args.number(0) == Numbers.optional(args, 1, 0) ? 1 : 0));
        registry.scalar("GESTEP", 1, 2, args -> of(args.number(0) >= Numbers.optional(args, 1, 0) ? 1 : 0));

        bitwise(registry, "BITAND", (a, b) -> a & b);
        bitwise(registry, "BITOR", (a, b) -> a | b);
        bitwise(registry, "BITXOR", (a, b) -> a ^ b);
        registry.scalar("BITLSHIFT", 2, 2, args -> of(shift(bits(args, 0), args.number(1))));
        registry.scalar("BITRSHIFT", 2, 2, args -> of(shift(bits(args, 0), -args.number(1))));
    }

    private static void bitwise(FunctionRegistry registry, String name, LongBinaryOperator op) {
        registry.scalar(name, 2, 2, args -> of(op.applyAsLong(bits(args, 0), bits(args, 1))));
    }

    /** A bit-function operand: a whole number from 0 to 2^48-1, else #NUM!. */
    private static long bits(Arguments args, int i) {
        double d = args.number(i);
        require(d >= 0 && d < BIT_LIMIT && d == Math.floor(d));
        return (long) d;
    }

    /**
     * Shifts left by {@code amount} (right when negative, truncated); at most 53 places either way.
     * A left shift may leave the 48-bit range: the result is the exact double, not wrapped.
     */
    private static double shift(long value, double amount) {
        double places = DecimalRounding.truncate(amount);
        require(Math.abs(places) <= 53);
        return places >= 0 ? value * Math.pow(2, places) : value >> (int) -places;
    }
}
