package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.Deflater;

/**
 * A simulation as an Excel workbook: Summary, Charts (native histogram and tornado charts),
 * Percentiles, Sensitivity, Inputs, Correlation (only for a run with correlated inputs), Histograms
 * (the charts' data) and Samples. See docs/report.md for the layout.
 *
 * <p>The small sheets and the charts are built in memory; the Samples sheet is streamed through a
 * temporary file (POI's SXSSF), so a run of a million iterations is written in bounded memory.
 */
public final class XlsxReport {

    /** Rows on an Excel sheet (1,048,576) less the header: the most iterations the Samples sheet holds. */
    public static final int MAX_SAMPLE_ROWS = 1_048_575;

    /** Rows of the streamed sheet kept in memory before they are flushed to the temporary file. */
    private static final int STREAMING_WINDOW = 200;

    private XlsxReport() {
    }

    /**
     * Writes the report of {@code result} to {@code out}, which stays open. Fails naming the cell
     * when an input or output does not hold one sample per iteration.
     */
    public static void write(SimulationResult result, OutputStream out) throws IOException {
        write(result, out, MAX_SAMPLE_ROWS);
    }

    /** As {@link #write(SimulationResult, OutputStream)}, with a lower cap on sample rows for tests. */
    static void write(SimulationResult result, OutputStream out, int maxSampleRows) throws IOException {
        List<SampleColumn> columns = SampleColumn.of(result);
        checkColumnLimits(result, columns.size());
        int sampleRows = (int) Math.min(result.iterations(), maxSampleRows);

        XSSFWorkbook workbook = new XSSFWorkbook();
        ReportStyles styles = new ReportStyles(workbook);
        SummarySheet.write(workbook, styles, result, sampleRows);
        PercentilesSheet.write(workbook, styles, result.outputs());
        List<SensitivitySheet.Block> sensitivity = SensitivitySheet.write(workbook, styles, result.outputs());
        InputsSheet.write(workbook, styles, result.inputs());
        if (result.correlation() != null) {
            CorrelationSheet.write(workbook, styles, result.correlation());
        }
        List<HistogramsSheet.Block> histograms = HistogramsSheet.write(workbook, styles, result.outputs());
        // The charts plot cells of the Sensitivity and Histograms sheets, so they come after them,
        // and then move to second place, next to the summary.
        ChartsSheet.write(workbook, styles, result.outputs(), histograms, sensitivity);
        workbook.setSheetOrder(ChartsSheet.NAME, 1);

        // Sheets created so far stay in memory; the Samples sheet created through the streaming
        // wrapper is flushed to a temporary file as it grows.
        SXSSFWorkbook streaming = new FastZipWorkbook(workbook);
        try {
            SamplesSheet.write(streaming, styles, columns, result.iterations(), sampleRows);
            streaming.setActiveSheet(0);
            streaming.write(new KeepOpen(out));
        } finally {
            // dispose() deletes the temporary file of streamed rows; close() does not.
            streaming.dispose();
            streaming.close();
        }
    }

    /**
     * Fails with a message naming Excel's column limit when the Samples or Histograms sheet could
     * not hold every input and output, rather than with POI's bare "invalid column index".
     */
    private static void checkColumnLimits(SimulationResult result, int sampleColumns) {
        int columns = SpreadsheetVersion.EXCEL2007.getMaxColumns();
        // The iteration column and the truncation note need two more.
        if (sampleColumns + 2 > columns) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an .xlsx report holds at most %,d inputs and outputs together (Excel's %,d columns);"
                            + " this run has %,d: use the CSV export", columns - 2, columns, sampleColumns));
        }
        int maxOutputs = columns / HistogramsSheet.COLUMNS_PER_OUTPUT;
        if (result.outputs().size() > maxOutputs) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "an .xlsx report holds at most %,d outputs (Excel's %,d columns); this run has %,d:"
                            + " use the CSV export", maxOutputs, columns, result.outputs().size()));
        }
    }

    /**
     * Compresses with the fastest deflate level: the Samples sheet of a million iterations is
     * some 100 MB of XML, and the default level spends several times as long on it for a file
     * only about a tenth smaller.
     */
    private static final class FastZipWorkbook extends SXSSFWorkbook {

        FastZipWorkbook(XSSFWorkbook workbook) {
            super(workbook, STREAMING_WINDOW);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream out) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }

    /** Passes writes through but not {@code close()}: the caller owns the stream. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
