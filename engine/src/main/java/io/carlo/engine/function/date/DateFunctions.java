package io.carlo.engine.function.date;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class DateFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
