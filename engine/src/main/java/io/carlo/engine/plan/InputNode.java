package io.carlo.engine.plan;

/** The samples of an input distribution for the block. */
final class InputNode extends Node {

    final int input;

    InputNode(int slot, int input) {
        super(slot);
        this.input = input;
    }

    @Override
    public Column evaluate(BlockState s) {
        return s.inputs[input];
    }
}
