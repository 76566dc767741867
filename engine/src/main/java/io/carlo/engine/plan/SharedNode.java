package io.carlo.engine.plan;

/**
 * A sub-expression that several formulas compute identically, such as {@code (1+growth)^(C$1-1)}
 * repeated down a column: computed once per block and read by every formula that uses it.
 */
final class SharedNode extends Node {

    final Node inner;

    SharedNode(int slot, Node inner) {
        super(slot);
        this.inner = inner;
    }

    @Override
    public Column evaluate(BlockState s) {
        if (!s.isCurrent(slot)) {
            Column c = inner.evaluate(s);
            if (c.temporary) {
                s.keep(this, c); // the scratch column becomes this node's: no copy
            } else {
                s.own(this).copyFrom(c, s.count());
            }
            s.markCurrent(slot);
        }
        return s.own(this);
    }
}
