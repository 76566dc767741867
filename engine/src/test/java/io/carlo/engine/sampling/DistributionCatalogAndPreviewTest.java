package io.carlo.engine.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the web UI's distribution picker relies on: a catalogue with a valid example for every
 * distribution, distributions written as text outside a workbook, and the preview of their shape.
 */
class DistributionCatalogAndPreviewTest {

    @Test
    void everyDistributionHasParametersAndAnExampleThatBuilds() {
        List<DistributionInfo> catalog = Distributions.catalog();
        assertThat(catalog).extracting(DistributionInfo::name).containsExactlyElementsOf(Distributions.names());
        for (DistributionInfo info : catalog) {
            assertThat(info.defaults()).as(info.name()).hasSize(info.required());
            assertThat(info.family()).isIn("continuous", "discrete", "empirical");
            Distribution d = Distributions.parse(info.example());
            assertThat(d.describe()).as(info.name()).isNotBlank();
        }
        DistributionInfo triangular = catalog.stream().filter(i -> i.name().equals("Triangular")).findFirst().orElseThrow();
        assertThat(triangular.aliases()).contains("Triang");
        assertThat(triangular.parameters()).containsExactly("min", "most likely", "max");
        DistributionInfo pert = catalog.stream().filter(i -> i.name().equals("Pert")).findFirst().orElseThrow();
        assertThat(pert.required()).isEqualTo(3);
        assertThat(pert.parameters()).hasSize(4);
    }

    @Test
    void textIsParsedAsTheSimulationParsesIt() {
        Distribution d = Distributions.parse("RiskTriang(0.05, 0.1, 0.15)");
        assertThat(d.describe()).isEqualTo(Distributions.create("Triangular",
                List.of(new double[] {0.05}, new double[] {0.1}, new double[] {0.15})).describe());
        assertThat(Distributions.parse("=Normal(100, 10, RiskTruncate(80,))").lower()).isEqualTo(80);
        assertThat(Distributions.parse("Uniform(-2*5, 50%)").inverseCdf(0.5)).isCloseTo(-4.75, within(1e-12));
        assertThat(Distributions.parse("Discrete({1,2,3},{1,1,2})").inverseCdf(0.9)).isEqualTo(3);
    }

    @Test
    void badTextSaysWhatIsWrong() {
        assertThatThrownBy(() -> Distributions.parse("Normal(100, -1)")).isInstanceOf(DistributionException.class)
                .hasMessageContaining("standard deviation must be greater than 0");
        assertThatThrownBy(() -> Distributions.parse("Normal(A1, 2)")).isInstanceOf(DistributionException.class)
                .hasMessageContaining("cell reference");
        assertThatThrownBy(() -> Distributions.parse("SUM(1,2)")).isInstanceOf(DistributionException.class)
                .hasMessageContaining("is not a distribution");
        assertThatThrownBy(() -> Distributions.parse("Normal(100")).isInstanceOf(DistributionException.class);
        assertThatThrownBy(() -> Distributions.parse(" ")).isInstanceOf(DistributionException.class);
    }

    @Test
    void continuousPreviewIsADensityThatIntegratesToAboutOne() {
        DistributionPreview p = DistributionPreview.of(Distributions.parse("Triangular(0, 1, 2)"), 201);
        assertThat(p.discrete()).isFalse();
        assertThat(p.x()).hasSize(201);
        assertThat(p.x().getFirst()).isEqualTo(0.0);
        assertThat(p.x().getLast()).isEqualTo(2.0);
        // the peak of Triangular(0,1,2) is 1 at x = 1
        assertThat(p.density().get(100)).isCloseTo(1.0, within(0.01));
        double area = 0;
        for (int i = 1; i < p.x().size(); i++) {
            area += (p.x().get(i) - p.x().get(i - 1)) * (p.density().get(i) + p.density().get(i - 1)) / 2;
        }
        assertThat(area).isCloseTo(1.0, within(0.01));
        assertThat(p.mean()).isCloseTo(1.0, within(1e-12));
        assertThat(p.p50()).isCloseTo(1.0, within(1e-9));

        DistributionPreview normal = DistributionPreview.of(Distributions.parse("Normal(100, 10)"), 100);
        double top = normal.density().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertThat(top).isCloseTo(1 / (10 * Math.sqrt(2 * Math.PI)), within(1e-4));
    }

    @Test
    void discretePreviewGivesTheProbabilityOfEachValue() {
        DistributionPreview bernoulli = DistributionPreview.of(Distributions.parse("Bernoulli(0.3)"), 100);
        assertThat(bernoulli.discrete()).isTrue();
        assertThat(bernoulli.x()).containsExactly(0.0, 1.0);
        assertThat(bernoulli.density().get(0)).isCloseTo(0.7, within(1e-12));
        assertThat(bernoulli.density().get(1)).isCloseTo(0.3, within(1e-12));

        DistributionPreview discrete = DistributionPreview.of(Distributions.parse("Discrete({10,20,30},{1,2,1})"), 100);
        assertThat(discrete.x()).containsExactly(10.0, 20.0, 30.0);
        assertThat(discrete.density()).containsExactly(0.25, 0.5, 0.25);

        DistributionPreview poisson = DistributionPreview.of(Distributions.parse("Poisson(4.5)"), 100);
        assertThat(poisson.x().getFirst()).isEqualTo(0.0);
        assertThat(poisson.density().stream().mapToDouble(Double::doubleValue).sum()).isGreaterThan(0.998);
        assertThat(poisson.density().get(4)).isCloseTo(Math.exp(-4.5) * Math.pow(4.5, 4) / 24, within(1e-12));
    }
}
