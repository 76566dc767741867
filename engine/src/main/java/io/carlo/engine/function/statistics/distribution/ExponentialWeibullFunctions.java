package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.positive;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * Waiting-time distributions: exponential (Excel takes the rate lambda, the library the mean 1/lambda)
 * and Weibull (Excel's alpha is the shape, beta the scale).
 */
public final class ExponentialWeibullFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        for (String name : new String[] {"EXPON.DIST", "EXPONDIST"}) {
            registry.scalar(name, 3, 3, a -> exponDist(a.number(0), a.number(1), a.bool(2)));
        }
        for (String name : new String[] {"WEIBULL.DIST", "WEIBULL"}) {
            registry.scalar(name, 4, 4, a -> weibullDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        }
    }

    private static Scalar exponDist(double x, double lambda, boolean cumulative) {
        require(x >= 0);
        positive(lambda);
        return evaluate(ExponentialDistribution.of(1 / lambda), x, cumulative);
    }

    private static Scalar weibullDist(double x, double alpha, double beta, boolean cumulative) {
        require(x >= 0);
        positive(alpha);
        positive(beta);
        return evaluate(WeibullDistribution.of(alpha, beta), x, cumulative);
    }

    private static Scalar evaluate(ContinuousDistribution d, double x, boolean cumulative) {
        return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
    }
}
