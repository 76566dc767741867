/**
 * Results statistics: what a run's samples say about each output (and input).
 *
 * <ul>
 *   <li>{@link io.carlo.engine.stats.Statistics#summarize} gives the {@link io.carlo.engine.stats.SummaryStatistics}
 *       of one quantity: moments and percentiles by Excel's definitions (AVERAGE, STDEV.S, SKEW, KURT,
 *       PERCENTILE.INC), mode, confidence interval of the mean, histogram, CDF, target probabilities
 *       and tail risk.</li>
 *   <li>{@link io.carlo.engine.stats.SensitivityAnalysis#analyze} gives one
 *       {@link io.carlo.engine.stats.Sensitivity} per input of an output: Spearman rank correlation,
 *       standardized regression coefficient, contribution to variance, spider and tornado data.</li>
 *   <li>{@link io.carlo.engine.stats.ConvergenceAnalysis#analyze} gives the
 *       {@link io.carlo.engine.stats.Convergence} of the mean and of three percentiles.</li>
 *   <li>{@link io.carlo.engine.stats.OutputAnalysis#of} does the three at once for an output, ordering
 *       its samples once instead of three times.</li>
 *   <li>{@link io.carlo.engine.stats.RunningMoments} and {@link io.carlo.engine.stats.AutoStop} serve a
 *       run in progress: mergeable block moments, and whether the mean is known closely enough to stop.</li>
 * </ul>
 *
 * <p>Conventions: NaN in a sample marks an iteration that produced an Excel error; it is counted
 * and otherwise skipped. A statistic that is undefined for the data (the standard deviation of one
 * value, the skewness of a constant) is NaN, where Excel would show #DIV/0!. Calculators never
 * modify the arrays they are given, and the summary depends only on the values, not on their
 * order, so it is identical however the iterations were split across threads or shards.
 *
 * <p>The package-private helpers are the pieces: {@code SortedValues} (order statistics),
 * {@code SampleMoments}, {@code HistogramBuilder}, {@code ModeEstimate}, {@code RadixSort} (linear-time
 * ordering of doubles), {@code Ranking} (average ranks), {@code PearsonCorrelation}, {@code StandardizedRegression}
 * (Cholesky solve of the normal equations) and {@code CompensatedSum}.
 */
package io.carlo.engine.stats;
