package io.carlo.engine.function;

import io.carlo.engine.value.Value;

/**
 * The implementation of one Excel function. It may throw {@link io.carlo.engine.value.ErrorSignal}
 * (usually through the coercions of {@link Arguments}); the caller turns that into the error value.
 */
@FunctionalInterface
public interface FunctionBody {
    Value apply(Arguments args);
}
