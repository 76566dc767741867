package io.carlo.engine.plan;

import io.carlo.engine.function.math.DecimalRounding;
import io.carlo.engine.value.ExcelError;
import java.math.RoundingMode;
import java.util.function.Consumer;

/** Common one- and two-argument numeric functions as vector kernels, with the library's exact rules. */
final class MathNode extends Node {

    enum Function { ROUND, ROUNDUP, ROUNDDOWN, ABS, INT, SQRT, EXP, LN }

    final Function function;
    final Node x;
    final Node digits;

    MathNode(int slot, Function function, Node x, Node digits) {
        super(slot);
        this.function = function;
        this.x = x;
        this.digits = digits;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column xs = x.evaluate(s);
        Column ds = digits == null ? null : digits.evaluate(s);
        double[] a = xs.num;
        double[] d = ds == null ? null : ds.num;
        Column out = s.temp();
        out.clearObjects();
        double[] r = out.num;
        int n = s.count();
        for (int i = 0; i < n; i++) {
            double v = a[i];
            if (Double.isNaN(v)) {
                r[i] = v;
                continue;
            }
            if (d != null && Double.isNaN(d[i])) {
                r[i] = d[i];
                continue;
            }
            r[i] = switch (function) {
                case ROUND -> DecimalRounding.round(v, d[i], RoundingMode.HALF_UP);
                case ROUNDUP -> DecimalRounding.round(v, d[i], RoundingMode.UP);
                case ROUNDDOWN -> DecimalRounding.round(v, d[i], RoundingMode.DOWN);
                case ABS -> Math.abs(v);
                case INT -> Math.floor(v);
                case SQRT -> v < 0 ? ErrorBits.of(ExcelError.NUM) : Math.sqrt(v);
                case EXP -> ErrorBits.finite(Math.exp(v));
                case LN -> v <= 0 ? ErrorBits.of(ExcelError.NUM) : Math.log(v);
            };
        }
        s.release(xs);
        s.release(ds);
        return out;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(x);
        if (digits != null) {
            visit.accept(digits);
        }
    }
}
