package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationResult.InputResult;
import io.carlo.engine.simulation.SimulationResult.OutputResult;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SamplesCsvTest {

    @Test
    void headerNamesTheIterationThenInputCellsThenOutputCellsQuotingWhereNeeded() throws IOException {
        String csv = csv(ReportFixtures.result(10, 3, 2, false));

        String header = csv.substring(0, csv.indexOf("\r\n"));
        assertThat(header).isEqualTo("iteration,Model!B1,\"'Q1, 2024'!B2\",Model!B3,Model!D1,Model!D2");
    }

    @Test
    void oneCrlfLinePerIterationNumberedFromOne() throws IOException {
        String csv = csv(ReportFixtures.result(250, 2, 2, false));

        String[] lines = csv.split("\r\n", -1);
        assertThat(lines).hasSize(1 + 250 + 1);
        assertThat(lines[lines.length - 1]).isEmpty();
        assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (int i = 1; i <= 250; i++) {
            assertThat(lines[i]).startsWith(i + ",");
        }
    }

    @Test
    void numbersReadBackAsExactlyTheSameDoublesAndErrorsAreEmptyFields() throws IOException {
        SimulationResult result = ReportFixtures.result(500, 2, 2, false);
        String[] lines = csv(result).split("\r\n");

        List<double[]> columns = List.of(result.inputs().get(0).samples(), result.inputs().get(1).samples(),
                result.outputs().get(0).samples(), result.outputs().get(1).samples());
        int errors = 0;
        for (int i = 0; i < 500; i++) {
            // -1 keeps the trailing empty field of an error in the last column.
            String[] fields = lines[i + 1].split(",", -1);
            assertThat(fields).hasSize(5);
            for (int c = 0; c < columns.size(); c++) {
                double expected = columns.get(c)[i];
                if (Double.isNaN(expected)) {
                    assertThat(fields[c + 1]).isEmpty();
                    errors++;
                } else {
                    assertThat(Double.doubleToRawLongBits(Double.parseDouble(fields[c + 1])))
                            .as("row %d column %d", i + 1, c + 1)
                            .isEqualTo(Double.doubleToRawLongBits(expected));
                }
            }
        }
        assertThat(errors).isEqualTo(500 / 97);
    }

    @Test
    void awkwardDoublesRoundTripInTheirShortestForm() throws IOException {
        double[] values = {0.1 + 0.2, 100, -0.0, 1e21, 1.5e-7, Double.MIN_VALUE, Double.MAX_VALUE, -123456.789,
                1.0 / 3, Double.POSITIVE_INFINITY};
        SimulationResult result = new SimulationResult("w.xlsx", values.length, 1, "mc", 1, null,
                List.of(new OutputResult("S!A1", null, null, List.of(), null, values)), List.of(), null);
        String[] lines = csv(result).split("\r\n");

        assertThat(lines).extracting(line -> line.substring(line.indexOf(',') + 1)).containsExactly("S!A1",
                "0.30000000000000004", "100", "-0", "1E21", "1.5E-7", "4.9E-324", "1.7976931348623157E308",
                "-123456.789", "0.3333333333333333", "Infinity");
        for (int i = 0; i < values.length; i++) {
            String field = lines[i + 1].substring(lines[i + 1].indexOf(',') + 1);
            assertThat(Double.doubleToRawLongBits(Double.parseDouble(field)))
                    .isEqualTo(Double.doubleToRawLongBits(values[i]));
        }
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAsRfc4180Asks() {
        assertThat(SamplesCsv.field("Model!B3")).isEqualTo("Model!B3");
        assertThat(SamplesCsv.field("'a,b'!B3")).isEqualTo("\"'a,b'!B3\"");
        assertThat(SamplesCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(SamplesCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(SamplesCsv.field("cr\r")).isEqualTo("\"cr\r\"");
    }

    @Test
    void aColumnWithTheWrongNumberOfSamplesIsAnErrorNamingTheCell() {
        SimulationResult result = new SimulationResult("w.xlsx", 3, 1, "mc", 1, null, List.of(),
                List.of(new InputResult("Model!C7", null, "Uniform(0,1)", null, new double[2])), null);

        assertThatThrownBy(() -> csv(result)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the input Model!C7 has 2 samples for 3 iterations");
    }

    @Test
    void aMillionIterationsStreamLineByLine() throws IOException {
        SimulationResult result = ReportFixtures.result(1_000_000, 2, 1, false);
        LineCounter counter = new LineCounter();

        long start = System.nanoTime();
        long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        SamplesCsv.write(result, counter);
        System.out.printf("SamplesCsv: 1,000,000 iterations x 3 columns, %,d chars in %,d ms wall, %,d ms CPU%n",
                counter.chars, (System.nanoTime() - start) / 1_000_000,
                (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1_000_000);

        assertThat(counter.lines).isEqualTo(1_000_001);
        // Written in pieces no longer than a line: never one big string.
        assertThat(counter.longestWrite).isLessThan(200);
    }

    private static String csv(SimulationResult result) throws IOException {
        StringWriter out = new StringWriter();
        SamplesCsv.write(result, out);
        return out.toString();
    }

    /** Counts what it is given and keeps none of it. */
    private static final class LineCounter extends Writer {
        long lines;
        long chars;
        int longestWrite;

        @Override
        public void write(char[] buffer, int offset, int length) {
            count(length);
            for (int i = offset; i < offset + length; i++) {
                if (buffer[i] == '\n') {
                    lines++;
                }
            }
        }

        @Override
        public Writer append(CharSequence text) {
            count(text.length());
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    lines++;
                }
            }
            return this;
        }

        private void count(int length) {
            chars += length;
            longestWrite = Math.max(longestWrite, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
