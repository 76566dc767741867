package io.carlo.engine.sampling;

import static io.carlo.engine.sampling.DistributionCases.args;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.numbers.gamma.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The parameters mean what they mean in @RISK: each expectation here is worked out by hand from
 * @RISK's definition, independently of the implementation.
 */
class RiskParameterisationTest {

    private static Distribution create(String name, Object... values) {
        return Distributions.create(name, args(values));
    }

    @Test
    void lognormTakesTheDistributionsOwnMeanAndStandardDeviation() {
        Distribution d = create("RiskLognorm", 10, 2);
        assertThat(d.mean()).isCloseTo(10, within(1e-12));
        // Its variance, from the quantile function: E[X²] - mean² by integrating x² over p.
        double sigma2 = Math.log(1 + 0.04);
        double mu = Math.log(10) - sigma2 / 2;
        assertThat(d.inverseCdf(0.5)).isCloseTo(Math.exp(mu), within(1e-9));
        assertThat(Math.sqrt((Math.exp(sigma2) - 1) * Math.exp(2 * mu + sigma2))).isCloseTo(2, within(1e-12));
    }

    @Test
    void lognorm2TakesLogSpaceParameters() {
        Distribution d = create("RiskLognorm2", 1, 0.5);
        assertThat(d.inverseCdf(0.5)).isCloseTo(Math.E, within(1e-12));
        assertThat(d.mean()).isCloseTo(Math.exp(1 + 0.125), within(1e-12));
    }

    @Test
    void exponTakesTheMean() {
        Distribution d = create("RiskExpon", 7);
        assertThat(d.mean()).isEqualTo(7);
        assertThat(d.cdf(7)).isCloseTo(1 - Math.exp(-1), within(1e-15));
    }

    @Test
    void pertAndModifiedPert() {
        assertThat(create("RiskPert", 0, 3, 10).mean()).isCloseTo((0 + 4 * 3 + 10) / 6.0, within(1e-12));
        assertThat(create("RiskPert", 0, 3, 10, 4).inverseCdf(0.3))
                .isEqualTo(create("RiskPert", 0, 3, 10).inverseCdf(0.3));
        assertThat(create("RiskPert", 0, 3, 10, 2).mean()).isCloseTo((0 + 2 * 3 + 10) / 4.0, within(1e-12));
        assertThat(create("Pert", 0, 0, 10).cdf(0)).isZero();
    }

    @Test
    void trigenPlacesTheGivenPercentiles() {
        Distribution d = create("RiskTrigen", 10, 20, 30, 10, 90);
        assertThat(d.cdf(10)).isCloseTo(0.10, within(1e-12));
        assertThat(d.cdf(30)).isCloseTo(0.90, within(1e-12));
        // Symmetric around the mode, so the triangle is too.
        assertThat(d.lower() + d.upper()).isCloseTo(40, within(1e-9));
        assertThat(d.inverseCdf(0.5)).isCloseTo(20, within(1e-9));

        Distribution skewed = create("Trigen", 0, 1, 5, 5, 80);
        assertThat(skewed.cdf(0)).isCloseTo(0.05, within(1e-12));
        assertThat(skewed.cdf(5)).isCloseTo(0.80, within(1e-12));
        // Percentiles 0 and 100 give back the plain triangle.
        Distribution plain = create("Trigen", 0, 1, 5, 0, 100);
        assertThat(plain.lower()).isEqualTo(0);
        assertThat(plain.upper()).isEqualTo(5);
    }

    @Test
    void triangularMeanIsTheAverageOfItsCorners() {
        assertThat(create("RiskTriang", 0, 3, 10).mean()).isCloseTo(13 / 3.0, within(1e-12));
        assertThat(create("RiskTriang", 0, 3, 10).cdf(3)).isCloseTo(0.3, within(1e-12));
    }

