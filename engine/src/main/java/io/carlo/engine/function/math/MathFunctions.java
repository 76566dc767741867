package io.carlo.engine.function.math;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class MathFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
