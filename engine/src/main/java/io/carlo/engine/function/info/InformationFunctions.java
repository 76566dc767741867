package io.carlo.engine.function.info;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class InformationFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
