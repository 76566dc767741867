package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.OutputResult;
import io.carlo.engine.stats.Histogram;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Histograms" sheet: each output's bins side by side in blocks of four columns (from, to, a
 * label for the bin's centre, count). The histogram charts plot these cells, so the data behind a
 * chart is visible and a chart edited in Excel stays linked to it.
 */
final class HistogramsSheet {

    static final String NAME = "Histograms";

    static final int COLUMNS_PER_OUTPUT = 5;
    static final int LABEL_OFFSET = 2;
    static final int COUNT_OFFSET = 3;
    static final int FIRST_BIN_ROW = 2;

    /** Where one output's bins lie; {@code bins} is 0 when the output has no histogram. */
    record Block(int firstColumn, int bins) {
    }

    private HistogramsSheet() {
    }

    static List<Block> write(Workbook workbook, ReportStyles styles, List<OutputResult> outputs) {
        Sheet sheet = workbook.createSheet(NAME);
        List<Block> blocks = new ArrayList<>();
        CellStyle countStyle = styles.number(ReportStyles.INTEGER);
        for (int o = 0; o < outputs.size(); o++) {
            OutputResult output = outputs.get(o);
            int c = o * COLUMNS_PER_OUTPUT;
            text(row(sheet, 0), c, SheetWriter.label(output.name(), output.cell()), styles.title());
            Row header = row(sheet, 1);
            text(header, c, "From", styles.numberHeader());
            text(header, c + 1, "To", styles.numberHeader());
            text(header, c + LABEL_OFFSET, "Bin centre", styles.header());
            text(header, c + COUNT_OFFSET, "Count", styles.numberHeader());
            Histogram histogram = output.statistics() == null ? null : output.statistics().histogram();
            int bins = histogram == null ? 0 : histogram.counts().size();
            CellStyle edgeStyle = styles.valuesOf(output.statistics());
            for (int b = 0; b < bins; b++) {
                Row row = row(sheet, FIRST_BIN_ROW + b);
                double from = histogram.edges().get(b);
                double to = histogram.edges().get(b + 1);
                number(row, c, from, edgeStyle);
                number(row, c + 1, to, edgeStyle);
                text(row, c + LABEL_OFFSET, centreLabel(from, to), null);
                number(row, c + COUNT_OFFSET, histogram.counts().get(b), countStyle);
            }
            for (int k = 0; k < COLUMNS_PER_OUTPUT - 1; k++) {
                SheetWriter.width(sheet, c + k, 12);
            }
            SheetWriter.width(sheet, c + COLUMNS_PER_OUTPUT - 1, 2);
            blocks.add(new Block(c, bins));
        }
        sheet.createFreezePane(0, FIRST_BIN_ROW);
        return blocks;
    }

    /**
     * The bin's centre to four significant digits, as text: a chart's category labels are text,
     * and full-precision numbers would crowd the axis. Plain with thousands separators from 0.001
     * to a trillion, scientific beyond.
     */
    static String centreLabel(double from, double to) {
        double centre = from + (to - from) / 2;
        if (!Double.isFinite(centre)) {
            return "";
        }
        BigDecimal rounded = new BigDecimal(centre).round(new MathContext(4)).stripTrailingZeros();
        double size = Math.abs(centre);
        boolean scientific = size != 0 && (size < 1e-3 || size >= 1e12);
        DecimalFormat format = new DecimalFormat(scientific ? "0.###E0" : "#,##0.######",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return format.format(rounded);
    }
}
