package io.carlo.engine.plan;

/** A reference to an uncertain cell: its column, computed earlier in plan order. */
final class CellNode extends Node {

    final int cell;

    CellNode(int slot, int cell) {
        super(slot);
        this.cell = cell;
    }

    @Override
    public Column evaluate(BlockState s) {
        return s.cells[cell];
    }
}
