package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationResult.OutputResult;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SummaryStatistics;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class XlsxReportTest {

    private static final int ITERATIONS = 1_000;
    private static final int INPUTS = 12;

    private static SimulationResult result;
    private static XSSFWorkbook report;

    @BeforeAll
    static void writeAndReadBack() throws IOException {
        result = ReportFixtures.result(ITERATIONS, INPUTS, 3, true);
        report = readBack(result, XlsxReport.MAX_SAMPLE_ROWS);
    }

    @Test
    void sheetsComeInTheDocumentedOrder() {
        assertThat(IntStream.range(0, report.getNumberOfSheets()).mapToObj(report::getSheetName)).containsExactly(
                "Summary", "Charts", "Percentiles", "Sensitivity", "Inputs", "Correlation", "Histograms", "Samples");
    }

    @Test
    void aRunWithoutCorrelationsHasNoCorrelationSheet() throws IOException {
        try (XSSFWorkbook plain = readBack(ReportFixtures.result(50, 2, 1, false), 1000)) {
            assertThat(plain.getSheet("Correlation")).isNull();
            assertThat(plain.getNumberOfSheets()).isEqualTo(7);
        }
    }

    @Test
    void summaryHoldsTheRunSettingsWithTheSeedAsExactText() {
        Sheet summary = report.getSheet("Summary");
        assertThat(setting(summary, "Workbook").getStringCellValue()).isEqualTo("model.xlsx");
        assertThat(setting(summary, "Iterations").getNumericCellValue()).isEqualTo(ITERATIONS);
        assertThat(setting(summary, "Seed").getStringCellValue()).isEqualTo("9223372036854775801");
        assertThat(setting(summary, "Sampling").getStringCellValue()).isEqualTo("Latin hypercube (lhs)");
        assertThat(setting(summary, "Threads").getNumericCellValue()).isEqualTo(2);
        assertThat(setting(summary, "Simulate (ms)").getNumericCellValue()).isEqualTo(900);
        assertThat(setting(summary, "Samples sheet").getStringCellValue()).isEqualTo("all 1,000 iterations");
    }

    @Test
    void summaryHasOneRowPerOutputWithTheRecordsStatistics() {
        Sheet summary = report.getSheet("Summary");
        int header = rowStartingWith(summary, "Output");
        List<String> titles = texts(summary.getRow(header));
        assertThat(titles).startsWith(SummarySheet.FIXED_COLUMNS.toArray(String[]::new));
        assertThat(titles.subList(SummarySheet.FIXED_COLUMNS.size(), titles.size())).containsExactly(
                "VaR 95%", "CVaR 95%", "VaR 99%", "CVaR 99%", "P(≤ 0)", "P(> 0)", "P(≤ 1000000)", "P(> 1000000)");
        assertThat(summary.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) (header + 1));

        for (int o = 0; o < result.outputs().size(); o++) {
            OutputResult output = result.outputs().get(o);
            SummaryStatistics s = output.statistics();
            Row row = summary.getRow(header + 1 + o);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(output.name() == null ? output.cell() : output.name());
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo(output.cell());
            double[] expected = {s.iterations(), s.errors(), s.mean(), s.stdDev(), s.min(), s.max(), s.meanCiLow(),
                    s.meanCiHigh(), s.skewness(), s.kurtosis(), s.mode(),
                    s.tailRisks().get(0).valueAtRisk(), s.tailRisks().get(0).conditionalValueAtRisk(),
                    s.tailRisks().get(1).valueAtRisk(), s.tailRisks().get(1).conditionalValueAtRisk(),
                    s.targets().get(0).atOrBelow(), s.targets().get(0).above(),
                    s.targets().get(1).atOrBelow(), s.targets().get(1).above()};
            for (int c = 0; c < expected.length; c++) {
                assertThat(row.getCell(2 + c).getNumericCellValue()).as("%s %s", output.cell(), titles.get(2 + c))
                        .isEqualTo(expected[c]);
            }
        }
        // The fixture's Margin output has an Excel error every 97th iteration.
        assertThat(summary.getRow(header + 2).getCell(3).getNumericCellValue()).isEqualTo(ITERATIONS / 97);
    }

    @Test
    void percentilesAreOneRowPerPercentileAndOneColumnPerOutput() {
        Sheet percentiles = report.getSheet("Percentiles");
        assertThat(texts(percentiles.getRow(0))).containsExactly("Percentile", "NPV", "Margin", "Model!D3");
        assertThat(percentiles.getLastRowNum()).isEqualTo(99);
        for (int p = 1; p <= 99; p++) {
            Row row = percentiles.getRow(p);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(p);
            for (int o = 0; o < result.outputs().size(); o++) {
                assertThat(row.getCell(o + 1).getNumericCellValue()).as("P%d of output %d", p, o)
                        .isEqualTo(result.outputs().get(o).statistics().percentiles().get(p));
            }
        }
    }

    @Test
    void sensitivityListsEveryInputOfEveryOutputStrongestFirst() {
        Sheet sheet = report.getSheet("Sensitivity");
        assertThat(texts(sheet.getRow(0))).startsWith("Output", "Input", "Rank correlation", "Regression coefficient",
                "Contribution to variance", "Tornado low", "Tornado high", "Spider bin 1");
        assertThat(sheet.getLastRowNum()).isEqualTo(3 * INPUTS);
        int r = 1;
        for (OutputResult output : result.outputs()) {
            for (Sensitivity s : output.sensitivity()) {
                Row row = sheet.getRow(r++);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(s.input());
                assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(s.rankCorrelation());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(s.regressionCoefficient());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(s.contributionToVariance());
                assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(s.tornadoLow());
                assertThat(row.getCell(6).getNumericCellValue()).isEqualTo(s.tornadoHigh());
                assertThat(row.getCell(7 + 9).getNumericCellValue()).isEqualTo(s.binMeans().get(9));
            }
        }
    }

    @Test
    void inputsShowDistributionAndStatistics() {
        Sheet sheet = report.getSheet("Inputs");
        assertThat(texts(sheet.getRow(0))).containsExactlyElementsOf(InputsSheet.COLUMNS);
        Row price = sheet.getRow(1);
        assertThat(texts(price).subList(0, 3)).containsExactly("Price", "Model!B1", "Normal(100, 10)");
        SummaryStatistics s = result.inputs().getFirst().statistics();
        assertThat(price.getCell(5).getNumericCellValue()).isEqualTo(s.mean());
        assertThat(price.getCell(9).getNumericCellValue()).isEqualTo(s.percentiles().get(50));
        // An input without a name is labelled with its cell.
        assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("'Q1, 2024'!B2");
    }

    @Test
    void correlationSheetHoldsTheThreeMatrices() {
        Sheet sheet = report.getSheet("Correlation");
        SimulationResult.CorrelationReport correlation = result.correlation();
        assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("not positive semi-definite");
        List<double[][]> matrices = List.of(correlation.target(), correlation.used(), correlation.achieved());
        List<String> titles = List.of("Target", "Used", "Achieved");
        for (int m = 0; m < 3; m++) {
            int header = rowStartingWith(sheet, titles.get(m));
            assertThat(texts(sheet.getRow(header))).containsExactly(titles.get(m), "A", "B", "C");
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    assertThat(sheet.getRow(header + 1 + i).getCell(j + 1).getNumericCellValue())
                            .isEqualTo(matrices.get(m)[i][j]);
                }
            }
        }
    }

    @Test
    void chartsSheetHasAHistogramAndATornadoPerOutput() {
        XSSFSheet charts = report.getSheet("Charts");
        List<XSSFChart> all = charts.getDrawingPatriarch().getCharts();
        assertThat(all).hasSize(2 * result.outputs().size());

        for (int o = 0; o < result.outputs().size(); o++) {
            OutputResult output = result.outputs().get(o);
            String label = output.name() == null ? output.cell() : output.name();

            XSSFChart histogram = all.get(2 * o);
            assertThat(histogram.getTitleText().getString()).isEqualTo("Histogram of " + label);
            XDDFBarChartData columns = onlyBarData(histogram);
            assertThat(columns.getBarDirection()).isEqualTo(BarDirection.COL);
            assertThat(columns.getSeriesCount()).isEqualTo(1);
            XDDFChartData.Series counts = columns.getSeries(0);
            assertThat(counts.getValuesData().getPointCount()).isEqualTo(ReportFixtures.BINS);
            assertThat(counts.getValuesData().getDataRangeReference()).startsWith("Histograms!");
            for (int b = 0; b < ReportFixtures.BINS; b++) {
                assertThat(counts.getValuesData().getPointAt(b).doubleValue())
                        .isEqualTo(output.statistics().histogram().counts().get(b).doubleValue());
            }

            XSSFChart tornado = all.get(2 * o + 1);
            assertThat(tornado.getTitleText().getString()).isEqualTo("Tornado of " + label + " (rank correlation)");
            XDDFBarChartData bars = onlyBarData(tornado);
            assertThat(bars.getBarDirection()).isEqualTo(BarDirection.BAR);
            assertThat(bars.getSeriesCount()).isEqualTo(1);
            XDDFChartData.Series rho = bars.getSeries(0);
            assertThat(rho.getValuesData().getPointCount()).isEqualTo(ChartsSheet.TORNADO_INPUTS);
            assertThat(rho.getCategoryData().getPointAt(0)).isEqualTo(output.sensitivity().getFirst().input());
            assertThat(rho.getValuesData().getPointAt(0).doubleValue())
                    .isEqualTo(output.sensitivity().getFirst().rankCorrelation());
        }
    }

    @Test
    void histogramDataIsTheRecordsBins() {
        Sheet sheet = report.getSheet("Histograms");
        OutputResult npv = result.outputs().getFirst();
        assertThat(texts(sheet.getRow(1)).subList(0, 4)).containsExactly("From", "To", "Bin centre", "Count");
        for (int b = 0; b < ReportFixtures.BINS; b++) {
            Row row = sheet.getRow(2 + b);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(npv.statistics().histogram().edges().get(b));
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(npv.statistics().histogram().edges().get(b + 1));
            assertThat(Double.parseDouble(row.getCell(2).getStringCellValue().replace(",", "")))
                    .isCloseTo((row.getCell(0).getNumericCellValue() + row.getCell(1).getNumericCellValue()) / 2,
                            within(Math.abs(row.getCell(1).getNumericCellValue()) * 1e-3));
            assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(npv.statistics().histogram().counts().get(b).doubleValue());
        }
    }

    @Test
    void samplesHoldEveryIterationWithErrorsLeftEmpty() {
        Sheet samples = report.getSheet("Samples");
        List<String> header = texts(samples.getRow(0));
        assertThat(header).hasSize(1 + INPUTS + 3);
        assertThat(header.subList(0, 3)).containsExactly("Iteration", "Model!B1", "'Q1, 2024'!B2");
        assertThat(header.getLast()).isEqualTo("Model!D3");
        assertThat(samples.getLastRowNum()).isEqualTo(ITERATIONS);
        assertThat(samples.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);

        double[] margin = result.outputs().get(1).samples();
        int marginColumn = 1 + INPUTS + 1;
        for (int i = 0; i < ITERATIONS; i++) {
            Row row = samples.getRow(i + 1);
            assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(i + 1);
            assertThat(row.getCell(1).getNumericCellValue()).isEqualTo(result.inputs().getFirst().samples()[i]);
            Cell cell = row.getCell(marginColumn);
            if (Double.isNaN(margin[i])) {
                assertThat(cell).isNull();
            } else {
                assertThat(cell.getNumericCellValue()).isEqualTo(margin[i]);
            }
        }
    }

    @Test
    void samplesBeyondTheRowCapAreLeftOutWithANote() throws IOException {
        try (XSSFWorkbook capped = readBack(ReportFixtures.result(300, 2, 1, false), 100)) {
            Sheet samples = capped.getSheet("Samples");
            assertThat(samples.getLastRowNum()).isEqualTo(100);
            assertThat(samples.getRow(0).getCell(5).getStringCellValue()).isEqualTo(
                    "Showing the first 100 of 300 iterations (Excel's row limit; the CSV export holds all).");
            assertThat(setting(capped.getSheet("Summary"), "Samples sheet").getStringCellValue())
                    .startsWith("the first 100 of 300 iterations");
        }
    }

    @Test
    void aColumnWithTheWrongNumberOfSamplesIsAnErrorNamingTheCell() {
        SimulationResult bad = new SimulationResult("w.xlsx", 5, 1, "mc", 1, null,
                List.of(new OutputResult("Out!A9", "Total", null, List.of(), null, new double[4])), List.of(), null);

        assertThatThrownBy(() -> XlsxReport.write(bad, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the output Out!A9 has 4 samples for 5 iterations");
    }

    @Test
    void moreOutputsThanExcelHasColumnsForIsAnErrorNamingTheLimit() {
        List<OutputResult> outputs = new ArrayList<>();
        for (int o = 0; o < 3_277; o++) {
            outputs.add(new OutputResult("Out!A" + (o + 1), null, null, List.of(), null, new double[1]));
        }
        SimulationResult wide = new SimulationResult("w.xlsx", 1, 1, "mc", 1, null, outputs, List.of(), null);

        assertThatThrownBy(() -> XlsxReport.write(wide, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an .xlsx report holds at most 3,276 outputs (Excel's 16,384 columns); this run has 3,277:"
                        + " use the CSV export");
    }

    @Test
    void aResultWithoutStatisticsOrSensitivityStillHasEverySheetAndNoEmptyCharts() throws IOException {
        SimulationResult bare = new SimulationResult("w.xlsx", 3, 1, "mc", 1, null,
                List.of(new OutputResult("Out!A1", null, null, List.of(), null, new double[] {1, Double.NaN, 3})),
                List.of(), null);
        try (XSSFWorkbook workbook = readBack(bare, 1000)) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(7);
            assertThat(workbook.getSheet("Charts").getDrawingPatriarch().getCharts()).isEmpty();
            Sheet summary = workbook.getSheet("Summary");
            Row row = summary.getRow(rowStartingWith(summary, "Output") + 1);
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Out!A1");
            assertThat(row.getLastCellNum()).isEqualTo((short) 2);
            assertThat(workbook.getSheet("Samples").getRow(2).getCell(1)).isNull();
            assertThat(workbook.getSheet("Samples").getRow(3).getCell(1).getNumericCellValue()).isEqualTo(3);
        }
    }

    @Test
    void theCallersStreamStaysOpen() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        var tracking = new java.io.FilterOutputStream(bytes) {
            boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() {
                closed = true;
            }
        };
        XlsxReport.write(ReportFixtures.result(10, 1, 1, false), tracking);
        assertThat(tracking.closed).isFalse();
        assertThat(bytes.size()).isPositive();
    }

    private static XSSFWorkbook readBack(SimulationResult result, int maxSampleRows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        XlsxReport.write(result, bytes, maxSampleRows);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static XDDFBarChartData onlyBarData(XSSFChart chart) {
        List<XDDFChartData> data = chart.getChartSeries();
        assertThat(data).hasSize(1);
        assertThat(data.getFirst()).isInstanceOf(XDDFBarChartData.class);
        return (XDDFBarChartData) data.getFirst();
    }

    private static Cell setting(Sheet summary, String label) {
        return summary.getRow(rowStartingWith(summary, label)).getCell(1);
    }

    private static int rowStartingWith(Sheet sheet, String text) {
        for (Row row : sheet) {
            Cell first = row.getCell(0);
            if (first != null && first.getCellType() == CellType.STRING && first.getStringCellValue().equals(text)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row starts with " + text + " on " + sheet.getSheetName());
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            Cell cell = row.getCell(c);
            texts.add(cell == null ? null : cell.getCellType() == CellType.STRING ? cell.getStringCellValue()
                    : String.valueOf(cell.getNumericCellValue()));
        }
        return texts;
    }
}
