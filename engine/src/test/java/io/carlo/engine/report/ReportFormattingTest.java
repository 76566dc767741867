package io.carlo.engine.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFormattingTest {

    @Test
    void shortestTextDropsARedundantPointZeroOnly() {
        assertThat(NumberText.shortest(100)).isEqualTo("100");
        assertThat(NumberText.shortest(-2.5)).isEqualTo("-2.5");
        assertThat(NumberText.shortest(1e21)).isEqualTo("1E21");
        assertThat(NumberText.shortest(1.25e-9)).isEqualTo("1.25E-9");
        assertThat(NumberText.shortest(10.05)).isEqualTo("10.05");
    }

    @Test
    void percentLabelsReadAsWritten() {
        assertThat(NumberText.percent(0.95)).isEqualTo("95");
        assertThat(NumberText.percent(0.995)).isEqualTo("99.5");
        assertThat(NumberText.percent(0.29)).isEqualTo("29");
    }

    @Test
    void numberFormatsShowThreeDigitsOfTheSpread() {
        assertThat(ReportStyles.formatFor(1.2e6, 3e5)).isEqualTo("#,##0");
        assertThat(ReportStyles.formatFor(1000, 5)).isEqualTo("#,##0.00");
        assertThat(ReportStyles.formatFor(0.12, 0.02)).isEqualTo("#,##0.0000");
        assertThat(ReportStyles.formatFor(42, 0)).isEqualTo("#,##0.0");
        assertThat(ReportStyles.formatFor(5e-5, 6e-7)).isEqualTo("0.000E+00");
        assertThat(ReportStyles.formatFor(3e13, 1e12)).isEqualTo("0.000E+00");
        assertThat(ReportStyles.formatFor(0, 0)).isEqualTo("General");
        assertThat(ReportStyles.formatFor(Double.NaN, Double.NaN)).isEqualTo("General");
    }

    @Test
    void histogramBinLabelsAreTheCentreToFourDigits() {
        assertThat(HistogramsSheet.centreLabel(10, 20)).isEqualTo("15");
        assertThat(HistogramsSheet.centreLabel(1_234_000, 1_236_000)).isEqualTo("1,235,000");
        assertThat(HistogramsSheet.centreLabel(0.1, 0.2)).isEqualTo("0.15");
        assertThat(HistogramsSheet.centreLabel(-1, 1)).isEqualTo("0");
        assertThat(HistogramsSheet.centreLabel(5.0e-5, 5.2e-5)).isEqualTo("5.1E-5");
        assertThat(HistogramsSheet.centreLabel(2e12, 4e12)).isEqualTo("3E12");
    }
}
