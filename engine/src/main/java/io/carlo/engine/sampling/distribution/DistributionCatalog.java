package io.carlo.engine.sampling.distribution;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.sampling.DistributionInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.CauchyDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.GeometricDistribution;
import org.apache.commons.statistics.distribution.GumbelDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.LevyDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.LogUniformDistribution;
import org.apache.commons.statistics.distribution.LogisticDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.ParetoDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.TruncatedNormalDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.UniformDiscreteDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * Every distribution Carlo knows, by name: its canonical name, the other names it answers to
 * (@RISK's spellings, long names), its parameters in @RISK's order, and how to build it.
 */
public final class DistributionCatalog {

    /** One distribution: parameter names (for arity messages), how many are optional at the end. */
    record Entry(String name, List<String> aliases, List<String> parameters, int optional, String family,
                 Function<Parameters, Distribution> build) {
    }

    private static final Map<String, Entry> BY_NAME = new LinkedHashMap<>();
    private static final List<String> CANONICAL = new ArrayList<>();
    private static final List<Entry> ENTRIES = new ArrayList<>();
    /** The section being registered: continuous, discrete or empirical. */
    private static String family;

    static {
        family = "continuous";
        continuous();
        family = "discrete";
        discrete();
        family = "empirical";
        empirical();
    }

    private DistributionCatalog() {
    }

    /** Canonical names, in catalogue order. */
    public static List<String> names() {
        return Collections.unmodifiableList(CANONICAL);
    }

    /** What a user choosing a distribution needs to know of each, in catalogue order, with example parameters. */
    public static List<DistributionInfo> describe() {
        return ENTRIES.stream().map(e -> new DistributionInfo(e.name(), e.aliases(), e.parameters(),
                e.parameters().size() - e.optional(), e.family(), DistributionExamples.of(e.name()))).toList();
    }

    /** Whether a name (any spelling, with or without "Risk") is a known distribution. */
    public static boolean isKnown(String name) {
        return BY_NAME.containsKey(key(name));
    }

    /** Builds a distribution; names are case-insensitive and may carry @RISK's "Risk" prefix. */
    public static Distribution create(String name, List<double[]> arguments) {
        Entry entry = BY_NAME.get(key(name));
        if (entry == null) {
            throw new DistributionException("unknown distribution " + name);
        }
        int most = entry.parameters().size();
        int least = most - entry.optional();
        if (arguments.size() < least || arguments.size() > most) {
            String expected = least == most ? Integer.toString(most) : least + " to " + most;
            throw Check.fail(entry.name(), "expects " + expected + (most == 1 ? " argument" : " arguments") + " ("
                    + String.join(", ", entry.parameters()) + "), got " + arguments.size());
        }
        try {
            return entry.build().apply(new Parameters(entry.name(), arguments));
        } catch (IllegalArgumentException e) {
            // A combination our checks let through but Commons refuses: still name the distribution.
            throw Check.fail(entry.name(), e.getMessage());
        }
    }

    private static String key(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("risk") && lower.length() > 4 ? lower.substring(4) : lower;
    }

    private static void add(String name, List<String> aliases, List<String> parameters, int optional,
            Function<Parameters, Distribution> build) {
        Entry entry = new Entry(name, List.copyOf(aliases), List.copyOf(parameters), optional, family, build);
        CANONICAL.add(name);
        ENTRIES.add(entry);
        for (String alias : concat(name, aliases)) {
            if (BY_NAME.put(key(alias), entry) != null) {
                throw new IllegalStateException("two distributions are called " + alias);
            }
        }
    }

    private static List<String> concat(String name, List<String> aliases) {
        List<String> all = new ArrayList<>(aliases);
        all.add(name);
        return all;
    }

    private static void add(String name, List<String> aliases, List<String> parameters,
            Function<Parameters, Distribution> build) {
        add(name, aliases, parameters, 0, build);
    }

    private static CommonsContinuous commons(String name, double[] values,
            org.apache.commons.statistics.distribution.ContinuousDistribution distribution) {
        return CommonsContinuous.of(Format.call(name, values), distribution);
    }

    /** For the Commons distributions whose inverse CDF is a costly root search (see RefinedQuantile). */
    private static CommonsContinuous refined(String name, double[] values,
            org.apache.commons.statistics.distribution.ContinuousDistribution distribution) {
        return CommonsContinuous.refined(Format.call(name, values), distribution, 0, 1);
    }

    /** Beta and gamma: the refined quantile pays off when a shape is not a whole number. */
    static boolean wholeShapes(double... shapes) {
        for (double shape : shapes) {
            if (shape != Math.rint(shape)) {
                return false;
            }
        }
        return true;
    }

    private static void continuous() {
        add("Normal", List.of("Norm", "Gaussian"), List.of("mean", "standard deviation"), p -> {
            double mean = p.scalar(0, "mean");
            double sd = Check.positive("Normal", "standard deviation", p.scalar(1, "standard deviation"));
            return commons("Normal", new double[] {mean, sd}, NormalDistribution.of(mean, sd));
        });
        add("LogNormal", List.of("Lognorm"), List.of("mean", "standard deviation"), p -> {
            double mean = Check.positive("LogNormal", "mean", p.scalar(0, "mean"));
            double sd = Check.positive("LogNormal", "standard deviation", p.scalar(1, "standard deviation"));
            // @RISK's Lognorm takes the distribution's own mean and sd; these are the log-space ones.
            double sigma2 = Math.log1p((sd / mean) * (sd / mean));
            double mu = Math.log(mean) - sigma2 / 2;
            return commons("LogNormal", new double[] {mean, sd}, LogNormalDistribution.of(mu, Math.sqrt(sigma2)));
        });
        add("LogNormal2", List.of("Lognorm2"), List.of("mu (log-space mean)", "sigma (log-space standard deviation)"),
                p -> {
                    double mu = p.scalar(0, "mu");
                    double sigma = Check.positive("LogNormal2", "sigma", p.scalar(1, "sigma"));
                    return commons("LogNormal2", new double[] {mu, sigma}, LogNormalDistribution.of(mu, sigma));
                });
        add("Triangular", List.of("Triang", "Triangle"), List.of("min", "most likely", "max"), p -> {
            double min = p.scalar(0, "min");
            double mode = p.scalar(1, "most likely");
            double max = p.scalar(2, "max");
            Check.notGreater("Triangular", "min", min, "most likely", mode);
            Check.notGreater("Triangular", "most likely", mode, "max", max);
            Check.less("Triangular", "min", min, "max", max);
            return commons("Triangular", new double[] {min, mode, max}, TriangularDistribution.of(min, mode, max));
        });
        add("Trigen", List.of(), List.of("bottom", "most likely", "top", "bottom percentile", "top percentile"),
                p -> Trigen.of(p.scalar(0, "bottom"), p.scalar(1, "most likely"), p.scalar(2, "top"),
                        p.scalar(3, "bottom percentile"), p.scalar(4, "top percentile")));
        add("Pert", List.of("ModPert", "BetaPert"), List.of("min", "most likely", "max", "shape"), 1,
                p -> Pert.of(p.scalar(0, "min"), p.scalar(1, "most likely"), p.scalar(2, "max"),
                        p.count() > 3 ? p.scalar(3, "shape") : Double.NaN));
        add("Uniform", List.of("Unif"), List.of("min", "max"), p -> {
            double min = p.scalar(0, "min");
            double max = p.scalar(1, "max");
            Check.less("Uniform", "min", min, "max", max);
            return commons("Uniform", new double[] {min, max}, UniformContinuousDistribution.of(min, max));
        });
        add("Beta", List.of(), List.of("alpha1", "alpha2"), p -> {
            double a = Check.positive("Beta", "alpha1", p.scalar(0, "alpha1"));
            double b = Check.positive("Beta", "alpha2", p.scalar(1, "alpha2"));
            return wholeShapes(a, b) ? commons("Beta", new double[] {a, b}, BetaDistribution.of(a, b))
                    : refined("Beta", new double[] {a, b}, BetaDistribution.of(a, b));
        });
        add("BetaGeneral", List.of("BetaGen"), List.of("alpha1", "alpha2", "min", "max"), p -> {
            double a = Check.positive("BetaGeneral", "alpha1", p.scalar(0, "alpha1"));
            double b = Check.positive("BetaGeneral", "alpha2", p.scalar(1, "alpha2"));
            double min = p.scalar(2, "min");
            double max = p.scalar(3, "max");
            Check.less("BetaGeneral", "min", min, "max", max);
            String describe = Format.call("BetaGeneral", a, b, min, max);
            return wholeShapes(a, b) ? CommonsContinuous.of(describe, BetaDistribution.of(a, b), min, max - min)
                    : CommonsContinuous.refined(describe, BetaDistribution.of(a, b), min, max - min);
        });
        add("Kumaraswamy", List.of(), List.of("alpha1", "alpha2", "min", "max"),
                p -> new Kumaraswamy(p.scalar(0, "alpha1"), p.scalar(1, "alpha2"), p.scalar(2, "min"),
                        p.scalar(3, "max")));
        add("Gamma", List.of(), List.of("alpha (shape)", "beta (scale)"), p -> {
            double shape = Check.positive("Gamma", "alpha (shape)", p.scalar(0, "alpha (shape)"));
            double scale = Check.positive("Gamma", "beta (scale)", p.scalar(1, "beta (scale)"));
            return wholeShapes(shape) ? commons("Gamma", new double[] {shape, scale}, GammaDistribution.of(shape, scale))
                    : refined("Gamma", new double[] {shape, scale}, GammaDistribution.of(shape, scale));
        });
        add("Erlang", List.of(), List.of("m (shape)", "beta (scale)"), p -> {
            int m = Check.integer("Erlang", "m (shape)", p.scalar(0, "m (shape)"), 1);
            double scale = Check.positive("Erlang", "beta (scale)", p.scalar(1, "beta (scale)"));
            return commons("Erlang", new double[] {m, scale}, GammaDistribution.of(m, scale));
        });
        add("Exponential", List.of("Expon"), List.of("beta (mean)"), p -> {
            double mean = Check.positive("Exponential", "beta (mean)", p.scalar(0, "beta (mean)"));
            return commons("Exponential", new double[] {mean}, ExponentialDistribution.of(mean));
        });
        add("Weibull", List.of(), List.of("alpha (shape)", "beta (scale)"), p -> {
            double shape = Check.positive("Weibull", "alpha (shape)", p.scalar(0, "alpha (shape)"));
            double scale = Check.positive("Weibull", "beta (scale)", p.scalar(1, "beta (scale)"));
            return commons("Weibull", new double[] {shape, scale}, WeibullDistribution.of(shape, scale));
        });
        add("Logistic", List.of(), List.of("alpha (location)", "beta (scale)"), p -> {
            double location = p.scalar(0, "alpha (location)");
            double scale = Check.positive("Logistic", "beta (scale)", p.scalar(1, "beta (scale)"));
            return commons("Logistic", new double[] {location, scale}, LogisticDistribution.of(location, scale));
        });
        add("LogLogistic", List.of(), List.of("gamma (location)", "beta (scale)", "alpha (shape)"),
                p -> new LogLogistic(p.scalar(0, "gamma (location)"), p.scalar(1, "beta (scale)"),
                        p.scalar(2, "alpha (shape)")));
        add("Student", List.of("StudentT", "T"), List.of("nu (degrees of freedom)"), p -> {
            double nu = Check.positive("Student", "nu (degrees of freedom)", p.scalar(0, "nu (degrees of freedom)"));
            return refined("Student", new double[] {nu}, TDistribution.of(nu));
        });
        add("ChiSquared", List.of("ChiSq", "ChiSquare"), List.of("nu (degrees of freedom)"), p -> {
            double nu = Check.positive("ChiSquared", "nu (degrees of freedom)",
                    p.scalar(0, "nu (degrees of freedom)"));
            return commons("ChiSquared", new double[] {nu}, ChiSquaredDistribution.of(nu));
        });
        add("F", List.of(), List.of("nu1 (numerator degrees of freedom)", "nu2 (denominator degrees of freedom)"), p -> {
            double nu1 = Check.positive("F", "nu1", p.scalar(0, "nu1"));
            double nu2 = Check.positive("F", "nu2", p.scalar(1, "nu2"));
            return refined("F", new double[] {nu1, nu2}, FDistribution.of(nu1, nu2));
        });
        add("Pareto", List.of(), List.of("theta (shape)", "a (scale, the minimum)"), p -> {
            double theta = Check.positive("Pareto", "theta (shape)", p.scalar(0, "theta (shape)"));
            double a = Check.positive("Pareto", "a (scale)", p.scalar(1, "a (scale)"));
            return commons("Pareto", new double[] {theta, a}, ParetoDistribution.of(a, theta));
        });
        add("Pareto2", List.of("Lomax"), List.of("b (scale)", "q (shape)"),
                p -> new Pareto2(p.scalar(0, "b (scale)"), p.scalar(1, "q (shape)")));
        add("ExtValue", List.of("Gumbel", "ExtremeValue"), List.of("alpha (location)", "beta (scale)"), p -> {
            double location = p.scalar(0, "alpha (location)");
            double scale = Check.positive("ExtValue", "beta (scale)", p.scalar(1, "beta (scale)"));
            return commons("ExtValue", new double[] {location, scale}, GumbelDistribution.of(location, scale));
        });
        add("ExtValueMin", List.of(), List.of("alpha (location)", "beta (scale)"),
                p -> new ExtValueMin(p.scalar(0, "alpha (location)"), p.scalar(1, "beta (scale)")));
        add("Frechet", List.of(), List.of("gamma (location)", "beta (scale)", "alpha (shape)"),
                p -> new Frechet(p.scalar(0, "gamma (location)"), p.scalar(1, "beta (scale)"),
                        p.scalar(2, "alpha (shape)")));
        add("Cauchy", List.of(), List.of("gamma (location)", "beta (scale)"), p -> {
            double location = p.scalar(0, "gamma (location)");
            double scale = Check.positive("Cauchy", "beta (scale)", p.scalar(1, "beta (scale)"));
            return commons("Cauchy", new double[] {location, scale}, CauchyDistribution.of(location, scale));
        });
        add("Laplace", List.of(), List.of("mu (location)", "sigma (standard deviation)"), p -> {
            double mu = p.scalar(0, "mu (location)");
            double sigma = Check.positive("Laplace", "sigma (standard deviation)",
                    p.scalar(1, "sigma (standard deviation)"));
            // @RISK's σ is the standard deviation; the usual scale b has variance 2b².
            return commons("Laplace", new double[] {mu, sigma}, LaplaceDistribution.of(mu, sigma / Math.sqrt(2)));
        });
        add("Levy", List.of(), List.of("a (location)", "c (scale)"), p -> {
            double a = p.scalar(0, "a (location)");
            double c = Check.positive("Levy", "c (scale)", p.scalar(1, "c (scale)"));
            return commons("Levy", new double[] {a, c}, LevyDistribution.of(a, c));
        });
        add("Rayleigh", List.of(), List.of("b (mode)"), p -> new Rayleigh(p.scalar(0, "b (mode)")));
        add("InvGauss", List.of("InverseGaussian", "Wald"), List.of("mu (mean)", "lambda (shape)"),
                p -> new InverseGaussian(p.scalar(0, "mu (mean)"), p.scalar(1, "lambda (shape)")));
        add("Fatigue", List.of("BirnbaumSaunders"), List.of("gamma (location)", "beta (scale)", "alpha (shape)"),
                p -> new Fatigue(p.scalar(0, "gamma (location)"), p.scalar(1, "beta (scale)"),
                        p.scalar(2, "alpha (shape)")));
        add("Burr12", List.of(), List.of("gamma (location)", "beta (scale)", "alpha1 (shape)", "alpha2 (shape)"),
                p -> new Burr12(p.scalar(0, "gamma (location)"), p.scalar(1, "beta (scale)"),
                        p.scalar(2, "alpha1 (shape)"), p.scalar(3, "alpha2 (shape)")));
        add("Dagum", List.of(), List.of("gamma (location)", "beta (scale)", "alpha1 (shape)", "alpha2 (shape)"),
                p -> new Dagum(p.scalar(0, "gamma (location)"), p.scalar(1, "beta (scale)"),
                        p.scalar(2, "alpha1 (shape)"), p.scalar(3, "alpha2 (shape)")));
        add("JohnsonSU", List.of(), List.of("alpha1 (shape)", "alpha2 (shape)", "gamma (location)", "beta (scale)"),
                p -> new JohnsonSU(p.scalar(0, "alpha1 (shape)"), p.scalar(1, "alpha2 (shape)"),
                        p.scalar(2, "gamma (location)"), p.scalar(3, "beta (scale)")));
        add("Pearson5", List.of("InverseGamma"), List.of("alpha (shape)", "beta (scale)"),
                p -> new Pearson5(p.scalar(0, "alpha (shape)"), p.scalar(1, "beta (scale)")));
        add("Pearson6", List.of(), List.of("beta1 (shape)", "beta2 (shape)", "beta (scale)"),
                p -> new Pearson6(p.scalar(0, "beta1 (shape)"), p.scalar(1, "beta2 (shape)"),
                        p.scalar(2, "beta (scale)")));
        add("Reciprocal", List.of("LogUniform"), List.of("min", "max"), p -> {
            double min = Check.positive("Reciprocal", "min", p.scalar(0, "min"));
            double max = p.scalar(1, "max");
            Check.less("Reciprocal", "min", min, "max", max);
            return commons("Reciprocal", new double[] {min, max}, LogUniformDistribution.of(min, max));
        });
        add("TNormal", List.of("TruncatedNormal"), List.of("mean", "standard deviation", "min", "max"), p -> {
            double mean = p.scalar(0, "mean");
            double sd = Check.positive("TNormal", "standard deviation", p.scalar(1, "standard deviation"));
            double min = p.scalar(2, "min");
            double max = p.scalar(3, "max");
            Check.less("TNormal", "min", min, "max", max);
            return commons("TNormal", new double[] {mean, sd, min, max},
                    TruncatedNormalDistribution.of(mean, sd, min, max));
        });
    }

    private static void discrete() {
        add("Poisson", List.of(), List.of("lambda (mean)"), p -> {
            double lambda = Check.positive("Poisson", "lambda (mean)", p.scalar(0, "lambda (mean)"));
            return new CommonsDiscrete(Format.call("Poisson", lambda), PoissonDistribution.of(lambda));
        });
        add("Binomial", List.of("Binom"), List.of("n (trials)", "p (probability of success)"), p -> {
            int n = Check.integer("Binomial", "n (trials)", p.scalar(0, "n (trials)"), 0);
            double prob = Check.probability("Binomial", "p (probability of success)",
                    p.scalar(1, "p (probability of success)"));
            return new CommonsDiscrete(Format.call("Binomial", n, prob), BinomialDistribution.of(n, prob));
        });
        add("Bernoulli", List.of(), List.of("p (probability of 1)"), p -> {
            double prob = Check.probability("Bernoulli", "p (probability of 1)", p.scalar(0, "p (probability of 1)"));
            return new CommonsDiscrete(Format.call("Bernoulli", prob), BinomialDistribution.of(1, prob));
        });
        add("NegBin", List.of("NegativeBinomial", "Pascal"), List.of("s (successes)", "p (probability of success)"),
                p -> {
                    int s = Check.integer("NegBin", "s (successes)", p.scalar(0, "s (successes)"), 1);
                    double prob = positiveProbability("NegBin", p.scalar(1, "p (probability of success)"));
                    // Failures before the s-th success, as @RISK and Commons' Pascal count them.
                    return new CommonsDiscrete(Format.call("NegBin", s, prob), PascalDistribution.of(s, prob));
                });
        add("Geometric", List.of("Geomet"), List.of("p (probability of success)"), p -> {
            double prob = positiveProbability("Geometric", p.scalar(0, "p (probability of success)"));
            return new CommonsDiscrete(Format.call("Geometric", prob), GeometricDistribution.of(prob));
        });
        add("HyperGeo", List.of("Hypergeometric"), List.of("n (sample size)", "D (successes in population)",
                "M (population size)"), p -> {
                    int n = Check.integer("HyperGeo", "n (sample size)", p.scalar(0, "n (sample size)"), 0);
                    int d = Check.integer("HyperGeo", "D (successes in population)",
                            p.scalar(1, "D (successes in population)"), 0);
                    int m = Check.integer("HyperGeo", "M (population size)", p.scalar(2, "M (population size)"), 1);
                    if (n > m || d > m) {
                        throw Check.fail("HyperGeo", "n (sample size) and D (successes in population) must not exceed "
                                + "M (population size), got n " + n + ", D " + d + ", M " + m);
                    }
                    return new CommonsDiscrete(Format.call("HyperGeo", n, d, m), HypergeometricDistribution.of(m, d, n));
                });
        add("IntUniform", List.of("DiscreteUniform"), List.of("min", "max"), p -> {
            int min = wholeNumber("IntUniform", "min", p.scalar(0, "min"));
            int max = wholeNumber("IntUniform", "max", p.scalar(1, "max"));
            Check.notGreater("IntUniform", "min", min, "max", max);
            return new CommonsDiscrete(Format.call("IntUniform", min, max), UniformDiscreteDistribution.of(min, max));
        });
    }

    private static void empirical() {
        add("Discrete", List.of(), List.of("{values}", "{weights}"), p -> {
            double[] values = p.array(0, "values");
            double[] weights = p.array(1, "weights");
            return new DiscreteValues("Discrete", "Discrete(" + Format.array(values) + ", " + Format.array(weights) + ")",
                    values, weights);
        });
        add("DUniform", List.of(), List.of("{values}"), p -> {
            double[] values = p.array(0, "values");
            double[] weights = new double[values.length];
            java.util.Arrays.fill(weights, 1);
            return new DiscreteValues("DUniform", "DUniform(" + Format.array(values) + ")", values, weights);
        });
        add("Cumul", List.of("Cumulative"), List.of("min", "max", "{values}", "{cumulative probabilities}"),
                p -> PiecewiseLinearCdf.cumulative("Cumul", p.scalar(0, "min"), p.scalar(1, "max"),
                        p.array(2, "values"), p.array(3, "cumulative probabilities"), false));
        add("CumulD", List.of(), List.of("min", "max", "{values}", "{descending cumulative probabilities}"),
                p -> PiecewiseLinearCdf.cumulative("CumulD", p.scalar(0, "min"), p.scalar(1, "max"),
                        p.array(2, "values"), p.array(3, "descending cumulative probabilities"), true));
        add("General", List.of(), List.of("min", "max", "{values}", "{densities}"),
                p -> new PiecewiseLinearDensity(p.scalar(0, "min"), p.scalar(1, "max"), p.array(2, "values"),
                        p.array(3, "densities")));
        add("Histogram", List.of("Histogrm"), List.of("min", "max", "{bin probabilities}"),
                p -> PiecewiseLinearCdf.histogram(p.scalar(0, "min"), p.scalar(1, "max"),
                        p.array(2, "bin probabilities")));
    }

    private static double positiveProbability(String distribution, double p) {
        Check.probability(distribution, "p (probability of success)", p);
        if (p == 0) {
            throw Check.fail(distribution, "p (probability of success) must be greater than 0, got 0");
        }
        return p;
    }

    private static int wholeNumber(String distribution, String parameter, double value) {
        return Check.integer(distribution, parameter, value, Integer.MIN_VALUE);
    }
}
