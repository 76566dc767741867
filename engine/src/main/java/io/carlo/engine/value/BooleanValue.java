package io.carlo.engine.value;

/** Excel's TRUE and FALSE. */
public enum BooleanValue implements Scalar {
    TRUE, FALSE;

    public static BooleanValue of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean value() {
        return this == TRUE;
    }
}
