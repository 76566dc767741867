package io.carlo.engine.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One representative parameter set for every distribution in the catalogue, for the statistical tests. */
final class DistributionCases {

    /** {@code finiteVariance} false: the sample mean does not settle, so the mean test skips it. */
    record Case(String name, List<double[]> args, boolean finiteVariance) {
        Distribution create() {
            return Distributions.create(name, args);
        }

        @Override
        public String toString() {
            return create().describe();
        }
    }

    private DistributionCases() {
    }

    static Stream<Case> all() {
        return Stream.of(
                of("Normal", 100, 10),
                of("LogNormal", 10, 2),
                of("LogNormal2", 1, 0.5),
                of("Triangular", 0, 3, 10),
                of("Trigen", 10, 20, 30, 10, 90),
                of("Pert", 0, 3, 10),
                of("Pert", 0, 3, 10, 2),
                of("Uniform", -2, 5),
                of("Beta", 2, 5),
                of("Beta", 0.5, 0.5),
                of("BetaGeneral", 2, 3, 10, 20),
                of("Kumaraswamy", 2, 3, 0, 10),
                of("Gamma", 3, 2),
                of("Gamma", 0.7, 1.5),
                of("Erlang", 4, 1.5),
                of("Exponential", 7),
                of("Weibull", 1.5, 3),
                of("Logistic", 5, 2),
                of("LogLogistic", 1, 2, 5),
                of("Student", 5),
                of("ChiSquared", 4),
                of("F", 5, 10),
                of("Pareto", 5, 2),
                of("Pareto2", 3, 5),
                of("ExtValue", 10, 3),
                of("ExtValueMin", 10, 3),
                of("Frechet", 0, 2, 5),
                heavy("Cauchy", 0, 1),
                of("Laplace", 5, 2),
                heavy("Levy", 0, 1),
                of("Rayleigh", 2),
                of("InvGauss", 2, 5),
                of("Fatigue", 1, 2, 0.5),
                of("Burr12", 0, 1, 3, 2),
                of("Dagum", 0, 1, 4, 2),
                of("JohnsonSU", 0.5, 2, 1, 3),
                of("Pearson5", 5, 3),
                of("Pearson6", 3, 6, 2),
                of("Reciprocal", 1, 100),
                of("TNormal", 0, 1, -1, 2),
                of("Poisson", 4.5),
                of("Binomial", 20, 0.3),
                of("Bernoulli", 0.3),
                of("NegBin", 3, 0.4),
                of("Geometric", 0.2),
                of("HyperGeo", 10, 20, 50),
                of("IntUniform", -3, 7),
                of("Discrete", new double[] {1, 2, 5}, new double[] {1, 3, 2}),
                of("DUniform", new double[] {1.5, 2.5, 10}),
                of("Cumul", 0, 10, new double[] {2, 5}, new double[] {0.2, 0.7}),
                of("CumulD", 0, 10, new double[] {2, 5}, new double[] {0.8, 0.3}),
                of("General", 0, 10, new double[] {2, 5}, new double[] {1, 3}),
                of("Histogram", 0, 10, new double[] {1, 2, 3, 1}));
    }

    static List<double[]> args(Object... values) {
        List<double[]> args = new ArrayList<>();
        for (Object value : values) {
            args.add(value instanceof double[] array ? array : new double[] {((Number) value).doubleValue()});
        }
        return args;
    }

    private static Case of(String name, Object... values) {
        return new Case(name, args(values), true);
    }

    private static Case heavy(String name, Object... values) {
        return new Case(name, args(values), false);
    }
}
