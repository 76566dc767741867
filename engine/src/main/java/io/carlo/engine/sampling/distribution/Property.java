package io.carlo.engine.sampling.distribution;

/** Writes a property into a description the way @RISK writes it: {@code Normal(100, 10, Shift(5))}. */
final class Property {

    private Property() {
    }

    static String append(String describe, String property) {
        if (describe.endsWith(")")) {
            return describe.substring(0, describe.length() - 1) + ", " + property + ")";
        }
        return describe + " " + property;
    }
}
