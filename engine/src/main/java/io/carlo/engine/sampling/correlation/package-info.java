/**
 * Correlated sampling: rank correlation between inputs.
 *
 * <ul>
 *   <li>{@link io.carlo.engine.sampling.correlation.CorrelationMatrix}: the rank correlations a user
 *       asked for, validated; {@code repair()} gives the matrix the samplers use when the requested
 *       one cannot hold (its {@link io.carlo.engine.sampling.correlation.CorrelationRepair} feeds the
 *       run report).</li>
 *   <li>{@link io.carlo.engine.sampling.correlation.ImanConover}: reorders whole sample columns
 *       (MC or Latin hypercube) so their ranks correlate, leaving every value as drawn; needs the
 *       whole batch.</li>
 *   <li>{@link io.carlo.engine.sampling.correlation.GaussianCopula} and
 *       {@link io.carlo.engine.sampling.correlation.StudentCopula}: correlated uniforms one iteration
 *       at a time, for runs split into blocks and shards; each input turns its uniform into a draw
 *       with its own inverse CDF.</li>
 *   <li>{@link io.carlo.engine.sampling.correlation.RankCorrelation}: Spearman's rank correlation,
 *       for the achieved matrix in the report.</li>
 * </ul>
 *
 * <p>All three samplers correlate normal scores, whose Pearson correlation is not the rank
 * correlation; the conversion lives in {@code NormalScoreCorrelation} (Gaussian) and
 * {@code StudentRankCorrelation} (t). The linear algebra (Jacobi eigen-decomposition, Cholesky,
 * Higham's nearest correlation matrix) is small and hand-written because the matrices are k × k for
 * a handful of inputs.
 */
package io.carlo.engine.sampling.correlation;
