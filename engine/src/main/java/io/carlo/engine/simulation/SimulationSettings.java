package io.carlo.engine.simulation;

import io.carlo.engine.stats.StatisticsOptions;

/**
 * How to run a simulation.
 *
 * @param iterations    number of iterations (at least 1)
 * @param seed          the seed: the same seed reproduces a run bit for bit
 * @param threads       worker threads (results do not depend on it)
 * @param blockSize     iterations evaluated together as one vector (results do not depend on it)
 * @param autoStopRelativeTolerance when positive, stop early once the 95% confidence interval of every
 *                      output's mean is narrower than +-this fraction of |mean| (checked in rounds of at
 *                      least 10,000 iterations, in iteration order, so where it stops is reproducible);
 *                      {@code iterations} is then the maximum
 */
public record SimulationSettings(long iterations, long seed, Sampling sampling, int threads, int blockSize,
                                 StatisticsOptions statistics, double autoStopRelativeTolerance) {

    public static final long MAX_ITERATIONS = 100_000_000L;

    public SimulationSettings {
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new ModelException("iterations must be between 1 and " + MAX_ITERATIONS + ", got " + iterations);
        }
        if (threads < 1 || threads > 1024) {
            throw new ModelException("threads must be between 1 and 1024, got " + threads);
        }
        if (blockSize < 1 || blockSize > 1 << 16) {
            throw new ModelException("block size must be between 1 and 65536, got " + blockSize);
        }
        if (autoStopRelativeTolerance < 0 || autoStopRelativeTolerance >= 1 || Double.isNaN(autoStopRelativeTolerance)) {
            throw new ModelException("auto-stop tolerance must be in [0, 1), got " + autoStopRelativeTolerance);
        }
        if (autoStopRelativeTolerance > 0 && sampling != Sampling.MC) {
            throw new ModelException("auto-stop needs --sampling mc: a Latin hypercube or Sobol run stopped early "
                    + "loses its balance");
        }
    }

    public static SimulationSettings of(long iterations, long seed, Sampling sampling, int threads) {
        return new SimulationSettings(iterations, seed, sampling, threads, 1024, StatisticsOptions.DEFAULT, 0);
    }
}
