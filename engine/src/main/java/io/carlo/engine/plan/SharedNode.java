package io.carlo.engine.plan;

import java.util.function.Consumer;

/**
 * A sub-expression that several formulas compute identically, such as {@code (1+growth)^(C$1-1)}
 * repeated down a column: computed once per block and read by every formula that uses it. The
 * compiler wraps every compound sub-expression in one and counts its users; one used once is
 * evaluated straight through, so its result stays a scratch column instead of a column of its own.
 */
final class SharedNode extends Node {

    final Node inner;
    private int users = 1;

    SharedNode(int slot, Node inner) {
        super(slot);
        this.inner = inner;
    }

    /** Records one more formula (or place in a formula) that reads this sub-expression. */
    void addUser() {
        users++;
    }

    /** Whether the value is kept for several readers (else it is computed where it is read). */
    boolean memoized() {
        return users > 1;
    }

    @Override
    public Column evaluate(BlockState s) {
        if (users == 1) {
            return inner.evaluate(s);
        }
        if (!s.isCurrent(slot)) {
            Column c = inner.evaluate(s);
            if (c.temporary) {
                s.keep(this, c); // the scratch column becomes this node's: no copy
            } else {
                s.keepCopy(this, c);
            }
            s.markCurrent(slot);
        }
        return s.kept(this);
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(inner);
    }
}
