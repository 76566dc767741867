package io.carlo.engine.plan;

import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.Arrays;

/** A value no uncertain input reaches, folded at compile time and broadcast to every lane. */
final class ConstantNode extends Node {

    final Scalar value;

    ConstantNode(int slot, Scalar value) {
        super(slot);
        this.value = value;
    }

    /** The constant as arithmetic reads it (booleans 1/0, blank 0, text coerced, an error as its NaN). */
    double numericView() {
        return Column.numericView(value);
    }

    @Override
    public Column evaluate(BlockState s) {
        Column c = s.own(this);
        if (!s.constantFilled[slot]) {
            c.reset();
            if (value instanceof BooleanValue b) {
                Arrays.fill(c.num, b.value() ? 1 : 0);
                c.booleans = true;
            } else {
                for (int i = 0; i < c.num.length; i++) {
                    c.set(i, value);
                }
            }
            double v = numericView();
            if (Double.isFinite(v) && (value instanceof NumberValue || value instanceof BooleanValue)) {
                c.bound(v, v, true);
            }
            s.constantFilled[slot] = true;
        }
        return c;
    }
}
