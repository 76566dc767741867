package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.CorrelationReport;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.List;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Correlation" sheet, written only for a run with correlated inputs: the target, used and
 * achieved rank-correlation matrices one under the other, each labelled with the inputs on both
 * axes, so they can be compared cell by cell.
 */
final class CorrelationSheet {

    static final String NAME = "Correlation";

    private CorrelationSheet() {
    }

    /** @return the first row of each matrix's values: target, used, achieved (-1 where absent) */
    static int[] write(Workbook workbook, ReportStyles styles, CorrelationReport report) {
        Sheet sheet = workbook.createSheet(NAME);
        text(row(sheet, 0), 0, "Rank correlations between inputs", styles.title());
        text(row(sheet, 1), 0, (report.repaired()
                ? "The target matrix was not positive semi-definite; the nearest one that is was used."
                : "The target matrix was used as given.")
                + " Achieved: the rank correlations measured in the samples.", null);
        int r = 3;
        int[] firstRows = new int[3];
        String[] titles = {"Target", "Used", "Achieved"};
        double[][][] matrices = {report.target(), report.used(), report.achieved()};
        for (int m = 0; m < matrices.length; m++) {
            if (matrices[m] == null) {
                firstRows[m] = -1;
                continue;
            }
            firstRows[m] = r + 1;
            r = matrix(sheet, r, titles[m], report.inputs(), matrices[m], styles) + 1;
        }
        int labelWidth = report.inputs().stream().mapToInt(String::length).max().orElse(0);
        SheetWriter.width(sheet, 0, Math.max(labelWidth, 10));
        for (int c = 1; c <= report.inputs().size(); c++) {
            SheetWriter.width(sheet, c, Math.max(8, Math.min(report.inputs().get(c - 1).length(), 20)));
        }
        return firstRows;
    }

    /** Writes a labelled matrix with its header at row {@code r}; returns the row after it. */
    private static int matrix(Sheet sheet, int r, String title, List<String> labels, double[][] values,
                              ReportStyles styles) {
        Row header = row(sheet, r);
        text(header, 0, title, styles.header());
        for (int j = 0; j < labels.size(); j++) {
            text(header, j + 1, labels.get(j), styles.numberHeader());
        }
        CellStyle style = styles.number(ReportStyles.CORRELATION);
        for (int i = 0; i < values.length; i++) {
            Row row = row(sheet, r + 1 + i);
            text(row, 0, i < labels.size() ? labels.get(i) : null, styles.header());
            for (int j = 0; j < values[i].length; j++) {
                number(row, j + 1, values[i][j], style);
            }
        }
        return r + 1 + values.length;
    }
}
