package io.carlo.engine.sampling;

/**
 * A univariate probability distribution sampled by inversion: a uniform u in (0,1) becomes
 * {@code inverseCdf(u)}. Inversion (rather than rejection or other tricks) is what makes Latin
 * hypercube sampling, rank correlation and counter-based streams work for every distribution.
 * Implementations are immutable and thread-safe.
 */
public interface Distribution {

    /** Canonical name with its parameters, e.g. {@code Normal(100, 10)}, for reports and messages. */
    String describe();

    /** The smallest x with CDF(x) >= p, for p in (0, 1). */
    double inverseCdf(double p);

    /** P(X <= x). */
    double cdf(double x);

    /** Expected value (NaN when it does not exist, e.g. Cauchy). */
    double mean();

    /** Lower end of the support (may be -infinity). */
    double lower();

    /** Upper end of the support (may be +infinity). */
    double upper();

    boolean isDiscrete();
}
