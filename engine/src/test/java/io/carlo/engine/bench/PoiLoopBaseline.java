package io.carlo.engine.bench;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.RandomStreams;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
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
 * what a program built on a spreadsheet library does without a compiled plan. The draws use Carlo's
 * counter-based streams (stream = input index, index = iteration), so both loops see the same
 * Monte Carlo inputs for the same seed.
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
     * @param outputMeans  mean of each output over the iterations whose value was a number
     * @param outputErrors per output, the iterations whose value was an error or not a number
     */
    public record Result(long iterations, long nanos, double[] outputMeans, long[] outputErrors) {

        public double iterationsPerSecond() {
            return iterations / (nanos / 1e9);
        }
    }

    private final BenchmarkModel model;
    private final List<Distribution> distributions;

    /** {@code distributions} turns an input's distribution text into a distribution. */
    public PoiLoopBaseline(BenchmarkModel model, Function<String, Distribution> distributions) {
        this.model = model;
        this.distributions = model.inputs().stream().map(in -> distributions.apply(in.distribution())).toList();
    }

    /** Runs {@code iterations} iterations. */
    public Result run(long iterations, long seed, Recalculation mode) {
        return run(iterations, Duration.ofDays(1), seed, mode);
    }

    /**
     * Runs until {@code maxIterations} iterations are done or {@code budget} has passed, whichever
     * comes first (POI needs seconds where Carlo needs milliseconds; the benchmark bounds the time).
     */
    public Result run(long maxIterations, Duration budget, long seed, Recalculation mode) {
        try (InputStream in = Files.newInputStream(model.file()); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<Cell> inputs = model.inputs().stream().map(i -> inputCell(wb, i.cell())).toList();
            List<Cell> outputs = model.outputs().stream().map(o -> cell(wb, o)).toList();
            XSSFFormulaEvaluator evaluator = wb.getCreationHelper().createFormulaEvaluator();
            int n = outputs.size();
            double[] sums = new double[n];
            long[] counts = new long[n];
            long deadline = System.nanoTime() + budget.toNanos();
            long start = System.nanoTime();
            long done = 0;
            while (done < maxIterations && (done == 0 || System.nanoTime() < deadline)) {
                for (int k = 0; k < inputs.size(); k++) {
                    Cell input = inputs.get(k);
                    input.setCellValue(distributions.get(k).inverseCdf(RandomStreams.uniform(seed, k, done)));
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
                for (int o = 0; o < n; o++) {
                    CellValue v = evaluator.evaluate(outputs.get(o));
                    if (v != null && v.getCellType() == CellType.NUMERIC && Double.isFinite(v.getNumberValue())) {
                        sums[o] += v.getNumberValue();
                        counts[o]++;
                    }
                }
                done++;
            }
            long nanos = System.nanoTime() - start;
            double[] means = new double[n];
            long[] errors = new long[n];
            for (int o = 0; o < n; o++) {
                means[o] = counts[o] == 0 ? Double.NaN : sums[o] / counts[o];
                errors[o] = done - counts[o];
            }
            return new Result(done, nanos, means, errors);
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
