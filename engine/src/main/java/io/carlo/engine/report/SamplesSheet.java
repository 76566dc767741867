package io.carlo.engine.report;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.util.List;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Samples" sheet: one row per iteration, the inputs then the outputs, as in the CSV export.
 * It is a streaming sheet: rows go to a temporary file as they are written, so a million rows take
 * no more memory than a hundred. An Excel error leaves its cell empty.
 */
final class SamplesSheet {

    static final String NAME = "Samples";

    private SamplesSheet() {
    }

    /**
     * @param rows iterations to write, at most Excel's row limit; when fewer than {@code iterations},
     *             a note right of the header says so
     */
    static void write(SXSSFWorkbook workbook, ReportStyles styles, List<SampleColumn> columns, long iterations,
                      int rows) {
        Sheet sheet = workbook.createSheet(NAME);
        Row header = sheet.createRow(0);
        text(header, 0, "Iteration", styles.header());
        for (int c = 0; c < columns.size(); c++) {
            text(header, c + 1, columns.get(c).cell(), styles.numberHeader());
        }
        if (rows < iterations) {
            text(header, columns.size() + 2, "Showing " + SummarySheet.samplesNote(rows, iterations) + ".", null);
        }
        sheet.createFreezePane(1, 1);
        SheetWriter.width(sheet, 0, 10);
        CellStyle[] styleOf = new CellStyle[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            styleOf[c] = styles.valuesOf(columns.get(c).statistics());
            SheetWriter.width(sheet, c + 1, Math.max(12, columns.get(c).cell().length()));
        }

        CellStyle iterationStyle = styles.number("0");
        for (int i = 0; i < rows; i++) {
            Row row = sheet.createRow(i + 1);
            number(row, 0, i + 1, iterationStyle);
            for (int c = 0; c < columns.size(); c++) {
                number(row, c + 1, columns.get(c).samples()[i], styleOf[c]);
            }
        }
    }
}
