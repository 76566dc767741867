package io.carlo.engine.bench;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * The few distributions the benchmark inputs use ({@code Normal(100, 10)}, {@code Triangular(min,
 * mode, max)}, {@code Uniform(min, max)}, {@code LogNormal(mean, sd)}, {@code Beta(a, b)},
 * {@code Poisson(mean)}), read from their text for the POI baseline, which must draw the same
 * inputs as Carlo but cannot use Carlo's compiled plan. Backed by Apache Commons Statistics.
 */
public final class BaselineDistributions {

    private BaselineDistributions() {
    }

    public static Distribution parse(String text) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw new DistributionException("expected NAME(p1, p2, ...), got " + text);
        }
        String name = text.substring(0, open).strip().toLowerCase(Locale.ROOT);
        double[] p = Arrays.stream(text.substring(open + 1, text.length() - 1).split(","))
                .map(String::strip).mapToDouble(Double::parseDouble).toArray();
        return switch (name) {
            case "normal" -> continuous(text, NormalDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "uniform" -> continuous(text, UniformContinuousDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "triangular" -> continuous(text, TriangularDistribution.of(arg(text, p, 0), arg(text, p, 1), arg(text, p, 2)));
            case "beta" -> continuous(text, BetaDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "lognormal" -> continuous(text, logNormalOfMeanAndSd(arg(text, p, 0), arg(text, p, 1)));
            case "poisson" -> discrete(text, PoissonDistribution.of(arg(text, p, 0)));
            default -> throw new DistributionException("the POI baseline does not know the distribution " + name
                    + " (in " + text + ")");
        };
    }

    /** LogNormal given the mean and standard deviation of the variable itself, as @RISK's RiskLognorm. */
    private static LogNormalDistribution logNormalOfMeanAndSd(double mean, double sd) {
        double sigma2 = Math.log1p(sd * sd / (mean * mean));
        return LogNormalDistribution.of(Math.log(mean) - sigma2 / 2, Math.sqrt(sigma2));
    }

    private static double arg(String text, double[] p, int i) {
        if (i >= p.length) {
            throw new DistributionException(text + ": parameter " + (i + 1) + " is missing");
        }
        return p[i];
    }

    private static Distribution continuous(String text, ContinuousDistribution d) {
        return new Distribution() {
            public String describe() {
                return text;
            }

            public double inverseCdf(double q) {
                return d.inverseCumulativeProbability(q);
            }

            public double cdf(double x) {
                return d.cumulativeProbability(x);
            }

            public double mean() {
                return d.getMean();
            }

            public double lower() {
                return d.getSupportLowerBound();
            }

            public double upper() {
                return d.getSupportUpperBound();
            }

            public boolean isDiscrete() {
                return false;
            }
        };
    }

    private static Distribution discrete(String text, DiscreteDistribution d) {
        return new Distribution() {
            public String describe() {
                return text;
            }

            public double inverseCdf(double q) {
                return d.inverseCumulativeProbability(q);
            }

            public double cdf(double x) {
                return d.cumulativeProbability((int) Math.floor(x));
            }

            public double mean() {
                return d.getMean();
            }

            public double lower() {
                return d.getSupportLowerBound();
            }

            public double upper() {
                return d.getSupportUpperBound();
            }

            public boolean isDiscrete() {
                return true;
            }
        };
    }
}
