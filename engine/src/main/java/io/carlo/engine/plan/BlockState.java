package io.carlo.engine.plan;

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
    final io.carlo.engine.eval.Interpreter interpreter;
    private int count;
    private long firstIteration;

    BlockState(int capacity, int nodes, int cells, int inputs, LaneCells lanes,
               io.carlo.engine.eval.Interpreter interpreter) {
        this.lanes = lanes;
        this.interpreter = interpreter;
        this.capacity = capacity;
        this.nodeColumns = new Column[nodes];
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
