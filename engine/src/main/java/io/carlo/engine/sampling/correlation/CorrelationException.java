package io.carlo.engine.sampling.correlation;

/**
 * A correlation matrix a user wrote that cannot be used: wrong size, not symmetric, a diagonal entry
 * other than 1, an entry outside [-1, 1]. The message names the inputs involved, e.g.
 * "correlation of Price and Volume must be between -1 and 1, got 1.2".
 */
public final class CorrelationException extends RuntimeException {

    public CorrelationException(String message) {
        super(message, null, false, false);
    }
}
