package io.carlo.engine.plan;

import io.carlo.engine.eval.Interpreter;
import java.util.ArrayDeque;

/**
 * One worker thread's working memory for evaluating a plan over a block of iterations. Columns
 * come from one pool: a cell's column goes back to it once the last formula reading the cell has
 * run (unless the caller reads the cell after the block), as do scratch columns and the columns of
 * shared sub-expressions. So a plan of thousands of cells works in a few hundred columns that stay
 * in the CPU cache, not in one column per cell.
 */
public final class BlockState {

    private final int capacity;
    private final Column[] nodeColumns;
    final Column[] cells;
    final Column[] inputs;
    final boolean[] constantFilled;
    final LaneCells lanes;
    final Interpreter interpreter;
    /** The cells whose columns outlive the formulas that read them (null: every cell). */
    private final boolean[] kept;
    private final ArrayDeque<Column> pool = new ArrayDeque<>();
    private final long[] computedInBlock;
    private long block;
    private int count;
    private long firstIteration;

    /**
     * @param kept        the cells whose columns outlive their readers (null: every cell)
     * @param preallocate give every cell a column from the start: when the plan's order may let a
     *                    formula on the interpreter path read a cell before it is computed (through
     *                    INDIRECT, say), it reads zeros in the first block, as it always has
     */
    BlockState(int capacity, int nodes, int cells, int inputs, LaneCells lanes, Interpreter interpreter,
               boolean[] kept, boolean preallocate) {
        this.lanes = lanes;
        this.interpreter = interpreter;
        this.capacity = capacity;
        this.kept = kept;
        this.nodeColumns = new Column[nodes];
        this.computedInBlock = new long[nodes];
        this.cells = new Column[cells];
        this.inputs = new Column[inputs];
        this.constantFilled = new boolean[nodes];
        for (int i = 0; i < inputs; i++) {
            this.inputs[i] = new Column(capacity);
        }
        if (preallocate) {
            for (int i = 0; i < cells; i++) {
                this.cells[i] = new Column(capacity);
            }
        }
    }

    /** Lanes in the current block. */
    public int count() {
        return count;
    }

    /** Iteration number of lane 0. */
    public long firstIteration() {
        return firstIteration;
    }

    public int capacity() {
        return capacity;
    }

    void startBlock(long first, int lanes) {
        this.firstIteration = first;
        this.count = lanes;
        this.block++;
    }

    /** Whether a shared node's column already holds this block's values. */
    boolean isCurrent(int slot) {
        return computedInBlock[slot] == block;
    }

    void markCurrent(int slot) {
        computedInBlock[slot] = block;
    }

    /**
     * A scratch column for an intermediate result. Intermediate results live only until their
     * parent has used them, so a handful of columns serve a whole plan and stay in the CPU cache.
     */
    Column temp() {
        Column c = pool.poll();
        if (c == null) {
            c = new Column(capacity);
            c.temporary = true;
        }
        return c;
    }

    /** Gives an intermediate result back once it has been used; other columns are left alone. */
    void release(Column c) {
        if (c != null && c.temporary) {
            pool.push(c);
        }
    }

    private void recycle(Column c) {
        if (c != null) {
            c.temporary = true;
            pool.push(c);
        }
    }

    /**
     * Stores the values of uncertain cell {@code index}: a scratch column becomes the cell's (no
     * copy), any other column (another cell's, an input's) is copied into a pooled one.
     */
    Column setCell(int index, Column c) {
        Column own;
        if (c.temporary) {
            own = c;
        } else {
            own = temp();
            own.copyFrom(c, count);
        }
        own.temporary = false;
        recycle(cells[index]); // a kept cell's column of the previous block
        cells[index] = own;
        return own;
    }

    /** The last formula reading cell {@code index} in this block has run: its column goes back to the pool. */
    void cellDone(int index) {
        if (kept == null || kept[index]) {
            return;
        }
        recycle(cells[index]);
        cells[index] = null;
    }

    /** Makes a scratch column a shared node's value for this block. */
    void keep(SharedNode node, Column c) {
        recycle(nodeColumns[node.slot]);
        c.temporary = false;
        nodeColumns[node.slot] = c;
    }

    /** Makes a copy of a column that is not a scratch column a shared node's value for this block. */
    void keepCopy(SharedNode node, Column c) {
        Column own = temp();
        own.copyFrom(c, count);
        keep(node, own);
    }

    Column kept(SharedNode node) {
        return nodeColumns[node.slot];
    }

    /** The last formula reading a shared node in this block has run: its column goes back to the pool. */
    void sharedDone(int slot) {
        recycle(nodeColumns[slot]);
        nodeColumns[slot] = null;
        computedInBlock[slot] = -1; // were it read again, it would be recomputed, never read from a recycled column
    }

    /** The column a constant node fills once and keeps (created on first use). */
    Column own(Node node) {
        Column c = nodeColumns[node.slot];
        if (c == null) {
            c = new Column(capacity);
            nodeColumns[node.slot] = c;
        }
        return c;
    }

    /**
     * The values of uncertain cell {@code index} (in plan order) for this block: available after
     * {@link Plan#evaluate} for the cells the state was created to keep (every cell by default).
     */
    public Column cell(int index) {
        return cells[index];
    }

    /** The samples of input {@code index} for this block. */
    public Column input(int index) {
        return inputs[index];
    }
}
