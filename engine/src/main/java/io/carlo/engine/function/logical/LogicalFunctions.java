package io.carlo.engine.function.logical;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class LogicalFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
