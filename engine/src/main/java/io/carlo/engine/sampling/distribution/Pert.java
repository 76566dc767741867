package io.carlo.engine.sampling.distribution;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * PERT(min, most likely, max) and the modified PERT with a shape γ (4 when left out): a beta
 * distribution on [min, max] with α1 = 1 + γ(mode - min)/(max - min), α2 = 1 + γ(max - mode)/(max - min),
 * whose mean is (min + γ·mode + max)/(γ + 2).
 */
public final class Pert {

    private static final String NAME = "Pert";
    static final double DEFAULT_SHAPE = 4;

    private Pert() {
    }

    /** {@code shape} NaN means the classic PERT (γ = 4). */
    public static CommonsContinuous of(double min, double mode, double max, double shape) {
        Check.notGreater(NAME, "min", min, "most likely", mode);
        Check.notGreater(NAME, "most likely", mode, "max", max);
        Check.less(NAME, "min", min, "max", max);
        boolean classic = Double.isNaN(shape);
        double gamma = classic ? DEFAULT_SHAPE : Check.positive(NAME, "shape", shape);
        double range = max - min;
        double alpha1 = 1 + gamma * (mode - min) / range;
        double alpha2 = 1 + gamma * (max - mode) / range;
        String describe = classic ? Format.call(NAME, min, mode, max) : Format.call(NAME, min, mode, max, gamma);
        var beta = BetaDistribution.of(alpha1, alpha2);
        return DistributionCatalog.wholeShapes(alpha1, alpha2) ? CommonsContinuous.of(describe, beta, min, range)
                : CommonsContinuous.refined(describe, beta, min, range);
    }
}
