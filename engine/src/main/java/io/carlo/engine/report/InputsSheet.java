package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.InputResult;
import io.carlo.engine.stats.SummaryStatistics;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Inputs" sheet: one row per input with its distribution as written and the statistics of
 * the values drawn, so that a reader can check the sampling did what the model asked.
 */
final class InputsSheet {

    static final String NAME = "Inputs";

    static final List<String> COLUMNS = List.of("Input", "Cell", "Distribution", "Iterations", "Errors", "Mean",
            "Std dev", "Min", "P5", "P50", "P95", "Max", "Skewness", "Kurtosis (excess)");

    private InputsSheet() {
    }

    static void write(Workbook workbook, ReportStyles styles, List<InputResult> inputs) {
        Sheet sheet = workbook.createSheet(NAME);
        SheetWriter.header(sheet, 0, COLUMNS, 3, styles);
        int r = 1;
        int[] textWidths = {"Input".length(), "Cell".length(), "Distribution".length()};
        for (InputResult input : inputs) {
            Row row = row(sheet, r++);
            String[] texts = {SheetWriter.label(input.name(), input.cell()), input.cell(), input.distribution()};
            for (int c = 0; c < texts.length; c++) {
                text(row, c, texts[c], null);
                textWidths[c] = Math.max(textWidths[c], texts[c] == null ? 0 : texts[c].length());
            }
            SummaryStatistics s = input.statistics();
            if (s == null) {
                continue;
            }
            CellStyle count = styles.number(ReportStyles.INTEGER);
            CellStyle value = styles.valuesOf(s);
            CellStyle shape = styles.number("0.000");
            number(row, 3, s.iterations(), count);
            number(row, 4, s.errors(), count);
            number(row, 5, s.mean(), value);
            number(row, 6, s.stdDev(), value);
            number(row, 7, s.min(), value);
            number(row, 8, percentile(s, 5), value);
            number(row, 9, percentile(s, 50), value);
            number(row, 10, percentile(s, 95), value);
            number(row, 11, s.max(), value);
            number(row, 12, s.skewness(), shape);
            number(row, 13, s.kurtosis(), shape);
        }
        sheet.createFreezePane(1, 1);
        for (int c = 0; c < textWidths.length; c++) {
            SheetWriter.width(sheet, c, textWidths[c]);
        }
        for (int c = textWidths.length; c < COLUMNS.size(); c++) {
            SheetWriter.width(sheet, c, Math.max(12, Math.min(COLUMNS.get(c).length(), 14)));
        }
    }

    private static double percentile(SummaryStatistics s, int p) {
        Double value = s.percentiles() == null ? null : s.percentiles().get(p);
        return value == null ? Double.NaN : value;
    }
}
