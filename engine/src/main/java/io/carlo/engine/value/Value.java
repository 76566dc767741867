package io.carlo.engine.value;

/**
 * What a formula can produce or a function can receive: a single {@link Scalar}, an in-memory
 * {@link ArrayValue}, or a {@link ReferenceValue} to cells that has not been read yet (functions
 * such as ROW, OFFSET or ISREF need the reference itself, SUM needs to skip text in ranges).
 */
public sealed interface Value permits Scalar, ArrayValue, ReferenceValue {
}
