package io.carlo.engine.bench;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.simulation.DistributionFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * The few distributions the benchmark inputs use ({@code Normal(mean, sd)}, {@code Triangular(min,
 * mode, max)}, {@code Uniform(min, max)}, {@code LogNormal(mean, sd)}, {@code Beta(a, b)},
 * {@code Poisson(mean)}), backed by Apache Commons Statistics. The benchmark gives the same
 * distributions to Carlo and to the POI loop, so both draw the same inputs for the same seed.
 */
public final class BenchmarkDistributions implements DistributionFactory {

    /** A distribution from its text, e.g. {@code Triangular(0.05, 0.10, 0.15)}. */
    public static Distribution parse(String text) {
        int open = text.indexOf('(');
        if (open < 0 || !text.endsWith(")")) {
            throw new DistributionException("expected NAME(p1, p2, ...), got " + text);
        }
        List<double[]> args = Arrays.stream(text.substring(open + 1, text.length() - 1).split(","))
                .map(String::strip).map(a -> new double[] {Double.parseDouble(a)}).toList();
        return new BenchmarkDistributions().create(text.substring(0, open).strip(), args);
    }

    @Override
    public Distribution create(String name, List<double[]> args) {
        String text = name + args.stream().map(a -> String.valueOf(a[0])).collect(Collectors.joining(", ", "(", ")"));
        double[] p = args.stream().mapToDouble(a -> a[0]).toArray();
        return switch (name.toLowerCase(Locale.ROOT).replaceFirst("^risk", "")) {
            case "normal" -> continuous(text, NormalDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "uniform" -> continuous(text, UniformContinuousDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "triangular", "triang" ->
                    continuous(text, TriangularDistribution.of(arg(text, p, 0), arg(text, p, 1), arg(text, p, 2)));
            case "beta" -> continuous(text, BetaDistribution.of(arg(text, p, 0), arg(text, p, 1)));
            case "lognormal", "lognorm" -> continuous(text, logNormalOfMeanAndSd(arg(text, p, 0), arg(text, p, 1)));
            case "poisson" -> discrete(text, PoissonDistribution.of(arg(text, p, 0)));
            default -> throw new DistributionException("the benchmark does not know the distribution " + name
                    + " (in " + text + ")");
        };
    }

    @Override
    public Distribution truncate(Distribution d, double lower, double upper) {
        throw new DistributionException("the benchmark distributions cannot be truncated: " + d.describe());
    }

    @Override
    public Distribution truncateByPercentile(Distribution d, double lowerPercentile, double upperPercentile) {
        throw new DistributionException("the benchmark distributions cannot be truncated: " + d.describe());
    }

    @Override
    public Distribution shift(Distribution d, double shift) {
        throw new DistributionException("the benchmark distributions cannot be shifted: " + d.describe());
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
