package io.carlo.engine.plan;

import io.carlo.engine.eval.Interpreter;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import java.util.List;

/**
 * A compiled model: the uncertain cells, each with its kernel tree, and the {@link Schedule} that
 * orders them. A worker thread gets its own {@link BlockState} and evaluates blocks of iterations:
 * inputs in, every uncertain cell computed column by column, outputs read from the cells' columns.
 */
public final class Plan {

    private final WorkbookEvaluator base;
    private final FunctionLibrary library;
    private final List<CellAddress> cells;
    private final Node[] roots;
    private final int slots;
    private final int inputs;
    private final int[][][] coneIndex;
    private final long seed;
    private final Schedule schedule;

    Plan(WorkbookEvaluator base, FunctionLibrary library, List<CellAddress> cells, Node[] roots, int slots, int inputs,
         int[][][] coneIndex, long seed) {
        this.base = base;
        this.library = library;
        this.cells = cells;
        this.roots = roots;
        this.slots = slots;
        this.inputs = inputs;
        this.coneIndex = coneIndex;
        this.seed = seed;
        this.schedule = Schedule.of(roots);
    }

    /**
     * The uncertain cells, in the workbook's dependency order (their index is their column in a
     * block; {@link Schedule} may evaluate them in another order that respects the dependencies).
     */
    public List<CellAddress> cells() {
        return cells;
    }

    /** The index of an uncertain cell, or -1 for a cell no input reaches. */
    public int indexOf(CellAddress a) {
        int[][] rows = coneIndex[a.sheet()];
        return a.row() < rows.length && a.col() < rows[a.row()].length ? rows[a.row()][a.col()] : -1;
    }

    /** How many cells run through the interpreter lane by lane (the rest are vector kernels). */
    public int genericCells() {
        int n = 0;
        for (Node r : roots) {
            if (r instanceof GenericNode) {
                n++;
            }
        }
        return n;
    }

    /** The most columns of cells and shared sub-expressions alive at once in a block. */
    int liveColumns() {
        return schedule.liveColumns;
    }

    /** Whether cells' columns are recycled after their last reader (else every cell keeps its column). */
    boolean recyclesCells() {
        return schedule.recyclesCells();
    }

    /** A cell's value when no input reaches it. */
    public Scalar constant(CellAddress a) {
        return base.value(a);
    }

    /**
     * How many lanes a block state should hold, at most {@code max}: as many as keep the columns
     * alive at once within {@link #CACHE_BUDGET} bytes (so a block's working set stays in the CPU's
     * L2 cache), but no fewer than {@link #MIN_LANES}, below which the per-kernel overhead shows.
     * Results do not depend on it.
     */
    public int lanes(int max) {
        long fit = CACHE_BUDGET / (8L * (schedule.liveColumns + SCRATCH_COLUMNS));
        int lanes = Integer.highestOneBit((int) Math.clamp(fit, 1, 1 << 16));
        return Math.min(max, Math.max(MIN_LANES, lanes));
    }

    private static final long CACHE_BUDGET = 512 * 1024;
    private static final int MIN_LANES = 256;
    /** Scratch columns of the kernels in flight, on top of the cells' and shared nodes'. */
    private static final int SCRATCH_COLUMNS = 8;

    /** Working memory for one thread, keeping every cell's values for reading after {@link #evaluate}. */
    public BlockState newState(int capacity) {
        return new BlockState(capacity, slots, cells.size(), inputs, new LaneCells(base, coneIndex, seed),
                new Interpreter(library), null, !schedule.recyclesCells());
    }

    /**
     * Working memory for one thread that keeps only the given cells' values for reading after
     * {@link #evaluate} (the outputs): the others' columns are recycled during the block.
     */
    public BlockState newState(int capacity, int... keptCells) {
        boolean[] kept = new boolean[cells.size()];
        for (int c : keptCells) {
            kept[c] = true;
        }
        return new BlockState(capacity, slots, cells.size(), inputs, new LaneCells(base, coneIndex, seed),
                new Interpreter(library), kept, !schedule.recyclesCells());
    }

    /**
     * Evaluates one block: iterations [first, first + count), with the inputs' samples for those
     * iterations taken from {@code samples[input][first + lane]}.
     */
    public void evaluate(BlockState s, long first, int count, double[][] samples) {
        s.startBlock(first, count);
        for (int k = 0; k < inputs; k++) {
            Column in = s.inputs[k];
            in.clearObjects();
            System.arraycopy(samples[k], (int) first, in.num, 0, count);
            in.measure(count);
        }
        int[] order = schedule.order;
        for (int step = 0; step < order.length; step++) {
            int i = order[step];
            Column cell = s.setCell(i, roots[i].evaluate(s));
            if (cell.obj != null) {
                for (int lane = 0; lane < count; lane++) {
                    if (cell.obj[lane] instanceof BlankValue) {
                        cell.set(lane, NumberValue.ZERO); // a formula showing an empty cell shows 0
                    }
                }
            }
            for (int done : schedule.cellsDone[step]) {
                s.cellDone(done);
            }
            for (int slot : schedule.sharedDone[step]) {
                s.sharedDone(slot);
            }
        }
    }
}
