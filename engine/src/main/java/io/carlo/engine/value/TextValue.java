package io.carlo.engine.value;

import java.util.Objects;

/** An Excel text (string) value. */
public record TextValue(String value) implements Scalar {

    public static final TextValue EMPTY = new TextValue("");

    public TextValue {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return '"' + value + '"';
    }
}