    @Test
    void shapeAndScaleFamilies() {
        assertThat(create("Gamma", 3, 2).mean()).isCloseTo(6, within(1e-12));
        assertThat(create("Erlang", 4, 1.5).mean()).isCloseTo(6, within(1e-12));
        assertThat(create("Weibull", 1.5, 3).mean()).isCloseTo(3 * Gamma.value(1 + 1 / 1.5), within(1e-12));
        assertThat(create("Weibull", 1.5, 3).cdf(3)).isCloseTo(1 - Math.exp(-1), within(1e-15));
        assertThat(create("Pareto", 5, 2).lower()).isEqualTo(2);
        assertThat(create("Pareto", 5, 2).mean()).isCloseTo(5 * 2 / 4.0, within(1e-12));
        assertThat(create("Pareto2", 3, 5).mean()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(create("BetaGeneral", 2, 3, 10, 20).mean()).isCloseTo(10 + 10 * 2 / 5.0, within(1e-12));
        assertThat(create("Rayleigh", 2).mean()).isCloseTo(2 * Math.sqrt(Math.PI / 2), within(1e-12));
        assertThat(create("Rayleigh", 2).cdf(2)).isCloseTo(1 - Math.exp(-0.5), within(1e-15));
        assertThat(create("InvGauss", 2, 5).mean()).isEqualTo(2);
        assertThat(create("Pearson5", 5, 3).mean()).isCloseTo(3 / 4.0, within(1e-12));
        assertThat(create("Pearson6", 3, 6, 2).mean()).isCloseTo(2 * 3 / 5.0, within(1e-12));
        assertThat(create("Fatigue", 1, 2, 0.5).inverseCdf(0.5)).isCloseTo(3, within(1e-12));
    }

    @Test
    void laplaceSigmaIsTheStandardDeviation() {
        Distribution d = create("RiskLaplace", 5, 2);
        // Laplace with scale b has P(X > μ + t) = exp(-t/b)/2; @RISK's σ = b·√2.
        double b = 2 / Math.sqrt(2);
        assertThat(1 - d.cdf(8)).isCloseTo(Math.exp(-3 / b) / 2, within(1e-15));
    }

    @Test
    void logLogisticIsLocationScaleShape() {
        Distribution d = create("RiskLoglogistic", 1, 2, 5);
        assertThat(d.inverseCdf(0.5)).isCloseTo(3, within(1e-12)); // median γ + β
        assertThat(d.lower()).isEqualTo(1);
    }

    @Test
    void extremeValuesForMaximaAndMinima() {
        double euler = 0.5772156649015329;
        assertThat(create("RiskExtValue", 10, 3).mean()).isCloseTo(10 + 3 * euler, within(1e-12));
        assertThat(create("RiskExtValue", 10, 3).cdf(10)).isCloseTo(Math.exp(-1), within(1e-15));
        assertThat(create("RiskExtValueMin", 10, 3).mean()).isCloseTo(10 - 3 * euler, within(1e-12));
        assertThat(create("RiskExtValueMin", 10, 3).cdf(10)).isCloseTo(1 - Math.exp(-1), within(1e-15));
    }

    @Test
    void countingDistributions() {
        assertThat(create("RiskNegbin", 3, 0.4).mean()).isCloseTo(3 * 0.6 / 0.4, within(1e-12));
        assertThat(create("RiskNegbin", 3, 0.4).lower()).isZero(); // failures, not trials
        assertThat(create("RiskGeomet", 0.2).mean()).isCloseTo(4, within(1e-12));
        assertThat(create("RiskGeomet", 0.2).cdf(0)).isCloseTo(0.2, within(1e-15));
        assertThat(create("RiskHypergeo", 10, 20, 50).mean()).isCloseTo(10 * 20 / 50.0, within(1e-12));
        assertThat(create("RiskBernoulli", 0.3).mean()).isCloseTo(0.3, within(1e-15));
        assertThat(create("RiskBinomial", 20, 0.3).mean()).isCloseTo(6, within(1e-12));
        assertThat(create("RiskIntuniform", -3, 7).mean()).isCloseTo(2, within(1e-12));
        assertThat(create("RiskIntuniform", -3, 7).cdf(-3)).isCloseTo(1 / 11.0, within(1e-15));
    }

    @Test
    void tableDistributions() {
        assertThat(create("RiskDiscrete", new double[] {1, 2, 5}, new double[] {1, 3, 2}).mean())
                .isCloseTo((1 + 6 + 10) / 6.0, within(1e-12));
        Distribution cumul = create("RiskCumul", 0, 10, new double[] {2, 5}, new double[] {0.2, 0.7});
        assertThat(cumul.mean()).isCloseTo(0.2 * 1 + 0.5 * 3.5 + 0.3 * 7.5, within(1e-12));
        assertThat(cumul.cdf(3.5)).isCloseTo(0.45, within(1e-15));
        Distribution cumulD = create("RiskCumulD", 0, 10, new double[] {2, 5}, new double[] {0.8, 0.3});
        assertThat(cumulD.cdf(3.5)).isCloseTo(0.45, within(1e-15));
        Distribution histogram = create("RiskHistogrm", 0, 10, new double[] {1, 2, 3, 1});
        assertThat(histogram.mean()).isCloseTo((1.25 + 2 * 3.75 + 3 * 6.25 + 8.75) / 7, within(1e-12));
        assertThat(histogram.cdf(2.5)).isCloseTo(1 / 7.0, within(1e-15));
        // General: density 0 at 0, 1 at 2, 3 at 5, 0 at 10; area 1 + 6 + 7.5 = 14.5.
        Distribution general = create("RiskGeneral", 0, 10, new double[] {2, 5}, new double[] {1, 3});
        assertThat(general.cdf(2)).isCloseTo(1 / 14.5, within(1e-15));
        assertThat(general.cdf(5)).isCloseTo(7 / 14.5, within(1e-15));
        double mean = (2 * 2 / 3.0 * 1 + 3 / 6.0 * (1 * (4 + 5) + 3 * (2 + 10)) + 5 / 6.0 * 3 * (10 + 10)) / 14.5;
        assertThat(general.mean()).isCloseTo(mean, within(1e-12));
    }
}
