package io.carlo.engine.sampling.correlation;

/**
 * The Gaussian copula: independent standard normals Φ⁻¹(uniform) from each input's stream, mixed by
 * the Cholesky factor of the normal-score correlation, mapped back through Φ. Its parameter is the
 * Pearson correlation of the normal scores, r = 2 sin(π ρ / 6) for a target rank correlation ρ,
 * which makes the inputs' rank correlations equal the target (a target that cannot hold as given
 * runs at its repair, see {@link CorrelationMatrix#repair()}).
 */
public final class GaussianCopula implements Copula {

    private final CorrelationMatrix rankCorrelation;
    private final double[][] factor;

    public GaussianCopula(CorrelationMatrix rankCorrelation) {
        this.rankCorrelation = rankCorrelation;
        this.factor = NormalScoreCorrelation.unitRowFactor(NormalScoreCorrelation.forRanks(rankCorrelation));
    }

    @Override
    public CorrelationMatrix rankCorrelation() {
        return rankCorrelation;
    }

    @Override
    public CorrelationRepair repair() {
        return rankCorrelation.repair();
    }

    @Override
    public void uniforms(long seed, long iteration, int[] streams, double[] out) {
        Copula.checkLengths(this, streams, out);
        double[] normals = CorrelatedNormals.draw(factor, seed, iteration, streams);
        for (int j = 0; j < normals.length; j++) {
            out[j] = StandardNormal.cdf(normals[j]);
        }
    }
}
