package io.carlo.engine.eval;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.sampling.Distributions;
import io.carlo.engine.sampling.RiskDistributionCall;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * What an @RISK distribution cell shows when no simulation runs, as in Excel with @RISK's
 * simulation off: the RiskStatic value when given, else the expected value of the distribution
 * (after its shift and truncation). Bad parameters show #NUM!, an unknown distribution #NAME?.
 */
final class RiskStaticValue {

    private RiskStaticValue() {
    }

    static Value of(Expr.Call call, CellContext c, Interpreter interpreter) {
        if (!Distributions.isKnown(call.name())) {
            return ExcelError.NAME;
        }
        try {
            RiskDistributionCall parsed = RiskDistributionCall.parse(call, a -> numbers(a, c, interpreter),
                    a -> text(a, c, interpreter));
            if (!Double.isNaN(parsed.staticValue())) {
                return NumberValue.of(parsed.staticValue());
            }
            Distribution d = parsed.distribution();
            return NumberValue.of(parsed.staticValue(d));
        } catch (ErrorSignal e) {
            return e.error();
        } catch (DistributionException e) {
            return ExcelError.NUM;
        }
    }

    private static double[] numbers(Expr e, CellContext c, Interpreter interpreter) {
        Value v = interpreter.evaluate(e, c.withArrayMode(true));
        Grid g = switch (v) {
            case ReferenceValue ref -> ArrayValue.copyOf(c.read(ref.first()));
            case ArrayValue a -> a;
            case Scalar s -> Grid.of(s);
        };
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < g.size(); i++) {
            Scalar s = g.get(i);
            if (s instanceof NumberValue n) {
                out.add(n.value());
            } else if (s instanceof ExcelError err) {
                throw ErrorSignal.of(err);
            } else if (g.size() == 1) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String text(Expr e, CellContext c, Interpreter interpreter) {
        Scalar s = Arguments.toScalar(interpreter.evaluate(e, c), c);
        return s instanceof TextValue t ? t.value() : s.toString();
    }
}
