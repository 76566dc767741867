package io.carlo.engine.sampling;

import static io.carlo.engine.sampling.DistributionCases.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The factory: names and their spellings, argument counts, and the messages for bad parameters. */
class DistributionsTest {

    private static Distribution create(String name, Object... values) {
        return Distributions.create(name, args(values));
    }

    private static void assertFails(String message, String name, Object... values) {
        assertThatThrownBy(() -> create(name, values)).isInstanceOf(DistributionException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({
        "Normal, Normal", "RiskNormal, Normal", "riskNORMAL, Normal", "Triang, Triangular", "riskTriang, Triangular",
        "Triangular, Triangular", "Lognorm, LogNormal", "LogNormal, LogNormal", "RiskLognorm2, LogNormal2",
        "Expon, Exponential", "Exponential, Exponential", "Intuniform, IntUniform", "Geomet, Geometric",
        "Negbin, NegBin", "Hypergeo, HyperGeo", "Student, Student", "Chisq, ChiSquared", "ExtValue, ExtValue",
        "Gumbel, ExtValue", "Invgauss, InvGauss", "RiskPoisson, Poisson", "RiskErlang, Erlang",
        "RiskRayleigh, Rayleigh", "RiskBernoulli, Bernoulli", "RiskWeibull, Weibull"
    })
    void acceptsRiskAndLongSpellings(String spelling, String canonical) {
        List<double[]> arguments = switch (canonical) {
            case "Triangular" -> args(0, 1, 2);
            case "HyperGeo" -> args(2, 3, 5);
            case "Student", "ChiSquared", "Exponential", "Poisson", "Rayleigh" -> args(3);
            case "Geometric", "Bernoulli" -> args(0.5);
            case "NegBin" -> args(2, 0.5);
            case "IntUniform" -> args(1, 6);
            default -> args(2, 3);
        };
        assertThat(Distributions.create(spelling, arguments).describe()).startsWith(canonical + "(");
    }

    @Test
    void tableSpellings() {
        assertThat(create("RiskHistogrm", 0, 1, new double[] {1, 2}).describe()).isEqualTo("Histogram(0, 1, {1, 2})");
        assertThat(create("riskcumul", 0, 1, new double[] {0.5}, new double[] {0.3}).describe())
                .isEqualTo("Cumul(0, 1, {0.5}, {0.3})");
        assertThat(create("RiskDiscrete", new double[] {1, 2}, new double[] {1, 1}).describe())
                .isEqualTo("Discrete({1, 2}, {1, 1})");
    }

    @Test
    void describeWritesTheCallBack() {
        assertThat(create("RiskNormal", 100, 10).describe()).isEqualTo("Normal(100, 10)");
        assertThat(create("Triang", 0.5, 1, 2.25).describe()).isEqualTo("Triangular(0.5, 1, 2.25)");
        assertThat(create("Pert", 0, 3, 10).describe()).isEqualTo("Pert(0, 3, 10)");
        assertThat(create("Pert", 0, 3, 10, 2).describe()).isEqualTo("Pert(0, 3, 10, 2)");
    }

    @Test
    void namesAreCanonicalAndDistinct() {
        assertThat(Distributions.names()).hasSizeGreaterThanOrEqualTo(35).doesNotHaveDuplicates()
                .contains("Normal", "LogNormal", "LogNormal2", "Triangular", "Pert", "Trigen", "Histogram");
    }

    @Test
    void unknownName() {
        assertFails("unknown distribution RiskNormale", "RiskNormale", 1, 2);
    }

    @Test
    void wrongArgumentCountSaysHowManyAreExpected() {
        assertFails("Normal: expects 2 arguments (mean, standard deviation), got 3", "Normal", 1, 2, 3);
        assertFails("Exponential: expects 1 argument (beta (mean)), got 0", "Expon");
        assertFails("Pert: expects 3 to 4 arguments (min, most likely, max, shape), got 2", "Pert", 1, 2);
    }

    @Test
    void badParametersNameTheDistributionAndTheParameter() {
        assertFails("Normal: standard deviation must be greater than 0, got -1", "RiskNormal", 100, -1);
        assertFails("LogNormal: mean must be greater than 0, got 0", "Lognorm", 0, 1);
        assertFails("Triangular: min must not be greater than most likely, got 5 and 3", "Triang", 5, 3, 10);
        assertFails("Triangular: min must be less than max, got 1 and 1", "Triang", 1, 1, 1);
        assertFails("Uniform: min must be less than max, got 2 and 1", "Uniform", 2, 1);
        assertFails("Binomial: n (trials) must be a whole number, got 2.5", "Binomial", 2.5, 0.5);
        assertFails("Binomial: p (probability of success) must be between 0 and 1, got 1.5", "Binomial", 2, 1.5);
        assertFails("Geometric: p (probability of success) must be greater than 0, got 0", "Geomet", 0);
        assertFails("Erlang: m (shape) must be 1 or more, got 0", "Erlang", 0, 1);
        assertFails("HyperGeo: n (sample size) and D (successes in population) must not exceed M (population size), "
                + "got n 6, D 3, M 5", "Hypergeo", 6, 3, 5);
        assertFails("Trigen: percentiles are percentages between 0 and 100, got 120", "Trigen", 1, 2, 3, 10, 120);
        assertFails("Trigen: bottom percentile must be less than top percentile, got 90 and 10", "Trigen", 1, 2, 3,
                90, 10);
        assertFails("Pert: shape must be greater than 0, got -4", "Pert", 0, 1, 2, -4);
        assertFails("Normal: mean must be a finite number, got NaN", "Normal", Double.NaN, 1);
    }

    @Test
    void badTablesSayWhatIsWrong() {
        assertFails("Discrete: needs as many weights as values, got 3 values and 2 weights", "Discrete",
                new double[] {1, 2, 3}, new double[] {1, 1});
        assertFails("Discrete: weight 2 must be 0 or more, got -1", "Discrete", new double[] {1, 2},
                new double[] {1, -1});
        assertFails("Discrete: weights must add up to a finite number greater than 0, got 0", "Discrete",
                new double[] {1, 2}, new double[] {0, 0});
        assertFails("Cumul: probabilities must be non-decreasing, got {0.5, 0.2}", "Cumul", 0, 10,
                new double[] {2, 5}, new double[] {0.5, 0.2});
        assertFails("Cumul: values must increase strictly between min and max, got {5, 2} with min 0 and max 10",
                "Cumul", 0, 10, new double[] {5, 2}, new double[] {0.2, 0.5});
        assertFails("General: values must increase strictly and lie between min and max, got {2, 12} with min 0 "
                + "and max 10", "General", 0, 10, new double[] {2, 12}, new double[] {1, 1});
        assertFails("Histogram: probability 1 must be 0 or more, got -1", "Histogrm", 0, 10, new double[] {-1, 2});
        assertFails("Normal: standard deviation must be a single number, got 2 values", "Normal", 0,
                new double[] {1, 2});
    }

    @Test
    void discreteMergesRepeatedValuesAndDropsZeroWeights() {
        Distribution d = create("Discrete", new double[] {3, 1, 3, 7}, new double[] {1, 1, 2, 0});
        assertThat(d.cdf(1)).isEqualTo(0.25);
        assertThat(d.inverseCdf(0.3)).isEqualTo(3);
        assertThat(d.upper()).isEqualTo(3);
        assertThat(d.isDiscrete()).isTrue();
    }

    @Test
    void generalAcceptsDensitiesAtItsEnds() {
        // A density given at min and max replaces the 0 there: this one is uniform.
        Distribution d = create("General", 0, 4, new double[] {0, 4}, new double[] {1, 1});
        assertThat(d.cdf(1)).isEqualTo(0.25);
        assertThat(d.inverseCdf(0.75)).isEqualTo(3);
        assertThat(d.mean()).isEqualTo(2);
    }
}
