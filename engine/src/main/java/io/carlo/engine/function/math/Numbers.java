package io.carlo.engine.function.math;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** Small helpers shared by the math function classes: registering one-number functions and failing. */
final class Numbers {

    private Numbers() {
    }

    /** Registers {@code NAME(number)}; a NaN or infinite result becomes #NUM!. */
    static void unary(FunctionRegistry registry, String name, DoubleUnaryOperator f) {
        registry.scalar(name, 1, 1, args -> NumberValue.of(f.applyAsDouble(args.number(0))));
    }

    /** Registers {@code NAME(a, b)} over two numbers. */
    static void binary(FunctionRegistry registry, String name, DoubleBinaryOperator f) {
        registry.scalar(name, 2, 2, args -> NumberValue.of(f.applyAsDouble(args.number(0), args.number(1))));
    }

    /** An optional number argument: absent or written empty ({@code f(1,)}) gives the default. */
    static double optional(Arguments args, int i, double absent) {
        return args.has(i) && !args.isOmitted(i) ? args.number(i) : absent;
    }

    static Scalar of(double v) {
        return NumberValue.of(v);
    }

    static ErrorSignal num() {
        return ErrorSignal.of(ExcelError.NUM);
    }

    static ErrorSignal div0() {
        return ErrorSignal.of(ExcelError.DIV0);
    }

    static ErrorSignal value() {
        return ErrorSignal.of(ExcelError.VALUE);
    }

    /** Throws #NUM! unless {@code ok}. */
    static void require(boolean ok) {
        if (!ok) {
            throw num();
        }
    }
}
