package io.carlo.engine.sampling.correlation;

/**
 * Correlated uniforms drawn one iteration at a time: each iteration is a pure function of (seed,
 * iteration, streams), so any thread or shard can draw any iteration and a run is bit-identical
 * however it is split. Each uniform is exactly uniform on (0, 1), so feeding it to an input's
 * inverse CDF gives that input its own distribution while the copula supplies the dependence.
 * Implementations are immutable and thread-safe.
 */
public sealed interface Copula permits GaussianCopula, StudentCopula {

    /** The target rank correlation the copula was built for. */
    CorrelationMatrix rankCorrelation();

    /**
     * The target and the rank correlations the copula actually produces, which differ when the
     * target cannot hold as given and was repaired; for the run's report.
     */
    CorrelationRepair repair();

    /** Number of inputs it correlates. */
    default int dimension() {
        return rankCorrelation().size();
    }

    /**
     * Writes the correlated uniforms of one iteration, one per input, into {@code out}.
     *
     * @param streams the random stream of each input, in matrix order (as used for its uncorrelated
     *                draws, so correlation changes the dependence, not the stream layout)
     * @param out     receives one uniform in (0, 1) per input
     */
    void uniforms(long seed, long iteration, int[] streams, double[] out);

    /** Checks the array lengths against the copula's dimension. */
    static void checkLengths(Copula copula, int[] streams, double[] out) {
        int k = copula.dimension();
        if (streams.length != k || out.length < k) {
            throw new IllegalArgumentException("copula of " + k + " inputs " + copula.rankCorrelation().labels()
                    + " given " + streams.length + " streams and room for " + out.length + " uniforms");
        }
    }
}
