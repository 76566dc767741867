package io.carlo.engine.function.statistics;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

/**
 * Descriptive statistics, ranking and regression. Each family lives in its own class; this one
 * only gathers them for the {@link io.carlo.engine.function.FunctionLibrary}.
 */
public final class StatisticalFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        CountingFunctions.register(registry);
        SampleFunctions.register(registry);
        OrderStatistics.register(registry);
        RankingFunctions.register(registry);
        PairedStatistics.register(registry);
        FrequencyFunctions.register(registry);
        RegressionFunctions.register(registry);
    }
}
