package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.degreesOfFreedom;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.openProbability;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.positive;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.probability;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.truncate;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Student's t, chi-squared and F: the distributions of test statistics. Excel truncates every
 * degrees-of-freedom argument to an integer. The legacy functions have their own conventions:
 * TDIST(x, df, tails) takes x >= 0 only, CHIDIST and FDIST are right tails, TINV is two-tailed and
 * CHIINV and FINV invert the right tail.
 */
public final class SamplingDistributionFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registerT(registry);
        registerChiSquared(registry);
        registerF(registry);
    }

    private static void registerT(FunctionRegistry registry) {
        registry.scalar("T.DIST", 3, 3, a -> {
            double x = a.number(0);
            double df = a.number(1);
            boolean cumulative = a.bool(2);
            TDistribution d = t(df);
            return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
        });
        registry.scalar("T.DIST.RT", 2, 2, a -> {
            double x = a.number(0);
            return result(t(a.number(1)).survivalProbability(x));
        });
        registry.scalar("T.DIST.2T", 2, 2, a -> {
            double x = a.number(0);
            TDistribution d = t(a.number(1));
            require(x >= 0);
            return result(2 * d.survivalProbability(x));
        });
        registry.scalar("TDIST", 3, 3, a -> {
            double x = a.number(0);
            double df = a.number(1);
            double tails = truncate(a.number(2));
            TDistribution d = t(df);
            require(x >= 0 && (tails == 1 || tails == 2));
            return result(tails * d.survivalProbability(x));
        });
        registry.scalar("T.INV", 2, 2, a -> {
            double p = a.number(0);
            TDistribution d = t(a.number(1));
            return result(d.inverseCumulativeProbability(openProbability(p)));
        });
        for (String name : new String[] {"T.INV.2T", "TINV"}) {
            registry.scalar(name, 2, 2, a -> {
                double p = a.number(0);
                TDistribution d = t(a.number(1));
                require(p > 0 && p <= 1);
                return result(d.inverseSurvivalProbability(p / 2));
            });
        }
        registry.scalar("CONFIDENCE.T", 3, 3, a -> {
            double alpha = a.number(0);
            double sd = a.number(1);
            double n = truncate(a.number(2));
            openProbability(alpha);
            positive(sd);
            require(n >= 1);
            if (n == 1) {
                // no degrees of freedom left to estimate the spread
                throw ErrorSignal.of(ExcelError.DIV0);
            }
            return result(TDistribution.of(n - 1).inverseSurvivalProbability(alpha / 2) * sd / Math.sqrt(n));
        });
    }

    private static void registerChiSquared(FunctionRegistry registry) {
        registry.scalar("CHISQ.DIST", 3, 3, a -> {
            double x = a.number(0);
            double df = a.number(1);
            boolean cumulative = a.bool(2);
            ChiSquaredDistribution d = chiSquared(df);
            require(x >= 0);
            return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
        });
        for (String name : new String[] {"CHISQ.DIST.RT", "CHIDIST"}) {
            registry.scalar(name, 2, 2, a -> {
                double x = a.number(0);
                ChiSquaredDistribution d = chiSquared(a.number(1));
                require(x >= 0);
                return result(d.survivalProbability(x));
            });
        }
        registry.scalar("CHISQ.INV", 2, 2, a -> {
            double p = a.number(0);
            ChiSquaredDistribution d = chiSquared(a.number(1));
            return result(d.inverseCumulativeProbability(probability(p)));
        });
        for (String name : new String[] {"CHISQ.INV.RT", "CHIINV"}) {
            registry.scalar(name, 2, 2, a -> {
                double p = a.number(0);
                ChiSquaredDistribution d = chiSquared(a.number(1));
                return result(d.inverseSurvivalProbability(probability(p)));
            });
        }
    }

    private static void registerF(FunctionRegistry registry) {
        registry.scalar("F.DIST", 4, 4, a -> {
            double x = a.number(0);
            double df1 = a.number(1);
            double df2 = a.number(2);
            boolean cumulative = a.bool(3);
            FDistribution d = f(df1, df2);
            require(x >= 0);
            return result(cumulative ? d.cumulativeProbability(x) : d.density(x));
        });
        for (String name : new String[] {"F.DIST.RT", "FDIST"}) {
            registry.scalar(name, 3, 3, a -> {
                double x = a.number(0);
                FDistribution d = f(a.number(1), a.number(2));
                require(x >= 0);
                return result(d.survivalProbability(x));
            });
        }
        registry.scalar("F.INV", 3, 3, a -> {
            double p = a.number(0);
            FDistribution d = f(a.number(1), a.number(2));
            return result(d.inverseCumulativeProbability(probability(p)));
        });
        for (String name : new String[] {"F.INV.RT", "FINV"}) {
            registry.scalar(name, 3, 3, a -> {
                double p = a.number(0);
                FDistribution d = f(a.number(1), a.number(2));
                return result(d.inverseSurvivalProbability(probability(p)));
            });
        }
    }

    static TDistribution t(double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom(degreesOfFreedom));
    }

    static ChiSquaredDistribution chiSquared(double degreesOfFreedom) {
        return ChiSquaredDistribution.of(degreesOfFreedom(degreesOfFreedom));
    }

    static FDistribution f(double numeratorDf, double denominatorDf) {
        return FDistribution.of(degreesOfFreedom(numeratorDf), degreesOfFreedom(denominatorDf));
    }
}
