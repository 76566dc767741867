package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Every iteration's samples as CSV (RFC 4180): a header {@code iteration,<input cells>,<output
 * cells>}, then one line per iteration numbered from 1, lines ended by CRLF.
 *
 * <p>Numbers are written in the shortest form that {@link Double#parseDouble} reads back as the
 * same double, so the file reproduces the run exactly. An iteration whose value was an Excel error
 * (NaN in the result) leaves its field empty: spreadsheets and data-frame libraries read an empty
 * field as a missing value, which matches the statistics, where errors are excluded.
 *
 * <p>The output is written line by line into the caller's writer (which stays open and is
 * flushed), so millions of iterations never become one large string. Pass a buffered writer.
 */
public final class SamplesCsv {

    private static final String LINE_END = "\r\n";

    private SamplesCsv() {
    }

    /** Writes the samples of {@code result}; fails naming the cell if a column's length is wrong. */
    public static void write(SimulationResult result, Writer out) throws IOException {
        List<SampleColumn> columns = SampleColumn.of(result);
        StringBuilder line = new StringBuilder(64 + 24 * columns.size());
        line.append("iteration");
        for (SampleColumn column : columns) {
            line.append(',').append(field(column.cell()));
        }
        out.append(line).append(LINE_END);

        int iterations = Math.toIntExact(result.iterations());
        for (int i = 0; i < iterations; i++) {
            line.setLength(0);
            line.append(i + 1);
            for (SampleColumn column : columns) {
                line.append(',');
                double value = column.samples()[i];
                if (!Double.isNaN(value)) {
                    line.append(NumberText.shortest(value));
                }
            }
            out.append(line).append(LINE_END);
        }
        out.flush();
    }

    /**
     * A text field, quoted as RFC 4180 asks when it holds a comma, a quote or a line break
     * ({@code 'Q1, 2024'!B3} does), with inner quotes doubled.
     */
    static String field(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
