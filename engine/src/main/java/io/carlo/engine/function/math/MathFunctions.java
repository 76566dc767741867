package io.carlo.engine.function.math;

import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;

/**
 * Math and trigonometry, plus the basic engineering functions (number bases, bits). Each family
 * lives in its own class of this package; this one only registers them all.
 */
public final class MathFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        ElementaryFunctions.register(registry);
        RoundingFunctions.register(registry);
        TrigFunctions.register(registry);
        CombinatoricFunctions.register(registry);
        SumFunctions.register(registry);
        SubtotalFunctions.register(registry);
        ArrayBuildingFunctions.register(registry);
        MatrixFunctions.register(registry);
        RadixFunctions.register(registry);
        BitFunctions.register(registry);
    }
}
