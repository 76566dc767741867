package io.carlo.engine.bench;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.RandomStreams;
import io.carlo.engine.sampling.StreamIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The slow peer Carlo is measured against: a Monte Carlo loop that, for each iteration, writes a
 * random draw into every input cell and asks Apache POI's formula evaluator to recalculate. This is
 * what a program built on a spreadsheet library does without a compiled plan. The draws come from
 * Carlo's counter-based streams, keyed as Carlo keys an input (by its cell), so for the same seed and
 * distributions the POI loop sees exactly the inputs of Carlo's Monte Carlo run, iteration by
 * iteration, and the two runs' outputs can be compared value by value. The distributions are Carlo's
 * ({@link SimulationBenchmark#distributions}): the baseline measures recalculation, not sampling.
 */
public final class PoiLoopBaseline {

    /** How much POI recalculates per iteration. */
    public enum Recalculation {
        /**
         * Tell POI which input cells changed ({@code notifyUpdateCell}) and evaluate the output cells:
         * POI keeps every cached value that no input reaches, the kindest loop for POI.
         */
        INCREMENTAL,
        /** Clear POI's cache and evaluate the output cells (POI follows their precedents only). */
        OUTPUTS_ONLY,
        /** Clear POI's cache and evaluate every formula of the workbook, as a recalculation in Excel does. */
        WHOLE_WORKBOOK
    }

    /**
     * @param iterations   iterations run
     * @param nanos        wall-clock time of the loop (opening the workbook excluded)
     * @param outputs      {@code outputs[j][i]}: output j at iteration i, NaN for an error or a non-number
     * @param outputMeans  mean of each output over the iterations whose value was a number
     * @param outputErrors per output, the iterations whose value was an error or not a number
     */
    public record Result(long iterations, long nanos, double[][] outputs, double[] outputMeans, long[] outputErrors) {

        public double iterationsPerSecond() {
            return iterations / (nanos / 1e9);
        }
    }

    /** Every output value is kept; POI could not run more in reasonable time anyway. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private final BenchmarkModel model;
    private final List<Distribution> distributions;

    /** {@code distributions}: one per input of the model, in the same order. */
    public PoiLoopBaseline(BenchmarkModel model, List<Distribution> distributions) {
        if (distributions.size() != model.inputs().size()) {
            throw new IllegalArgumentException(model.inputs().size() + " inputs but " + distributions.size()
                    + " distributions");
        }
        this.model = model;
        this.distributions = List.copyOf(distributions);
    }

    /** Runs {@code iterations} iterations. */
    public Result run(long iterations, long seed, Recalculation mode) {
        return run(iterations, Duration.ofDays(1), seed, mode);
    }

    /**
     * Runs until {@code maxIterations} iterations are done or {@code budget} has passed, whichever
     * comes first (POI needs seconds where Carlo needs milliseconds; the benchmark bounds the time).
     * At least one iteration runs.
     */
    public Result run(long maxIterations, Duration budget, long seed, Recalculation mode) {
        if (maxIterations < 1 || maxIterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between 1 and " + MAX_ITERATIONS + ", got "
                    + maxIterations);
        }
        try (InputStream in = Files.newInputStream(model.file()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<Cell> inputs = model.inputs().stream().map(i -> inputCell(wb, i.cell())).toList();
            long[] streams = inputs.stream().mapToLong(c -> StreamIds.input(wb.getSheetIndex(c.getSheet()),
                    c.getRowIndex(), c.getColumnIndex(), 0)).toArray();
            List<Cell> outputs = model.outputs().stream().map(o -> cell(wb, o)).toList();
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            int n = outputs.size();
            double[][] values = new double[n][(int) Math.min(maxIterations, 1 << 12)];
            long deadline = System.nanoTime() + budget.toNanos();
            long start = System.nanoTime();
            int done = 0;
            while (done < maxIterations && (done == 0 || System.nanoTime() < deadline)) {
                for (int k = 0; k < inputs.size(); k++) {
                    Cell input = inputs.get(k);
                    input.setCellValue(distributions.get(k).inverseCdf(RandomStreams.uniform(seed, streams[k], done)));
                    if (mode == Recalculation.INCREMENTAL) {
                        evaluator.notifyUpdateCell(input);
                    }
                }
                if (mode != Recalculation.INCREMENTAL) {
                    evaluator.clearAllCachedResultValues();
                }
                if (mode == Recalculation.WHOLE_WORKBOOK) {
                    evaluator.evaluateAll();
                }
                if (done == values[0].length) {
                    for (int o = 0; o < n; o++) {
                        values[o] = Arrays.copyOf(values[o], 2 * done);
                    }
                }
                for (int o = 0; o < n; o++) {
                    CellValue v = evaluator.evaluate(outputs.get(o));
                    boolean number = v != null && v.getCellType() == CellType.NUMERIC;
                    values[o][done] = number ? v.getNumberValue() : Double.NaN;
                }
                done++;
            }
            long nanos = System.nanoTime() - start;
            double[] means = new double[n];
            long[] errors = new long[n];
            for (int o = 0; o < n; o++) {
                values[o] = Arrays.copyOf(values[o], done);
                double sum = 0;
                long count = 0;
                for (double v : values[o]) {
                    if (Double.isFinite(v)) {
                        sum += v;
                        count++;
                    }
                }
                means[o] = count == 0 ? Double.NaN : sum / count;
                errors[o] = done - count;
            }
            return new Result(done, nanos, values, means, errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cell at a reference such as {@code 'My Sheet'!B3}, created blank if the sheet has none there. */
    private static Cell cell(XSSFWorkbook wb, String reference) {
        CellReference ref = new CellReference(reference);
        Sheet sheet = ref.getSheetName() == null ? wb.getSheetAt(0) : wb.getSheet(ref.getSheetName());
        if (sheet == null) {
            throw new IllegalArgumentException("no sheet " + ref.getSheetName() + " for cell " + reference);
        }
        Row row = sheet.getRow(ref.getRow());
        if (row == null) {
            row = sheet.createRow(ref.getRow());
        }
        Cell cell = row.getCell(ref.getCol());
        return cell != null ? cell : row.createCell(ref.getCol());
    }

    /** An input cell holding a formula becomes a constant: POI would otherwise recompute the formula over the draw. */
    private static Cell inputCell(XSSFWorkbook wb, String reference) {
        Cell cell = cell(wb, reference);
        if (cell.getCellType() == CellType.FORMULA) {
            cell.removeFormula();
        }
        return cell;
    }
}
