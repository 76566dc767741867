package io.carlo.engine.function.financial;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

/**
 * Excel's financial functions. Each family lives in its own class: {@link AnnuityFunctions} (loans),
 * {@link CashFlowFunctions} (NPV, IRR...), {@link InterestRateFunctions}, {@link DepreciationFunctions},
 * {@link DollarFractionFunctions} and {@link SecurityFunctions} (discounted securities and T-bills).
 */
public final class FinancialFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        AnnuityFunctions.register(registry);
        CashFlowFunctions.register(registry);
        InterestRateFunctions.register(registry);
        DepreciationFunctions.register(registry);
        DollarFractionFunctions.register(registry);
        SecurityFunctions.register(registry);
    }
}
