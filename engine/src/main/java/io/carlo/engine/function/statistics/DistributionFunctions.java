package io.carlo.engine.function.statistics;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.statistics.distribution.BetaGammaFunctions;
import io.carlo.engine.function.statistics.distribution.DiscreteFunctions;
import io.carlo.engine.function.statistics.distribution.ExponentialWeibullFunctions;
import io.carlo.engine.function.statistics.distribution.HypothesisTestFunctions;
import io.carlo.engine.function.statistics.distribution.NormalFunctions;
import io.carlo.engine.function.statistics.distribution.SamplingDistributionFunctions;
import io.carlo.engine.function.statistics.distribution.SpecialFunctions;
import java.util.List;

/**
 * Probability distributions, their inverses, hypothesis tests and the special functions behind
 * them (GAMMA, ERF...). Each family lives in its own class of the {@code distribution} package;
 * the numerics come from Apache Commons Statistics and Commons Numbers, the Excel rules (argument
 * truncation, domains, legacy argument orders) from those classes.
 */
public final class DistributionFunctions implements FunctionGroup {

    private static final List<FunctionGroup> FAMILIES = List.of(
            new NormalFunctions(),
            new BetaGammaFunctions(),
            new SamplingDistributionFunctions(),
            new DiscreteFunctions(),
            new ExponentialWeibullFunctions(),
            new HypothesisTestFunctions(),
            new SpecialFunctions());

    @Override
    public void register(FunctionRegistry registry) {
        for (FunctionGroup family : FAMILIES) {
            family.register(registry);
        }
    }
}
