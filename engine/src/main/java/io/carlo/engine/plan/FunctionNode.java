package io.carlo.engine.plan;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionDef;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.Value;
import java.util.function.Consumer;

/**
 * A library function called lane by lane without the interpreter: arguments no input reaches are
 * evaluated once at compile time (a lookup table stays a reference into the constant cells), the
 * uncertain ones are columns. Used for functions without a dedicated kernel whose uncertain
 * arguments are single values: VLOOKUP(uncertain key, constant table, ...), NORM.INV(p, ...).
 */
final class FunctionNode extends Node {

    final FunctionDef function;
    /** Per argument: the constant value, or null where {@link #lanes} has the column. */
    final Value[] constants;
    final Node[] lanes;
    final boolean[] omitted;
    final CellContext context;

    FunctionNode(int slot, FunctionDef function, Value[] constants, Node[] lanes, boolean[] omitted,
                 CellContext context) {
        super(slot);
        this.function = function;
        this.constants = constants;
        this.lanes = lanes;
        this.omitted = omitted;
        this.context = context;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column[] columns = new Column[lanes.length];
        for (int a = 0; a < lanes.length; a++) {
            if (lanes[a] != null) {
                columns[a] = lanes[a].evaluate(s);
            }
        }
        Column out = s.temp();
        out.reset();
        int n = s.count();
        for (int i = 0; i < n; i++) {
            Value[] args = constants.clone();
            for (int a = 0; a < columns.length; a++) {
                if (columns[a] != null) {
                    args[a] = columns[a].scalar(i);
                }
            }
            Value v;
            try {
                v = function.body().apply(new Arguments(args, omitted, context));
            } catch (ErrorSignal e) {
                v = e.error();
            }
            out.set(i, v == null ? BlankValue.BLANK : Arguments.toScalar(v, context));
        }
        for (Column c : columns) {
            s.release(c);
        }
        return out;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        for (Node n : lanes) {
            if (n != null) {
                visit.accept(n);
            }
        }
    }
}
