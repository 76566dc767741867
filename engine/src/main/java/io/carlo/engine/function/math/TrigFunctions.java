package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.div0;
import static io.carlo.engine.function.math.Numbers.require;
import static io.carlo.engine.function.math.Numbers.unary;

import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.NumberValue;
import java.util.function.DoubleUnaryOperator;

/** Circular and hyperbolic functions and their inverses and reciprocals. */
final class TrigFunctions {

    /**
     * Excel refuses circular functions (and COTH, CSCH, SECH) of arguments from 2^27 on (#NUM!):
     * the argument reduction would no longer be meaningful at double precision.
     */
    private static final double CIRCULAR_LIMIT = 134_217_728;

    private TrigFunctions() {
    }

    static void register(FunctionRegistry registry) {
        unary(registry, "SIN", circular(Math::sin));
        unary(registry, "COS", circular(Math::cos));
        unary(registry, "TAN", circular(Math::tan));
        unary(registry, "COT", circular(x -> reciprocal(Math.tan(x))));
        unary(registry, "CSC", circular(x -> reciprocal(Math.sin(x))));
        unary(registry, "SEC", circular(x -> reciprocal(Math.cos(x))));

        unary(registry, "ASIN", x -> {
            require(Math.abs(x) <= 1);
            return Math.asin(x);
        });
        unary(registry, "ACOS", x -> {
            require(Math.abs(x) <= 1);
            return Math.acos(x);
        });
        unary(registry, "ATAN", Math::atan);
        unary(registry, "ACOT", x -> Math.PI / 2 - Math.atan(x));
        // ATAN2 takes x first, the reverse of most languages' atan2(y, x).
        registry.scalar("ATAN2", 2, 2, args -> {
            double x = args.number(0);
            double y = args.number(1);
            if (x == 0 && y == 0) {
                throw div0();
            }
            return NumberValue.of(Math.atan2(y, x));
        });

        unary(registry, "SINH", Math::sinh);
        unary(registry, "COSH", Math::cosh);
        unary(registry, "TANH", Math::tanh);
        // Excel documents the 2^27 bound for these three hyperbolic reciprocals as well.
        unary(registry, "COTH", circular(x -> reciprocal(Math.tanh(x))));
        unary(registry, "CSCH", circular(x -> reciprocal(Math.sinh(x))));
        unary(registry, "SECH", circular(x -> 1 / Math.cosh(x)));
        unary(registry, "ASINH", TrigFunctions::asinh);
        unary(registry, "ACOSH", x -> {
            require(x >= 1);
            return Math.log(x + Math.sqrt(x * x - 1));
        });
        unary(registry, "ATANH", x -> {
            require(Math.abs(x) < 1);
            return 0.5 * Math.log1p(2 * x / (1 - x));
        });
        unary(registry, "ACOTH", x -> {
            require(Math.abs(x) > 1);
            return 0.5 * Math.log((x + 1) / (x - 1));
        });
    }

    private static DoubleUnaryOperator circular(DoubleUnaryOperator f) {
        return x -> {
            require(Math.abs(x) < CIRCULAR_LIMIT);
            return f.applyAsDouble(x);
        };
    }

    private static double reciprocal(double v) {
        if (v == 0) {
            throw div0();
        }
        return 1 / v;
    }

    /** Odd-symmetric, so that large negative arguments do not cancel catastrophically. */
    private static double asinh(double x) {
        double a = Math.abs(x);
        double r = a > 1e8 ? Math.log(a) + Math.log(2) : Math.log1p(a + a * a / (1 + Math.sqrt(a * a + 1)));
        return x < 0 ? -r : r;
    }
}
