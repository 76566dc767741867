package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.div0;
import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.optional;
import static io.carlo.engine.function.math.Numbers.unary;

import io.carlo.engine.function.FunctionRegistry;
import java.math.RoundingMode;

/**
 * ROUND and its relatives, and the functions that round to a multiple (CEILING, FLOOR, MROUND and
 * their newer variants). Quotients pass through the 15 digits Excel keeps, so that CEILING(0.3,0.1)
 * is 0.3 although 0.3/0.1 is 2.9999999999999996 in binary.
 */
final class RoundingFunctions {

    private RoundingFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("ROUND", 2, 2, args -> of(DecimalRounding.round(args.number(0), args.number(1), RoundingMode.HALF_UP)));
        registry.scalar("ROUNDUP", 2, 2, args -> of(DecimalRounding.round(args.number(0), args.number(1), RoundingMode.UP)));
        registry.scalar("ROUNDDOWN", 2, 2, args -> of(DecimalRounding.round(args.number(0), args.number(1), RoundingMode.DOWN)));
        registry.scalar("TRUNC", 1, 2, args -> of(DecimalRounding.round(args.number(0), optional(args, 1, 0), RoundingMode.DOWN)));

        registry.scalar("MROUND", 2, 2, args -> of(mround(args.number(0), args.number(1))));
        registry.scalar("CEILING", 2, 2, args -> of(ceiling(args.number(0), args.number(1))));
        registry.scalar("FLOOR", 2, 2, args -> of(floor(args.number(0), args.number(1))));
        registry.scalar("CEILING.MATH", 1, 3, args -> {
            double n = args.number(0);
            double step = Math.abs(optional(args, 1, 1));
            boolean awayFromZero = optional(args, 2, 0) != 0;
            return of(n < 0 && awayFromZero ? -toMultiple(-n, step, true) : toMultiple(n, step, true));
        });
        registry.scalar("FLOOR.MATH", 1, 3, args -> {
            double n = args.number(0);
            double step = Math.abs(optional(args, 1, 1));
            boolean towardZero = optional(args, 2, 0) != 0;
            return of(n < 0 && towardZero ? -toMultiple(-n, step, false) : toMultiple(n, step, false));
        });
        // The PRECISE variants ignore the significance's sign and always round up (or down).
        registry.scalar("CEILING.PRECISE", 1, 2, args -> of(toMultiple(args.number(0), Math.abs(optional(args, 1, 1)), true)));
        registry.scalar("ISO.CEILING", 1, 2, args -> of(toMultiple(args.number(0), Math.abs(optional(args, 1, 1)), true)));
        registry.scalar("FLOOR.PRECISE", 1, 2, args -> of(toMultiple(args.number(0), Math.abs(optional(args, 1, 1)), false)));

        unary(registry, "EVEN", x -> {
            double up = DecimalRounding.ceilShown(Math.abs(x) / 2) * 2;
            return x < 0 ? -up : up;
        });
        unary(registry, "ODD", x -> {
            double up = DecimalRounding.ceilShown(Math.abs(x));
            if (up % 2 == 0) {
                up += 1; // ODD(0) is 1: zero rounds away from itself
            }
            return x < 0 ? -up : up;
        });
    }

    /**
     * Rounds up (toward plus infinity) or down to a multiple of {@code step}; a zero step gives 0.
     * With a negative step the multiple is negative, which makes "up" move away from zero for
     * negative numbers: that is how CEILING(-2.5,-2) becomes -4.
     */
    static double toMultiple(double n, double step, boolean up) {
        if (step == 0 || n == 0) {
            return 0;
        }
        double q = n / step;
        double k = up ? DecimalRounding.ceilShown(q) : DecimalRounding.floorShown(q);
        return k * step;
    }

    /** Excel 2010+ CEILING: a positive number with a negative significance is #NUM!. */
    static double ceiling(double n, double step) {
        if (n > 0 && step < 0) {
            throw num();
        }
        return toMultiple(n, step, true);
    }

    /** FLOOR: like CEILING's sign rule, and a zero significance is #DIV/0! (CEILING gives 0). */
    static double floor(double n, double step) {
        if (n > 0 && step < 0) {
            throw num();
        }
        if (step == 0 && n != 0) {
            throw div0();
        }
        return toMultiple(n, step, false);
    }

    /** The multiple nearest to {@code n}, halves away from zero; number and multiple must share a sign. */
    static double mround(double n, double multiple) {
        if (multiple == 0 || n == 0) {
            return 0;
        }
        if ((n > 0) != (multiple > 0)) {
            throw num();
        }
        // Unlike CEILING, the quotient is used as computed: MROUND(6.05,0.1) is 6, because 6.05/0.1
        // is 60.4999... in binary.
        double q = Math.abs(n / multiple);
        return Math.floor(q + 0.5) * multiple;
    }
}
