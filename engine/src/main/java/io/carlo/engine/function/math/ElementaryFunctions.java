package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.binary;
import static io.carlo.engine.function.math.Numbers.div0;
import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.require;
import static io.carlo.engine.function.math.Numbers.unary;

import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.NumberValue;

/** Signs, integer parts, powers, roots, logarithms and the remainder functions. */
final class ElementaryFunctions {

    private ElementaryFunctions() {
    }

    static void register(FunctionRegistry registry) {
        unary(registry, "ABS", Math::abs);
        unary(registry, "SIGN", Math::signum);
        // INT floors toward minus infinity: INT(-2.5) is -3 (TRUNC gives -2).
        unary(registry, "INT", Math::floor);
        unary(registry, "SQRT", x -> {
            require(x >= 0);
            return Math.sqrt(x);
        });
        unary(registry, "SQRTPI", x -> {
            require(x >= 0);
            return Math.sqrt(x * Math.PI);
        });
        unary(registry, "EXP", Math::exp);
        unary(registry, "LN", x -> {
            require(x > 0);
            return Math.log(x);
        });
        unary(registry, "LOG10", x -> {
            require(x > 0);
            return Math.log10(x);
        });
        registry.scalar("LOG", 1, 2, args -> {
            double x = args.number(0);
            // LOG(x,) passes an empty base, which counts as 0 (#NUM!), not as the default 10.
            double base = args.has(1) ? args.number(1) : 10;
            require(x > 0 && base > 0);
            if (base == 1) {
                throw div0(); // log(1) is 0: the division by it is what Excel reports
            }
            return NumberValue.of(base == 10 ? Math.log10(x) : Math.log(x) / Math.log(base));
        });
        registry.scalar("PI", 0, 0, args -> NumberValue.of(Math.PI));
        unary(registry, "DEGREES", Math::toDegrees);
        unary(registry, "RADIANS", Math::toRadians);
        binary(registry, "POWER", ElementaryFunctions::power);
        binary(registry, "MOD", ElementaryFunctions::mod);
        binary(registry, "QUOTIENT", (n, d) -> {
            if (d == 0) {
                throw div0();
            }
            double q = n / d;
            return q < 0 ? DecimalRounding.ceilShown(q) : DecimalRounding.floorShown(q);
        });
    }

    /** Excel's ^ and POWER: 0^0 is #NUM!, 0^-1 is #DIV/0!. */
    static double power(double base, double exponent) {
        if (base == 0) {
            if (exponent == 0) {
                throw num();
            }
            if (exponent < 0) {
                throw div0();
            }
            return 0;
        }
        if (base < 0 && exponent != Math.rint(exponent)) {
            // An odd root of a negative number is real in Excel, as with the ^ operator
            // (Operators.power): POWER(-8,1/3) is -2. Other fractional powers are #NUM!.
            double inverse = 1 / exponent;
            if (Math.abs(inverse - Math.rint(inverse)) < 1e-9 && ((long) Math.rint(inverse)) % 2 != 0) {
                return -Math.pow(-base, exponent);
            }
            throw num();
        }
        return Math.pow(base, exponent);
    }

    /**
     * MOD's result takes the divisor's sign: MOD(-3,2) is 1, MOD(3,-2) is -1. The remainder is
     * computed exactly ({@code %} is IEEE fmod), not as n-d*INT(n/d), whose product loses the
     * remainder once the quotient is large (MOD(1,8E16) is 1, MOD(2^52+1,10) is 7). A remainder
     * within the rounding noise of the operands is no remainder: n was meant as a multiple of d
     * (MOD(0.3,0.1) is 0, not 0.09999999999999998; MOD(1E20,3) is 0 as n's last digits are lost).
     */
    static double mod(double n, double d) {
        if (d == 0) {
            throw div0();
        }
        double q = n / d;
        if (!Double.isFinite(q)) {
            throw num();
        }
        double r = n % d; // exact, with n's sign
        // what n and d may be off by, from their decimal inputs, as seen in the remainder
        double noise = Math.ulp(n) + Math.abs(q) * Math.ulp(d);
        if (Math.abs(r) <= noise || Math.abs(d) - Math.abs(r) <= noise) {
            return 0;
        }
        return (r < 0) != (d < 0) ? r + d : r;
    }
}
