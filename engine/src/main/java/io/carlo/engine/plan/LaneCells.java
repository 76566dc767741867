package io.carlo.engine.plan;

import io.carlo.engine.eval.CellSource;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.sampling.RandomStreams;
import io.carlo.engine.sampling.StreamIds;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.Workbook;
import java.util.Optional;

/**
 * The workbook as one iteration sees it, for the formulas the plan evaluates lane by lane with the
 * scalar interpreter: uncertain cells come from the current lane of their column, every other cell
 * from the deterministic evaluation, and RAND() from the run's seeded streams.
 */
final class LaneCells implements CellSource {

    /** Streams above this number feed RAND() calls; below it are the inputs. */
    static final long RAND_STREAMS = StreamIds.RAND_BASE;

    private final WorkbookEvaluator base;
    private final int[][][] coneIndex;
    private final long seed;
    private BlockState state;
    private int lane;
    private long randStream;
    private int randCalls;

    LaneCells(WorkbookEvaluator base, int[][][] coneIndex, long seed) {
        this.base = base;
        this.coneIndex = coneIndex;
        this.seed = seed;
    }

    /** Positions the view on one lane, before evaluating the formula of plan cell {@code cellOrdinal}. */
    void at(BlockState s, int lane, int cellOrdinal) {
        this.state = s;
        this.lane = lane;
        this.randStream = RAND_STREAMS + (long) cellOrdinal * 4096;
        this.randCalls = 0;
    }

    int lane() {
        return lane;
    }

    BlockState state() {
        return state;
    }

    @Override
    public Workbook workbook() {
        return base.workbook();
    }

    @Override
    public WorkbookFormulas formulas() {
        return base.formulas();
    }

    @Override
    public Scalar value(int sheet, int row, int col) {
        if (sheet < 0 || sheet >= coneIndex.length) {
            return ExcelError.REF;
        }
        int[][] rows = coneIndex[sheet];
        if (row >= 0 && row < rows.length && col >= 0 && col < rows[row].length && rows[row][col] >= 0) {
            return state.cells[rows[row][col]].scalar(lane);
        }
        return base.value(sheet, row, col);
    }

    @Override
    public Grid read(Area area) {
        Grid shape = base.read(area);
        int r0 = area.firstRow();
        int c0 = area.firstCol();
        int sheet = area.sheet();
        return new Grid() {
            @Override
            public int rows() {
                return shape.rows();
            }

            @Override
            public int cols() {
                return shape.cols();
            }

            @Override
            public Scalar get(int row, int col) {
                return value(sheet, r0 + row, c0 + col);
            }
        };
    }

    @Override
    public Optional<String> formulaText(int sheet, int row, int col) {
        return base.formulaText(sheet, row, col);
    }

    @Override
    public double random() {
        return RandomStreams.uniform(seed, randStream + randCalls++, state.firstIteration() + lane);
    }

    @Override
    public double now() {
        return base.now();
    }
}
