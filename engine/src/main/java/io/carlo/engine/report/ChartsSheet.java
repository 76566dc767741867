package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.OutputResult;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisOrientation;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.AxisTickLabelPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.util.List;

import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Charts" sheet: per output, side by side, a histogram (a column chart of the bin counts on
 * the Histograms sheet) and a tornado (horizontal bars of the rank correlation of the strongest
 * inputs on the Sensitivity sheet). They are native Excel charts that reference those cells, so
 * they can be restyled in Excel and stay linked to their data.
 */
final class ChartsSheet {

    static final String NAME = "Charts";

    /** A tornado shows the strongest inputs only, as a tornado chart conventionally does. */
    static final int TORNADO_INPUTS = 10;

    private static final int CHART_ROWS = 20;
    private static final int CHART_COLUMNS = 9;

    /*
     * Explicit colours: Excel would pick theme colours for a series without them, but other
     * spreadsheet programs (LibreOffice among them) draw such bars without any fill.
     */
    private static final byte[] BLUE = {(byte) 0x44, (byte) 0x72, (byte) 0xC4};
    private static final byte[] ORANGE = {(byte) 0xED, (byte) 0x7D, (byte) 0x31};

    private ChartsSheet() {
    }

    private static XDDFSolidFillProperties solid(byte[] rgb) {
        return new XDDFSolidFillProperties(XDDFColor.from(rgb));
    }

    /** A thin white outline so that touching histogram columns stay distinguishable. */
    private static XDDFLineProperties outline() {
        XDDFLineProperties line = new XDDFLineProperties(solid(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        line.setWidth(0.5);
        return line;
    }

    static void write(XSSFWorkbook workbook, ReportStyles styles, List<OutputResult> outputs,
                      List<HistogramsSheet.Block> histograms, List<SensitivitySheet.Block> sensitivities) {
        XSSFSheet sheet = workbook.createSheet(NAME);
        XSSFSheet histogramSheet = workbook.getSheet(HistogramsSheet.NAME);
        XSSFSheet sensitivitySheet = workbook.getSheet(SensitivitySheet.NAME);
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        int top = 0;
        for (int o = 0; o < outputs.size(); o++) {
            String label = SheetWriter.label(outputs.get(o).name(), outputs.get(o).cell());
            text(row(sheet, top), 0, label, styles.title());
            int chartTop = top + 1;
            HistogramsSheet.Block histogram = histograms.get(o);
            if (histogram.bins() > 0) {
                histogram(drawing, anchor(drawing, 0, chartTop), histogramSheet, histogram, label);
            }
            SensitivitySheet.Block sensitivity = sensitivities.get(o);
            if (!sensitivity.isEmpty()) {
                tornado(drawing, anchor(drawing, CHART_COLUMNS + 1, chartTop), sensitivitySheet, sensitivity, label);
            }
            top = chartTop + CHART_ROWS + 1;
        }
    }

    private static XSSFClientAnchor anchor(XSSFDrawing drawing, int column, int row) {
        return drawing.createAnchor(0, 0, 0, 0, column, row, column + CHART_COLUMNS, row + CHART_ROWS);
    }

    private static void histogram(XSSFDrawing drawing, XSSFClientAnchor anchor, XSSFSheet data,
                                  HistogramsSheet.Block block, String label) {
        int first = HistogramsSheet.FIRST_BIN_ROW;
        int last = first + block.bins() - 1;
        int labels = block.firstColumn() + HistogramsSheet.LABEL_OFFSET;
        int counts = block.firstColumn() + HistogramsSheet.COUNT_OFFSET;
        XDDFCategoryDataSource bins = XDDFDataSourcesFactory.fromStringCellRange(data,
                new CellRangeAddress(first, last, labels, labels));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(data,
                new CellRangeAddress(first, last, counts, counts));

        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Histogram of " + label);
        // Plot the data even when a reader hides or filters the rows it sits in.
        chart.setPlotOnlyVisibleCells(false);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis binAxis = chart.createCategoryAxis(AxisPosition.BOTTOM);
        binAxis.setTitle(label);
        XDDFValueAxis countAxis = chart.createValueAxis(AxisPosition.LEFT);
        countAxis.setTitle("Iterations");
        countAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        countAxis.setCrossBetween(AxisCrossBetween.BETWEEN);

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, binAxis, countAxis);
        bars.setBarDirection(BarDirection.COL);
        // Touching columns: a histogram's bins are contiguous intervals, not separate categories.
        bars.setGapWidth(0);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(bins, values);
        series.setTitle("Count");
        series.setFillProperties(solid(BLUE));
        series.setLineProperties(outline());
        chart.plot(bars);
    }

    private static void tornado(XSSFDrawing drawing, XSSFClientAnchor anchor, XSSFSheet data,
                                SensitivitySheet.Block block, String label) {
        int first = block.firstRow();
        int last = Math.min(block.lastRow(), first + TORNADO_INPUTS - 1);
        XDDFCategoryDataSource inputs = XDDFDataSourcesFactory.fromStringCellRange(data,
                new CellRangeAddress(first, last, SensitivitySheet.INPUT_COLUMN, SensitivitySheet.INPUT_COLUMN));
        int column = SensitivitySheet.RANK_CORRELATION_COLUMN;
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(data,
                new CellRangeAddress(first, last, column, column));

        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText("Tornado of " + label + " (rank correlation)");
        chart.setPlotOnlyVisibleCells(false);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis inputAxis = chart.createCategoryAxis(AxisPosition.LEFT);
        // Strongest input on top, as the rows are ordered; labels at the left edge even for
        // negative bars, which would otherwise hide them.
        inputAxis.setOrientation(AxisOrientation.MAX_MIN);
        inputAxis.setTickLabelPosition(AxisTickLabelPosition.LOW);
        inputAxis.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFValueAxis correlationAxis = chart.createValueAxis(AxisPosition.BOTTOM);
        correlationAxis.setTitle("Spearman rank correlation");
        // With the inputs listed top down, the last category is at the bottom: put the axis there.
        correlationAxis.setCrosses(AxisCrosses.MAX);
        correlationAxis.setCrossBetween(AxisCrossBetween.BETWEEN);
        correlationAxis.setMinimum(-1);
        correlationAxis.setMaximum(1);
        correlationAxis.setNumberFormat("0.0");

        XDDFBarChartData bars = (XDDFBarChartData) chart.createData(ChartTypes.BAR, inputAxis, correlationAxis);
        bars.setBarDirection(BarDirection.BAR);
        bars.setGapWidth(40);
        bars.setVaryColors(false);
        XDDFChartData.Series series = bars.addSeries(inputs, values);
        series.setTitle("Rank correlation");
        series.setFillProperties(solid(BLUE));
        // Inputs that pull the output down get their own colour, as in a classic tornado.
        for (int i = 0; i <= last - first; i++) {
            Double rho = values.getPointAt(i);
            if (rho != null && rho < 0) {
                series.getDataPoint(i).setFillProperties(solid(ORANGE));
            }
        }
        chart.plot(bars);
    }
}
