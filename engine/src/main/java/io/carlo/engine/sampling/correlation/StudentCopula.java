package io.carlo.engine.sampling.correlation;

import io.carlo.engine.sampling.RandomStreams;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The Student t copula: Gaussian copula normals divided by one shared sqrt(W/ν), W ~ χ²(ν), then
 * mapped through the t CDF. The shared divisor makes extremes arrive together (tail dependence),
 * which a Gaussian copula of the same rank correlation lacks: joint crashes, common shocks. Fewer
 * degrees of freedom mean stronger tail dependence; as ν grows it approaches the Gaussian copula.
 *
 * <p>The parameter is set so that the rank correlations equal the target: the relation between the
 * two depends on ν and is computed numerically ({@link StudentRankCorrelation}). A target that cannot
 * hold is repaired first as {@link CorrelationMatrix#repair()} does; a matrix on the edge of the cone
 * can need a little more for a t copula, which {@link #repair()} reports.
 *
 * <p>The χ² draw of iteration i comes from a stream of its own, 2³² + streams[0] (as an unsigned
 * int): above every int stream number, so it never coincides with an input's stream.
 */
public final class StudentCopula implements Copula {

    private static final long MIXING_STREAM_OFFSET = 1L << 32;

    private final CorrelationMatrix rankCorrelation;
    private final double degreesOfFreedom;
    private final CorrelationRepair repair;
    private final double[][] factor;
    private final ChiSquaredDistribution mixing;
    private final TDistribution t;

    /**
     * @throws CorrelationException when the degrees of freedom are not a positive finite number
     */
    public StudentCopula(CorrelationMatrix rankCorrelation, double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isInfinite(degreesOfFreedom)) {
            throw new CorrelationException("Student copula: degrees of freedom must be a number greater than 0, got "
                    + degreesOfFreedom);
        }
        this.rankCorrelation = rankCorrelation;
        this.degreesOfFreedom = degreesOfFreedom;
        StudentRankCorrelation relation = new StudentRankCorrelation(degreesOfFreedom);
        CorrelationRepair gaussianRepair = rankCorrelation.repair();
        CorrelationMatrix mapped = gaussianRepair.used().mapOffDiagonal(relation::parameterFor);
        CorrelationMatrix parameters = mapped.nearestCorrelationMatrix();
        this.repair = parameters == mapped ? gaussianRepair
                : new CorrelationRepair(rankCorrelation, parameters.mapOffDiagonal(relation::spearman), true);
        this.factor = NormalScoreCorrelation.unitRowFactor(parameters);
        this.mixing = ChiSquaredDistribution.of(degreesOfFreedom);
        this.t = TDistribution.of(degreesOfFreedom);
    }

    @Override
    public CorrelationMatrix rankCorrelation() {
        return rankCorrelation;
    }

    @Override
    public CorrelationRepair repair() {
        return repair;
    }

    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    @Override
    public void uniforms(long seed, long iteration, int[] streams, double[] out) {
        Copula.checkLengths(this, streams, out);
        double[] normals = CorrelatedNormals.draw(factor, seed, iteration, streams);
        if (normals.length == 0) {
            return;
        }
        long mixingStream = MIXING_STREAM_OFFSET + Integer.toUnsignedLong(streams[0]);
        double w = mixing.inverseCumulativeProbability(RandomStreams.uniform(seed, mixingStream, iteration));
        double scale = Math.sqrt(degreesOfFreedom / w);
        for (int j = 0; j < normals.length; j++) {
            out[j] = OpenUnitInterval.clamp(t.cumulativeProbability(normals[j] * scale));
        }
    }
}
