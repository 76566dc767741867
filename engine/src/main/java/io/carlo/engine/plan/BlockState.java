package io.carlo.engine.plan;

import io.carlo.engine.eval.Interpreter;
import java.util.ArrayDeque;

/**
 * One worker thread's working memory for evaluating a plan over a block of iterations: a column
 * per node and per uncertain cell, reused from block to block.
 */
public final class BlockState {

    private final int capacity;
    private final Column[] nodeColumns;
    private final double[][] scratch;
    final Column[] cells;
    final Column[] inputs;
    final boolean[] constantFilled;
    final LaneCells lanes;
    final Interpreter interpreter;
    private int count;
    private long firstIteration;

    BlockState(int capacity, int nodes, int cells, int inputs, LaneCells lanes,
               Interpreter interpreter) {
        this.lanes = lanes;
        this.interpreter = interpreter;
        this.capacity = capacity;
        this.nodeColumns = new Column[nodes];
        this.computedInBlock = new long[nodes];
        this.scratch = new double[nodes][];
        this.cells = new Column[cells];
        this.inputs = new Column[inputs];
        this.constantFilled = new boolean[nodes];
        for (int i = 0; i < cells; i++) {
            this.cells[i] = new Column(capacity);
        }
        for (int i = 0; i < inputs; i++) {
            this.inputs[i] = new Column(capacity);
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

    private final ArrayDeque<Column> pool = new ArrayDeque<>();
    private final long[] computedInBlock;
    private long block;

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

    /** Makes a scratch column the values of uncertain cell {@code index}, recycling the cell's old column. */
    void adopt(int index, Column c) {
        Column old = cells[index];
        c.temporary = false;
        old.temporary = true;
        cells[index] = c;
        pool.push(old);
    }

    /** Makes a scratch column the node's own, recycling the column it had. */
    void keep(Node node, Column c) {
        Column old = nodeColumns[node.slot];
        c.temporary = false;
        nodeColumns[node.slot] = c;
        if (old != null) {
            old.temporary = true;
            pool.push(old);
        }
    }

    /** The column a node writes its result into (created on first use). */
    Column own(Node node) {
        Column c = nodeColumns[node.slot];
        if (c == null) {
            c = new Column(capacity);
            nodeColumns[node.slot] = c;
        }
        return c;
    }

    /** A scratch array of at least {@code length} doubles private to a node. */
    double[] scratch(int slot, int length) {
        double[] a = scratch[slot];
        if (a == null || a.length < length) {
            a = new double[capacity];
            scratch[slot] = a;
        }
        return a;
    }

    /** The values of uncertain cell {@code index} (in plan order) for this block. */
    public Column cell(int index) {
        return cells[index];
    }

    /** The samples of input {@code index} for this block. */
    public Column input(int index) {
        return inputs[index];
    }
}
