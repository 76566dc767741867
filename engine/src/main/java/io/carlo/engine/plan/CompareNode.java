package io.carlo.engine.plan;

import io.carlo.engine.eval.Operators;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.value.BooleanValue;

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
        Column out = s.own(this);
        int n = s.count();
        for (int i = 0; i < n; i++) {
            if (a.isObject(i) || b.isObject(i)) {
                out.set(i, Operators.binary(op, a.scalar(i), b.scalar(i)));
                continue;
            }
            double x = a.num[i];
            double y = b.num[i];
            if (Double.isNaN(x) || Double.isNaN(y)) {
                out.set(i, ErrorBits.errorOf(Double.isNaN(x) ? x : y));
                continue;
            }
            int c = Operators.approxEqual(x, y) ? 0 : Double.compare(x, y);
            boolean r = switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                default -> c >= 0;
            };
            out.set(i, BooleanValue.of(r));
        }
        return out;
    }

}
