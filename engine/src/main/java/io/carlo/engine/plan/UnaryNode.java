package io.carlo.engine.plan;

import java.util.function.Consumer;

/** Negation and percent of a column. */
final class UnaryNode extends Node {

    final boolean percent;
    final Node operand;

    UnaryNode(int slot, boolean percent, Node operand) {
        super(slot);
        this.percent = percent;
        this.operand = operand;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column in = operand.evaluate(s);
        double[] a = in.num;
        Column out = s.temp();
        out.clearObjects();
        double[] r = out.num;
        int n = s.count();
        if (percent) {
            for (int i = 0; i < n; i++) {
                r[i] = a[i] / 100;
            }
            out.bound(in.low / 100, in.high / 100, in.noErrors);
        } else {
            for (int i = 0; i < n; i++) {
                r[i] = a[i] == 0 ? 0 : -a[i];
            }
            out.bound(-in.high, -in.low, in.noErrors);
        }
        s.release(in);
        return out;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(operand);
    }
}
