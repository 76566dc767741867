package io.carlo.engine.sampling;

import io.carlo.engine.sampling.distribution.DistributionCatalog;
import io.carlo.engine.sampling.distribution.Shifted;
import io.carlo.engine.sampling.distribution.Truncated;
import java.util.List;

/**
 * Builds distributions by name, as they are written in a workbook or on the command line:
 * {@code create("RiskNormal", [[100], [10]])}. Names are case-insensitive, with or without @RISK's
 * "Risk" prefix, in @RISK's spellings (Triang, Lognorm, Expon, ...) or in full (Triangular, ...).
 * A scalar argument is a {@code double[1]}; list arguments (Discrete's values) are longer arrays.
 * Parameters follow @RISK's definitions; the catalogue is in
 * {@link io.carlo.engine.sampling.distribution.DistributionCatalog}.
 */
public final class Distributions {

    private Distributions() {
    }

    /** @throws DistributionException for an unknown name, a wrong argument count or a bad parameter */
    public static Distribution create(String name, List<double[]> args) {
        return DistributionCatalog.create(name, args);
    }

    /** Whether a name (any accepted spelling, with or without "Risk") is a known distribution. */
    public static boolean isKnown(String name) {
        return DistributionCatalog.isKnown(name);
    }

    /** Every distribution with its parameters and example values, for a user choosing one. */
    public static List<DistributionInfo> catalog() {
        return DistributionCatalog.describe();
    }

    /**
     * A distribution written on its own, {@code Triangular(0.05, 0.1, 0.15)} or with @RISK's
     * property functions; arguments are constants (see {@link DistributionText}).
     */
    public static Distribution parse(String text) {
        return DistributionText.parse(text);
    }

    /** Canonical names of every distribution, e.g. "Normal", "Triangular", "Pert". */
    public static List<String> names() {
        return DistributionCatalog.names();
    }

    /**
     * {@code d} restricted to [lower, upper] (inclusive for a discrete {@code d}); an infinite bound
     * leaves that side open. Sampled by inversion within [F(lower), F(upper)].
     *
     * @throws DistributionException when the range has zero probability
     */
    public static Distribution truncate(Distribution d, double lower, double upper) {
        return Truncated.between(d, lower, upper);
    }

    /** {@code d} restricted to the values between its pLow and pHigh quantiles (fractions in [0, 1]). */
    public static Distribution truncateByPercentile(Distribution d, double pLow, double pHigh) {
        return Truncated.betweenPercentiles(d, pLow, pHigh);
    }

    /** {@code d + shift}. */
    public static Distribution shift(Distribution d, double shift) {
        return new Shifted(d, shift);
    }
}
