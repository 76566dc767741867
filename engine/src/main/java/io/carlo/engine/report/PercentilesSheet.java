package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.OutputResult;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Percentiles" sheet: one row per percentile (1 to 99), one column per output, so a column
 * is that output's inverse CDF and charts or lookups can use it directly.
 */
final class PercentilesSheet {

    static final String NAME = "Percentiles";

    private PercentilesSheet() {
    }

    static void write(Workbook workbook, ReportStyles styles, List<OutputResult> outputs) {
        Sheet sheet = workbook.createSheet(NAME);
        SortedSet<Integer> percentiles = new TreeSet<>();
        for (OutputResult output : outputs) {
            if (output.statistics() != null) {
                percentiles.addAll(output.statistics().percentiles().keySet());
            }
        }
        Row header = row(sheet, 0);
        text(header, 0, "Percentile", styles.header());
        for (int o = 0; o < outputs.size(); o++) {
            text(header, o + 1, SheetWriter.label(outputs.get(o).name(), outputs.get(o).cell()), styles.numberHeader());
        }
        // The percentile stays a plain number (5, not 0.05) so that lookups by percentile are exact;
        // the format only appends the sign.
        CellStyle percentStyle = styles.number("0\"%\"");
        int r = 1;
        for (int p : percentiles) {
            Row row = row(sheet, r++);
            number(row, 0, p, percentStyle);
            for (int o = 0; o < outputs.size(); o++) {
                OutputResult output = outputs.get(o);
                Double value = output.statistics() == null ? null : output.statistics().percentiles().get(p);
                if (value != null) {
                    number(row, o + 1, value, styles.valuesOf(output.statistics()));
                }
            }
        }
        sheet.createFreezePane(1, 1);
        SheetWriter.width(sheet, 0, "Percentile".length());
        for (int o = 0; o < outputs.size(); o++) {
            String label = SheetWriter.label(outputs.get(o).name(), outputs.get(o).cell());
            SheetWriter.width(sheet, o + 1, Math.max(12, label.length()));
        }
    }
}
