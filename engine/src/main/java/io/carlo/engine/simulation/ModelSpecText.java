package io.carlo.engine.simulation;

/**
 * The command line's way of writing a model's inputs and correlations, split into their parts:
 * {@code 'Sheet'!B3=Normal(100,10)} and {@code 'Sheet'!B3,'Sheet'!B4=0.6}. One grammar for
 * {@link ModelBuilder} and for clients that send the parts to a server, so that both accept and
 * refuse the same text. A quoted sheet name may contain '=' or ','.
 */
public final class ModelSpecText {

    private ModelSpecText() {
    }

    /** An input: its cell and the distribution written for it, both as text. */
    public record Input(String cell, String distribution) {
    }

    /** A rank correlation between the inputs of two cells. */
    public record Correlation(String first, String second, double coefficient) {
    }

    public static Input input(String spec) {
        int eq = indexOutsideQuotes(spec, '=');
        if (eq < 0) {
            throw new ModelException("input '" + spec + "': expected CELL=Distribution(...), e.g. 'Sheet1'!B3=Normal(100,10)");
        }
        return new Input(spec.substring(0, eq).strip(), spec.substring(eq + 1).strip());
    }

    public static Correlation correlation(String spec) {
        int eq = spec.lastIndexOf('=');
        int comma = eq < 0 ? -1 : indexOutsideQuotes(spec.substring(0, eq), ',');
        if (eq < 0 || comma < 0) {
            throw new ModelException("correlation '" + spec + "': expected CELL1,CELL2=COEFFICIENT, e.g. B3,B4=0.6");
        }
        double rho;
        try {
            rho = Double.parseDouble(spec.substring(eq + 1).strip());
        } catch (NumberFormatException e) {
            throw new ModelException("correlation '" + spec + "': '" + spec.substring(eq + 1).strip()
                    + "' is not a number");
        }
        return new Correlation(spec.substring(0, comma).strip(), spec.substring(comma + 1, eq).strip(), rho);
    }

    /** The first {@code c} not inside a quoted sheet name, or -1. */
    private static int indexOutsideQuotes(String s, char c) {
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '\'') {
                quoted = !quoted;
            } else if (ch == c && !quoted) {
                return i;
            }
        }
        return -1;
    }
}
