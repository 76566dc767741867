package io.carlo.engine.function;

/** A family of functions (math, text, lookup...) that registers itself in the library. */
public interface FunctionGroup {
    void register(FunctionRegistry registry);
}
