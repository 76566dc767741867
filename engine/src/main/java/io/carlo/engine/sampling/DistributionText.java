package io.carlo.engine.sampling;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.FormulaParser;
import io.carlo.engine.formula.FormulaSyntaxException;
import io.carlo.engine.formula.ParseContext;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * A distribution written on its own, outside any workbook: {@code Triangular(0.05, 0.1, 0.15)},
 * {@code RiskNormal(100, 10, RiskTruncate(80,))}, {@code Discrete({1,2,3},{0.2,0.5,0.3})}. Its
 * arguments are numbers, array constants and arithmetic on them; a cell reference needs the
 * workbook and is refused with a message that says so. Built exactly as a simulation builds it.
 */
public final class DistributionText {


    private DistributionText() {
    }

    /** @throws DistributionException naming what is wrong: the syntax, the name, a parameter */
    public static Distribution parse(String text) {
        if (text == null || text.isBlank()) {
            throw new DistributionException("write a distribution such as Normal(100, 10)");
        }
        String formula = text.strip();
        if (formula.startsWith("=")) {
            formula = formula.substring(1);
        }
        Expr e;
        try {
            e = FormulaParser.parse(formula, ParseContext.NO_WORKBOOK);
        } catch (FormulaSyntaxException ex) {
            throw new DistributionException("'" + text.strip() + "': " + ex.getMessage());
        }
        if (!(e instanceof Expr.Call call) || !(Distributions.isKnown(call.name()) || RiskCalls.isDistribution(call.name()))) {
            throw new DistributionException("'" + text.strip() + "' is not a distribution; write one such as Normal(100, 10)");
        }
        String name = call.name();
        return RiskDistributionCall.parse(call, a -> numbers(a, name), a -> text(a, name)).distribution();
    }

    private static double[] numbers(Expr e, String call) {
        if (e instanceof Expr.ArrayLiteral array) {
            List<Double> out = new ArrayList<>();
            for (int r = 0; r < array.value().rows(); r++) {
                for (int c = 0; c < array.value().cols(); c++) {
                    Scalar s = array.value().get(r, c);
                    if (!(s instanceof NumberValue n)) {
                        throw new DistributionException(call + ": the list holds " + s + ", not a number");
                    }
                    out.add(n.value());
                }
            }
            return out.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new double[] {number(e, call)};
    }

    private static double number(Expr e, String call) {
        return switch (e) {
            case Expr.NumberLiteral n -> n.value();
            case Expr.Unary u when u.op() == Expr.UnaryOp.NEGATE -> -number(u.operand(), call);
            case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> number(u.operand(), call);
            case Expr.Unary u when u.op() == Expr.UnaryOp.PERCENT -> number(u.operand(), call) / 100;
            case Expr.Binary b when b.op() == Expr.BinaryOp.ADD -> number(b.left(), call) + number(b.right(), call);
            case Expr.Binary b when b.op() == Expr.BinaryOp.SUBTRACT -> number(b.left(), call) - number(b.right(), call);
            case Expr.Binary b when b.op() == Expr.BinaryOp.MULTIPLY -> number(b.left(), call) * number(b.right(), call);
            case Expr.Binary b when b.op() == Expr.BinaryOp.DIVIDE -> number(b.left(), call) / number(b.right(), call);
            case Expr.Binary b when b.op() == Expr.BinaryOp.POWER -> Math.pow(number(b.left(), call), number(b.right(), call));
            case Expr.Missing m -> throw new DistributionException(call + ": an argument is missing");
            default -> throw new DistributionException(call + ": arguments must be numbers here"
                    + " (a cell reference or a name works only inside the workbook's own cells)");
        };
    }

    private static String text(Expr e, String call) {
        if (e instanceof Expr.TextLiteral t) {
            return t.value();
        }
        throw new DistributionException(call + ": a name must be text in quotes");
    }
}
