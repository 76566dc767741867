package io.carlo.engine.sampling;

/**
 * Bad distribution parameters or an unknown distribution. The message names the distribution and
 * the parameter ("Normal: standard deviation must be greater than 0, got -1"); callers prefix the
 * cell it comes from.
 */
public final class DistributionException extends RuntimeException {

    public DistributionException(String message) {
        super(message, null, false, false);
    }
}
