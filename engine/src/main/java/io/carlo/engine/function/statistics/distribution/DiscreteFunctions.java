package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.count;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.probability;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * Counting distributions: binomial, negative binomial, hypergeometric and Poisson. Excel truncates
 * every count argument (successes, trials, sample and population sizes) toward zero, so
 * BINOM.DIST(3.9, 10.2, 0.5, FALSE) is BINOM.DIST(3, 10, 0.5, FALSE).
 */
public final class DiscreteFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar("BINOM.DIST", 4, 4, a -> binomDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        registry.scalar("BINOMDIST", 4, 4, a -> binomDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        registry.scalar("BINOM.DIST.RANGE", 3, 4, DiscreteFunctions::binomDistRange);
        for (String name : new String[] {"BINOM.INV", "CRITBINOM"}) {
            registry.scalar(name, 3, 3, a -> binomInv(a.number(0), a.number(1), a.number(2)));
        }
        registry.scalar("NEGBINOM.DIST", 4, 4, a -> negBinomDist(a.number(0), a.number(1), a.number(2), a.bool(3)));
        registry.scalar("NEGBINOMDIST", 3, 3, a -> negBinomDist(a.number(0), a.number(1), a.number(2), false));
        registry.scalar("HYPGEOM.DIST", 5, 5, a -> hypGeomDist(a.number(0), a.number(1), a.number(2), a.number(3),
                a.bool(4)));
        registry.scalar("HYPGEOMDIST", 4, 4, a -> hypGeomDist(a.number(0), a.number(1), a.number(2), a.number(3),
                false));
        for (String name : new String[] {"POISSON.DIST", "POISSON"}) {
            registry.scalar(name, 3, 3, a -> poissonDist(a.number(0), a.number(1), a.bool(2)));
        }
    }

    private static Scalar binomDist(double successes, double trials, double p, boolean cumulative) {
        int k = count(successes);
        int n = count(trials);
        probability(p);
        require(k >= 0 && k <= n);
        BinomialDistribution d = BinomialDistribution.of(n, p);
        return result(cumulative ? d.cumulativeProbability(k) : d.probability(k));
    }

    /** P(s <= X <= s2), or P(X = s) without s2. */
    private static Scalar binomDistRange(Arguments a) {
        int n = count(a.number(0));
        double p = a.number(1);
        int from = count(a.number(2));
        int to = a.has(3) ? count(a.number(3)) : from;
        probability(p);
        require(n >= 0 && from >= 0 && from <= to && to <= n);
        // probability(x0, x1) is P(x0 < X <= x1), summed from whichever tail is more precise
        return result(BinomialDistribution.of(n, p).probability(from - 1, to));
    }

    /** The smallest k whose cumulative binomial probability reaches alpha. */
    private static Scalar binomInv(double trials, double p, double alpha) {
        int n = count(trials);
        probability(p);
        probability(alpha);
        require(n >= 0);
        return result(BinomialDistribution.of(n, p).inverseCumulativeProbability(alpha));
    }

    /** Failures before the s-th success. */
    private static Scalar negBinomDist(double failures, double successes, double p, boolean cumulative) {
        int f = count(failures);
        int s = count(successes);
        probability(p);
        require(f >= 0 && s >= 1);
        if (p == 0) {
            return result(0); // the s-th success never comes: no finite number of failures has weight
        }
        PascalDistribution d = PascalDistribution.of(s, p);
        return result(cumulative ? d.cumulativeProbability(f) : d.probability(f));
    }

    private static Scalar hypGeomDist(double sampleSuccesses, double sampleSize, double populationSuccesses,
                                      double populationSize, boolean cumulative) {
        int k = count(sampleSuccesses);
        int n = count(sampleSize);
        int bigK = count(populationSuccesses);
        int bigN = count(populationSize);
        // Excel's documented domain: 0 < n <= N, 0 < K <= N, max(0, n - N + K) <= k <= min(n, K)
        require(bigN > 0 && n > 0 && n <= bigN && bigK > 0 && bigK <= bigN);
        require(k >= 0 && k <= Math.min(n, bigK) && k >= n - bigN + bigK);
        HypergeometricDistribution d = HypergeometricDistribution.of(bigN, bigK, n);
        return result(cumulative ? d.cumulativeProbability(k) : d.probability(k));
    }

    private static Scalar poissonDist(double events, double mean, boolean cumulative) {
        int x = count(events);
        require(x >= 0 && mean >= 0);
        if (mean == 0) {
            // a degenerate distribution at 0, which the library does not accept as a Poisson
            return result(cumulative || x == 0 ? 1 : 0);
        }
        PoissonDistribution d = PoissonDistribution.of(mean);
        return result(cumulative ? d.cumulativeProbability(x) : d.probability(x));
    }
}
