package io.carlo.engine.value;

/**
 * An empty cell or an omitted argument. It reads as 0 where a number is wanted and as "" where a
 * text is wanted, which is why it is a value of its own rather than null.
 */
public enum BlankValue implements Scalar {
    BLANK;

    @Override
    public String toString() {
        return "<blank>";
    }
}
