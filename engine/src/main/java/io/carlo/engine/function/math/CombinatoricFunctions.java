package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.require;
import static io.carlo.engine.function.math.Numbers.unary;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;

/**
 * Factorials, combinations, permutations, GCD/LCM and MULTINOMIAL. Their arguments are integers:
 * Excel truncates fractional ones toward zero (FACT(5.9) is 120).
 */
final class CombinatoricFunctions {

    /** Beyond 2^53 a double no longer holds every integer, and GCD/LCM refuse such inputs. */
    private static final double EXACT_LIMIT = 9007199254740992.0;

    private CombinatoricFunctions() {
    }

    static void register(FunctionRegistry registry) {
        unary(registry, "FACT", x -> {
            require(x >= 0);
            return factorial(Math.floor(x));
        });
        unary(registry, "FACTDOUBLE", x -> {
            require(DecimalRounding.truncate(x) >= 0);
            double result = 1;
            for (double k = Math.floor(x); k > 1 && Double.isFinite(result); k -= 2) {
                result *= k;
            }
            return result;
        });
        registry.scalar("COMBIN", 2, 2, args -> {
            double n = Math.floor(args.number(0));
            double k = Math.floor(args.number(1));
            require(n >= 0 && k >= 0 && k <= n);
            return of(combin(n, k));
        });
        // COMBINA counts combinations with repetition: COMBIN(n+k-1, k).
        registry.scalar("COMBINA", 2, 2, args -> {
            double n = Math.floor(args.number(0));
            double k = Math.floor(args.number(1));
            require(n >= 0 && k >= 0 && n >= k);
            return of(k == 0 ? 1 : combin(n + k - 1, k));
        });
        registry.scalar("PERMUT", 2, 2, args -> {
            double n = Math.floor(args.number(0));
            double k = Math.floor(args.number(1));
            require(n >= 0 && k >= 0 && k <= n);
            double result = 1;
            for (int i = 0; i < k && Double.isFinite(result); i++) {
                result *= n - i;
            }
            return of(result);
        });
        registry.scalar("PERMUTATIONA", 2, 2, args -> {
            double n = Math.floor(args.number(0));
            double k = Math.floor(args.number(1));
            require(n >= 0 && k >= 0);
            return of(Math.pow(n, k));
        });
        registry.function("GCD").args(1, 255).kinds(ArgKind.RANGE).body(args -> {
            double result = 0;
            for (double v : integers(args)) {
                result = gcd(result, v);
            }
            return of(result);
        });
        registry.function("LCM").args(1, 255).kinds(ArgKind.RANGE).body(args -> {
            double result = 1;
            for (double v : integers(args)) {
                if (v == 0) {
                    return of(0);
                }
                result = result / gcd(result, v) * v;
                require(result < EXACT_LIMIT);
            }
            return of(result);
        });
        registry.function("MULTINOMIAL").args(1, 255).kinds(ArgKind.RANGE).body(args -> {
            // (a+b+c)! / (a! b! c!), built as a product of binomials to stay exact and in range.
            double total = 0;
            double result = 1;
            for (double v : NumberCollector.collect(args)) {
                double k = Math.floor(v);
                require(k >= 0);
                total += k;
                result *= combin(total, k);
            }
            return of(result);
        });
    }

    static double factorial(double n) {
        double result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
            if (!Double.isFinite(result)) {
                throw num();
            }
        }
        return result;
    }

    /** n over k, rounded to the integer it is while the double can hold it. */
    static double combin(double n, double k) {
        k = Math.min(k, n - k);
        double result = 1;
        for (int i = 1; i <= k; i++) {
            result = result * (n - k + i) / i;
            if (!Double.isFinite(result)) {
                throw num();
            }
        }
        return result < EXACT_LIMIT ? Math.rint(result) : result;
    }

    /** The arguments' numbers truncated; negatives and values past 2^53 are #NUM!. */
    private static double[] integers(Arguments args) {
        double[] values = NumberCollector.collect(args);
        for (int i = 0; i < values.length; i++) {
            require(values[i] >= 0 && values[i] < EXACT_LIMIT);
            values[i] = Math.floor(values[i]);
        }
        return values;
    }

    private static double gcd(double a, double b) {
        while (b != 0) {
            double t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
