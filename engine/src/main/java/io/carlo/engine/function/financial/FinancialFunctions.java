package io.carlo.engine.function.financial;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

public final class FinancialFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
    }
}
