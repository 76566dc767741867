package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationResult.OutputResult;
import io.carlo.engine.stats.SummaryStatistics;
import io.carlo.engine.stats.TailRisk;
import io.carlo.engine.stats.TargetProbability;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.SequencedSet;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Summary" sheet: the run's settings and timings as label/value rows, then one row per output
 * with its statistics, tail risks and target probabilities. The header row of the output table is
 * frozen with everything above it.
 */
final class SummarySheet {

    static final String NAME = "Summary";

    /** Columns of the output table before the tail-risk and target columns. */
    static final List<String> FIXED_COLUMNS = List.of("Output", "Cell", "Iterations", "Errors", "Mean", "Std dev",
            "Min", "Max", "Mean 95% CI low", "Mean 95% CI high", "Skewness", "Kurtosis (excess)", "Mode");

    private SummarySheet() {
    }

    /**
     * @param samplesShown how many iterations the Samples sheet holds
     * @return the index of the output table's header row
     */
    static int write(Workbook workbook, ReportStyles styles, SimulationResult result, long samplesShown) {
        Sheet sheet = workbook.createSheet(NAME);
        int r = 0;
        text(row(sheet, r++), 0, "Carlo simulation report", styles.title());
        r = setting(sheet, r, "Workbook", result.workbook(), styles);
        r = setting(sheet, r, "Iterations", result.iterations(), styles);
        // Text, not a number: Excel keeps 15 significant digits and would change a 64-bit seed.
        r = setting(sheet, r, "Seed", Long.toString(result.seed()), styles);
        r = setting(sheet, r, "Sampling", samplingName(result.sampling()), styles);
        r = setting(sheet, r, "Threads", result.threads(), styles);
        if (result.timings() != null) {
            r = setting(sheet, r, "Load (ms)", result.timings().loadMillis(), styles);
            r = setting(sheet, r, "Compile (ms)", result.timings().compileMillis(), styles);
            r = setting(sheet, r, "Simulate (ms)", result.timings().simulateMillis(), styles);
        }
        r = setting(sheet, r, "Correlated inputs", correlationNote(result.correlation()), styles);
        r = setting(sheet, r, "Samples sheet", samplesNote(samplesShown, result.iterations()), styles);
        int headerRow = r + 1;
        writeOutputTable(sheet, headerRow, result.outputs(), styles);
        sheet.createFreezePane(1, headerRow + 1);
        return headerRow;
    }

    private static void writeOutputTable(Sheet sheet, int headerRow, List<OutputResult> outputs, ReportStyles styles) {
        SequencedSet<Double> levels = new LinkedHashSet<>();
        SequencedSet<Double> targets = new LinkedHashSet<>();
        for (OutputResult output : outputs) {
            if (output.statistics() != null) {
                output.statistics().tailRisks().forEach(t -> levels.add(t.level()));
                output.statistics().targets().forEach(t -> targets.add(t.target()));
            }
        }
        List<String> titles = new ArrayList<>(FIXED_COLUMNS);
        for (double level : levels) {
            titles.add("VaR " + NumberText.percent(level) + "%");
            titles.add("CVaR " + NumberText.percent(level) + "%");
        }
        for (double target : targets) {
            titles.add("P(≤ " + NumberText.shortest(target) + ")");
            titles.add("P(> " + NumberText.shortest(target) + ")");
        }
        SheetWriter.header(sheet, headerRow, titles, 2, styles);

        int r = headerRow + 1;
        for (OutputResult output : outputs) {
            Row row = row(sheet, r++);
            text(row, 0, SheetWriter.label(output.name(), output.cell()), null);
            text(row, 1, output.cell(), null);
            SummaryStatistics s = output.statistics();
            if (s == null) {
                continue;
            }
            CellStyle count = styles.number(ReportStyles.INTEGER);
            CellStyle value = styles.valuesOf(s);
            CellStyle shape = styles.number("0.000");
            int c = 2;
            number(row, c++, s.iterations(), count);
            number(row, c++, s.errors(), count);
            for (double v : new double[] {s.mean(), s.stdDev(), s.min(), s.max(), s.meanCiLow(), s.meanCiHigh()}) {
                number(row, c++, v, value);
            }
            number(row, c++, s.skewness(), shape);
            number(row, c++, s.kurtosis(), shape);
            number(row, c++, s.mode(), value);
            for (double level : levels) {
                TailRisk risk = s.tailRisks().stream().filter(t -> t.level() == level).findFirst().orElse(null);
                if (risk != null) {
                    number(row, c, risk.valueAtRisk(), value);
                    number(row, c + 1, risk.conditionalValueAtRisk(), value);
                }
                c += 2;
            }
            for (double target : targets) {
                TargetProbability p = s.targets().stream().filter(t -> t.target() == target).findFirst().orElse(null);
                if (p != null) {
                    number(row, c, p.atOrBelow(), styles.number(ReportStyles.PROBABILITY));
                    number(row, c + 1, p.above(), styles.number(ReportStyles.PROBABILITY));
                }
                c += 2;
            }
        }

        int nameWidth = outputs.stream().mapToInt(o -> SheetWriter.label(o.name(), o.cell()).length()).max().orElse(0);
        SheetWriter.width(sheet, 0, Math.max(nameWidth, "Correlated inputs".length()));
        int cellWidth = outputs.stream().mapToInt(o -> o.cell().length()).max().orElse(0);
        SheetWriter.width(sheet, 1, Math.max(cellWidth, 12));
        for (int c = 2; c < titles.size(); c++) {
            SheetWriter.width(sheet, c, Math.max(12, Math.min(titles.get(c).length(), 16)));
        }
    }

    private static int setting(Sheet sheet, int r, String label, String value, ReportStyles styles) {
        Row row = row(sheet, r);
        text(row, 0, label, styles.header());
        text(row, 1, value, null);
        return r + 1;
    }

    private static int setting(Sheet sheet, int r, String label, long value, ReportStyles styles) {
        Row row = row(sheet, r);
        text(row, 0, label, styles.header());
        number(row, 1, value, styles.number(ReportStyles.INTEGER));
        return r + 1;
    }

    static String samplingName(String sampling) {
        return switch (sampling == null ? "" : sampling) {
            case "lhs" -> "Latin hypercube (lhs)";
            case "mc" -> "Monte Carlo (mc)";
            default -> sampling;
        };
    }

    private static String correlationNote(SimulationResult.CorrelationReport correlation) {
        if (correlation == null) {
            return "none";
        }
        return correlation.inputs().size() + " (see the Correlation sheet"
                + (correlation.repaired() ? "; the target matrix was repaired)" : ")");
    }

    static String samplesNote(long shown, long iterations) {
        return shown == iterations
                ? "all " + String.format(Locale.ROOT, "%,d", iterations) + " iterations"
                : String.format(Locale.ROOT, "the first %,d of %,d iterations (Excel's row limit; the CSV export holds all)",
                        shown, iterations);
    }
}
