package io.carlo.engine.plan;

import io.carlo.engine.eval.Operators;
import io.carlo.engine.formula.Expr.BinaryOp;
import java.util.function.Consumer;

/**
 * = &lt;&gt; &lt; &lt;= &gt; &gt;= over two columns. Numbers compare in a tight loop; a lane holding text or a
 * boolean goes through the scalar operator, so Excel's ordering of types holds everywhere.
 */
final class CompareNode extends Node {

    final BinaryOp op;
    final Node left;
    final Node right;

    CompareNode(int slot, BinaryOp op, Node left, Node right) {
        super(slot);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column a = left.evaluate(s);
        Column b = right.evaluate(s);
        Column out = s.temp();
        int n = s.count();
        // numbers against numbers, or booleans against booleans, compare as doubles
        if (a.obj == null && b.obj == null && a.booleans == b.booleans) {
            out.clearObjects();
            double[] x = a.num;
            double[] y = b.num;
            double[] r = out.num;
            for (int i = 0; i < n; i++) {
                double p = x[i];
                double q = y[i];
                if (Double.isNaN(p) || Double.isNaN(q)) {
                    r[i] = Double.isNaN(p) ? p : q;
                    continue;
                }
                int c = Operators.approxEqual(p, q) ? 0 : Double.compare(p, q);
                r[i] = test(c) ? 1 : 0;
            }
            out.booleans = true;
            out.bound(0, 1, a.noErrors && b.noErrors);
            s.release(a);
            s.release(b);
            return out;
        }
        out.reset();
        for (int i = 0; i < n; i++) {
            out.set(i, Operators.binary(op, a.scalar(i), b.scalar(i)));
        }
        s.release(a);
        s.release(b);
        return out;
    }

    private boolean test(int c) {
        return switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            default -> c >= 0;
        };
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(left);
        visit.accept(right);
    }
}
