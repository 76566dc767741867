package io.carlo.engine.plan;

import java.util.function.Consumer;

/**
 * One operation of a compiled formula, evaluated for all lanes of a block at once (a vector
 * kernel), in the style of DuckDB's expression executor: one loop over a column, not one virtual
 * call per cell and iteration.
 */
public abstract class Node {

    /** Slot of this node's result column in a {@link BlockState}. */
    final int slot;

    protected Node(int slot) {
        this.slot = slot;
    }

    /**
     * Computes lanes [0, state.count()) and returns the column holding them: the node's own column,
     * or a column it merely forwards (a cell reference returns the referenced cell's column). The
     * caller must not modify it.
     */
    public abstract Column evaluate(BlockState state);

    /** Calls {@code visit} with each node this one evaluates (none for leaves): for the plan's analyses. */
    void forEachChild(Consumer<Node> visit) {
    }
}
