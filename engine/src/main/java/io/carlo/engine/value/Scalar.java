package io.carlo.engine.value;

/** One cell's worth of value: Excel's number, text, boolean, blank and error types. */
public sealed interface Scalar extends Value permits NumberValue, TextValue, BooleanValue, BlankValue, ExcelError {

    static Scalar of(double number) {
        return NumberValue.of(number);
    }

    static Scalar of(String text) {
        return new TextValue(text);
    }

    static Scalar of(boolean bool) {
        return BooleanValue.of(bool);
    }
}
