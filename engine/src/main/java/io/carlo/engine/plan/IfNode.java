package io.carlo.engine.plan;

import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.Scalar;
import java.util.function.Consumer;

/**
 * IF(test, then, else) lane by lane, with the library's rules: text "TRUE"/"FALSE" counts, other
 * text is #VALUE!, a missing else is FALSE, a branch written empty is 0.
 */
final class IfNode extends Node {

    final Node test;
    final Node then;
    final Node otherwise;
    final Scalar thenConstant;
    final Scalar otherwiseConstant;

    /**
     * @param then      null when the branch is absent or written empty: {@code thenConstant} is used
     * @param otherwise null when the branch is absent or written empty: {@code otherwiseConstant} is used
     */
    IfNode(int slot, Node test, Node then, Scalar thenConstant, Node otherwise, Scalar otherwiseConstant) {
        super(slot);
        this.test = test;
        this.then = then;
        this.otherwise = otherwise;
        this.thenConstant = thenConstant;
        this.otherwiseConstant = otherwiseConstant;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column t = test.evaluate(s);
        Column a = then == null ? null : then.evaluate(s);
        Column b = otherwise == null ? null : otherwise.evaluate(s);
        Column out = s.temp();
        int n = s.count();
        // the common case: a numeric or boolean test choosing between two columns of the same kind
        boolean sameKind = a != null && b != null && a.obj == null && b.obj == null && a.booleans == b.booleans;
        if (sameKind && t.obj == null) {
            out.clearObjects();
            double[] tv = t.num;
            double[] av = a.num;
            double[] bv = b.num;
            double[] r = out.num;
            if (t.noErrors) {
                for (int i = 0; i < n; i++) {
                    r[i] = tv[i] != 0 ? av[i] : bv[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double c = tv[i];
                    r[i] = Double.isNaN(c) ? c : c != 0 ? av[i] : bv[i];
                }
            }
            out.booleans = a.booleans;
            out.bound(Math.min(a.low, b.low), Math.max(a.high, b.high), t.noErrors && a.noErrors && b.noErrors);
            releaseAll(s, t, a, b);
            return out;
        }
        out.reset();
        for (int i = 0; i < n; i++) {
            Boolean truth = truth(t, i, out);
            if (truth == null) {
                continue;
            }
            if (truth) {
                out.set(i, a == null ? thenConstant : a.scalar(i));
            } else {
                out.set(i, b == null ? otherwiseConstant : b.scalar(i));
            }
        }
        releaseAll(s, t, a, b);
        return out;
    }

    private static void releaseAll(BlockState s, Column... columns) {
        for (Column c : columns) {
            s.release(c);
        }
    }

    /** The lane's test as a boolean, or null after writing its error into {@code out}. */
    private static Boolean truth(Column t, int i, Column out) {
        if (t.obj != null && t.obj[i] != null) {
            try {
                return Coerce.toBoolean(t.obj[i]);
            } catch (ErrorSignal e) {
                out.set(i, e.error());
                return null;
            }
        }
        double c = t.num[i];
        if (Double.isNaN(c)) {
            out.set(i, ErrorBits.errorOf(c));
            return null;
        }
        return c != 0;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(test);
        if (then != null) {
            visit.accept(then);
        }
        if (otherwise != null) {
            visit.accept(otherwise);
        }
    }
}
