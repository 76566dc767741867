package io.carlo.engine.function.text;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class TextFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
