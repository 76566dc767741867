package io.carlo.engine.function.statistics;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class StatisticalFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
