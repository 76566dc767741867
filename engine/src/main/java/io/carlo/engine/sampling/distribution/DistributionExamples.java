package io.carlo.engine.sampling.distribution;

import java.util.List;
import java.util.Map;

/**
 * A valid set of parameters for every distribution, for a user to start from when choosing one.
 * The values are round and mostly centred near 100 so that the shapes compare at a glance.
 */
final class DistributionExamples {

    private static final Map<String, List<String>> EXAMPLES = Map.ofEntries(
            Map.entry("Normal", List.of("100", "10")),
            Map.entry("LogNormal", List.of("100", "20")),
            Map.entry("LogNormal2", List.of("4.6", "0.2")),
            Map.entry("Triangular", List.of("80", "100", "130")),
            Map.entry("Trigen", List.of("80", "100", "130", "10", "90")),
            Map.entry("Pert", List.of("80", "100", "130")),
            Map.entry("Uniform", List.of("80", "120")),
            Map.entry("Beta", List.of("2", "5")),
            Map.entry("BetaGeneral", List.of("2", "5", "0", "100")),
            Map.entry("Kumaraswamy", List.of("2", "5", "0", "100")),
            Map.entry("Gamma", List.of("3", "10")),
            Map.entry("Erlang", List.of("3", "10")),
            Map.entry("Exponential", List.of("10")),
            Map.entry("Weibull", List.of("1.5", "100")),
            Map.entry("Logistic", List.of("100", "10")),
            Map.entry("LogLogistic", List.of("0", "100", "5")),
            Map.entry("Student", List.of("5")),
            Map.entry("ChiSquared", List.of("5")),
            Map.entry("F", List.of("5", "10")),
            Map.entry("Pareto", List.of("3", "100")),
            Map.entry("Pareto2", List.of("100", "3")),
            Map.entry("ExtValue", List.of("100", "10")),
            Map.entry("ExtValueMin", List.of("100", "10")),
            Map.entry("Frechet", List.of("0", "100", "5")),
            Map.entry("Cauchy", List.of("100", "10")),
            Map.entry("Laplace", List.of("100", "10")),
            Map.entry("Levy", List.of("0", "1")),
            Map.entry("Rayleigh", List.of("10")),
            Map.entry("InvGauss", List.of("100", "500")),
            Map.entry("Fatigue", List.of("0", "100", "0.5")),
            Map.entry("Burr12", List.of("0", "100", "3", "2")),
            Map.entry("Dagum", List.of("0", "100", "3", "2")),
            Map.entry("JohnsonSU", List.of("0", "2", "100", "10")),
            Map.entry("Pearson5", List.of("3", "200")),
            Map.entry("Pearson6", List.of("2", "4", "100")),
            Map.entry("Reciprocal", List.of("1", "100")),
            Map.entry("TNormal", List.of("100", "10", "80", "130")),
            Map.entry("Poisson", List.of("4.5")),
            Map.entry("Binomial", List.of("20", "0.3")),
            Map.entry("Bernoulli", List.of("0.3")),
            Map.entry("NegBin", List.of("5", "0.4")),
            Map.entry("Geometric", List.of("0.2")),
            Map.entry("HyperGeo", List.of("10", "20", "100")),
            Map.entry("IntUniform", List.of("1", "6")),
            Map.entry("Discrete", List.of("{1,2,3}", "{0.2,0.5,0.3}")),
            Map.entry("DUniform", List.of("{10,20,30}")),
            Map.entry("Cumul", List.of("0", "100", "{20,50,80}", "{0.1,0.5,0.9}")),
            Map.entry("CumulD", List.of("0", "100", "{20,50,80}", "{0.9,0.5,0.1}")),
            Map.entry("General", List.of("0", "100", "{25,50,75}", "{1,3,1}")),
            Map.entry("Histogram", List.of("0", "100", "{0.1,0.3,0.4,0.2}")));

    private DistributionExamples() {
    }

    /** The example parameters of a canonical name; empty for one without (a test keeps the list complete). */
    static List<String> of(String name) {
        return EXAMPLES.getOrDefault(name, List.of());
    }
}
