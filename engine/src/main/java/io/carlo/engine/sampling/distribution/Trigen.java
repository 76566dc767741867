package io.carlo.engine.sampling.distribution;

import org.apache.commons.statistics.distribution.TriangularDistribution;

/**
 * @RISK's Trigen(bottom, mode, top, bottomPerc, topPerc): the triangular distribution whose
 * bottomPerc-th percentile is bottom and topPerc-th percentile is top (percentages, 0 to 100).
 */
public final class Trigen {

    private static final String NAME = "Trigen";
    private static final int MAX_ITERATIONS = 1_000_000;

    private Trigen() {
    }

    public static CommonsContinuous of(double bottom, double mode, double top, double bottomPerc, double topPerc) {
        Check.notGreater(NAME, "bottom", bottom, "most likely", mode);
        Check.notGreater(NAME, "most likely", mode, "top", top);
        Check.less(NAME, "bottom", bottom, "top", top);
        for (double perc : new double[] {bottomPerc, topPerc}) {
            Check.finite(NAME, "percentile", perc);
            if (perc < 0 || perc > 100) {
                throw Check.fail(NAME, "percentiles are percentages between 0 and 100, got " + Format.number(perc));
            }
        }
        if (!(bottomPerc < topPerc)) {
            throw Check.fail(NAME, "bottom percentile must be less than top percentile, got "
                    + Format.number(bottomPerc) + " and " + Format.number(topPerc));
        }
        double[] range = solve(mode - bottom, top - mode, bottomPerc / 100, 1 - topPerc / 100);
        var triangle = TriangularDistribution.of(mode - range[0], mode, mode + range[1]);
        return CommonsContinuous.of(Format.call(NAME, bottom, mode, top, bottomPerc, topPerc), triangle);
    }

    /**
     * Finds how far the triangle reaches left (a) and right (b) of the mode. With width w = a + b,
     * F(bottom) = (a - below)²/(w·a) and 1 - F(top) = (b - above)²/(w·b); for a fixed w each is a
     * quadratic in a (or b). Iterating w → a(w) + b(w) is a contraction (its slope is about
     * pLow + pHighTail < 1), so it converges from the span of the given points.
     */
    private static double[] solve(double below, double above, double pLow, double pHighTail) {
        double width = below + above;
        double a = below;
        double b = above;
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            a = reach(below, pLow * width);
            b = reach(above, pHighTail * width);
            double next = a + b;
            if (Math.abs(next - width) <= 1e-15 * next) {
                break;
            }
            width = next;
        }
        return new double[] {a, b};
    }

    /** The root t >= d of (t - d)² = c·t. */
    private static double reach(double d, double c) {
        return ((2 * d + c) + Math.sqrt(c * c + 4 * d * c)) / 2;
    }
}
