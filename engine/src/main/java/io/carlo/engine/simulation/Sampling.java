package io.carlo.engine.simulation;

import java.util.Locale;

/** How the uniforms behind the inputs are drawn. */
public enum Sampling {
    /** Plain Monte Carlo: independent uniforms. */
    MC,
    /** Latin hypercube: each input's n draws fall one in each of n equal-probability strata. */
    LHS;

    public static Sampling parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "mc", "montecarlo", "monte-carlo" -> MC;
            case "lhs", "latin", "latin-hypercube" -> LHS;
            default -> throw new ModelException("unknown sampling '" + text + "': use mc or lhs");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
