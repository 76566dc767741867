package io.carlo.engine.plan;

import io.carlo.engine.function.financial.CashFlowFunctions;
import io.carlo.engine.value.ErrorSignal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * NPV and IRR with their flows gathered lane by lane from the plan's columns (no scalar objects),
 * then computed by the library's own routines, so the numbers are the formula engine's.
 */
final class CashFlowNode extends Node {

    final boolean irr;
    final Node rateOrGuess;
    final List<AggregateNode.Part> parts;

    CashFlowNode(int slot, boolean irr, Node rateOrGuess, List<AggregateNode.Part> parts) {
        super(slot);
        this.irr = irr;
        this.rateOrGuess = rateOrGuess;
        this.parts = List.copyOf(parts);
    }

    @Override
    public Column evaluate(BlockState s) {
        Column rates = rateOrGuess.evaluate(s);
        double[] rate = rates.num;
        Column[] columns = new Column[parts.size()];
        for (int p = 0; p < columns.length; p++) {
            if (parts.get(p) instanceof AggregateNode.Typed t) {
                columns[p] = t.node().evaluate(s);
            } else if (parts.get(p) instanceof AggregateNode.RangeCell r) {
                columns[p] = r.node().evaluate(s);
            }
        }
        Column out = s.temp();
        out.clearObjects();
        double[] flows = new double[parts.size()];
        CashFlowFunctions.IrrSolver solver = irr ? new CashFlowFunctions.IrrSolver() : null;
        int n = s.count();
        lanes:
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int p = 0; p < columns.length; p++) {
                double v;
                switch (parts.get(p)) {
                    case AggregateNode.RangeConstant k -> v = k.value();
                    case AggregateNode.RangeCell r -> {
                        if (columns[p].isObject(i)) {
                            continue;
                        }
                        v = columns[p].num[i];
                    }
                    case AggregateNode.Typed t -> v = columns[p].num[i];
                }
                if (Double.isNaN(v)) {
                    out.num[i] = v;
                    continue lanes;
                }
                flows[count++] = v;
            }
            double r = rate[i];
            if (Double.isNaN(r)) {
                out.num[i] = r;
                continue;
            }
            double[] values = count == flows.length ? flows : Arrays.copyOf(flows, count);
            try {
                out.num[i] = ErrorBits.finite(irr ? solver.solve(values, r)
                        : CashFlowFunctions.netPresentValue(r, values));
            } catch (ErrorSignal e) {
                out.num[i] = ErrorBits.of(e.error());
            }
        }
        s.release(rates);
        for (Column c : columns) {
            s.release(c);
        }
        return out;
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(rateOrGuess);
        AggregateNode.visitParts(parts, visit);
    }
}
