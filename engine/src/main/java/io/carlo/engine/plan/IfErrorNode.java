package io.carlo.engine.plan;

import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.function.Consumer;

/** IFERROR(value, alternative) and IFNA lane by lane; a blank result reads "" as in the library. */
final class IfErrorNode extends Node {

    final Node value;
    final Node alternative;
    final boolean onlyNa;

    IfErrorNode(int slot, Node value, Node alternative, boolean onlyNa) {
        super(slot);
        this.value = value;
        this.alternative = alternative;
        this.onlyNa = onlyNa;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column v = value.evaluate(s);
        Column alt = alternative.evaluate(s);
        Column out = s.temp();
        int n = s.count();
        if (v.obj == null && alt.obj == null && v.booleans == alt.booleans) {
            out.clearObjects();
            out.booleans = v.booleans;
            for (int i = 0; i < n; i++) {
                double x = v.num[i];
                out.num[i] = Double.isNaN(x) && (!onlyNa || ErrorBits.errorOf(x) == ExcelError.NA) ? alt.num[i] : x;
            }
            s.release(v);
            s.release(alt);
            return out;
        }
        out.reset();
        for (int i = 0; i < n; i++) {
            Scalar x = v.scalar(i);
            boolean caught = x instanceof ExcelError e && (!onlyNa || e == ExcelError.NA);
            Scalar r = caught ? alt.scalar(i) : x;
            out.set(i, r instanceof BlankValue ? TextValue.EMPTY : r);
        }
        s.release(v);
        s.release(alt);
        return out;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(value);
        visit.accept(alternative);
    }
}
