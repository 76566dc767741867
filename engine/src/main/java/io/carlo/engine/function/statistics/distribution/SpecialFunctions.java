package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.positive;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;
import org.apache.commons.numbers.gamma.Gamma;
import org.apache.commons.numbers.gamma.LogGamma;

/** The gamma function and its logarithm, the error functions, and Fisher's z-transformation. */
public final class SpecialFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar("GAMMA", 1, 1, a -> {
            double x = a.number(0);
            // poles at 0 and the negative integers; between them Excel returns the analytic continuation
            require(!(x <= 0 && x == Math.rint(x)));
            return result(Gamma.value(x));
        });
        for (String name : new String[] {"GAMMALN", "GAMMALN.PRECISE"}) {
            registry.scalar(name, 1, 1, a -> result(LogGamma.value(positive(a.number(0)))));
        }
        // ERF(lower, upper) integrates from lower to upper; since Excel 2010 negative bounds are allowed
        registry.scalar("ERF", 1, 2, a -> {
            double lower = a.number(0);
            if (!a.has(1)) {
                return result(Erf.value(lower));
            }
            return result(Erf.value(a.number(1)) - Erf.value(lower));
        });
        registry.scalar("ERF.PRECISE", 1, 1, a -> result(Erf.value(a.number(0))));
        for (String name : new String[] {"ERFC", "ERFC.PRECISE"}) {
            registry.scalar(name, 1, 1, a -> result(Erfc.value(a.number(0))));
        }
        registry.scalar("FISHER", 1, 1, a -> {
            double x = a.number(0);
            require(x > -1 && x < 1);
            // atanh(x) = ln((1 + x) / (1 - x)) / 2, through log1p to keep small x precise
            return result(0.5 * Math.log1p(2 * x / (1 - x)));
        });
        registry.scalar("FISHERINV", 1, 1, a -> result(Math.tanh(a.number(0))));
    }
}
