package io.carlo.engine.function.lookup;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class LookupFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
