package io.carlo.engine.simulation;

import java.util.Locale;

/** How the uniforms behind the inputs are drawn. */
public enum Sampling {
    /** Plain Monte Carlo: independent uniforms. */
    MC,
    /** Latin hypercube: each input's n draws fall one in each of n equal-probability strata. */
    LHS,
    /**
     * Randomized quasi-Monte Carlo: a Sobol sequence (one dimension per input, in input order)
     * shifted by a seeded random vector (Cranley–Patterson rotation), so that runs with different
     * seeds are independent and their spread measures the error.
     */
    SOBOL;

    public static Sampling parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "mc", "montecarlo", "monte-carlo" -> MC;
            case "lhs", "latin", "latin-hypercube" -> LHS;
            case "sobol", "qmc" -> SOBOL;
            default -> throw new ModelException("unknown sampling '" + text + "': use mc, lhs or sobol");
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
