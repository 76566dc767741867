package io.carlo.engine.testing;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.FormulaParser;
import io.carlo.engine.formula.ParseContext;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/** Reads constants written as formula literals ({@code 3.5}, {@code "a"}, {@code TRUE}, {@code #N/A}) in test files. */
public final class Literals {


    private Literals() {
    }

    public static Scalar parse(String literal) {
        Expr e = FormulaParser.parse(literal.strip(), ParseContext.NO_WORKBOOK);
        return switch (e) {
            case Expr.NumberLiteral n -> NumberValue.of(n.value());
            case Expr.TextLiteral t -> new TextValue(t.value());
            case Expr.BooleanLiteral b -> BooleanValue.of(b.value());
            case Expr.ErrorLiteral err -> err.error();
            case Expr.ArrayLiteral a -> a.value().get(0, 0);
            default -> throw new IllegalArgumentException("not a literal: " + literal);
        };
    }

    /** Whether a computed value equals the expected one: numbers to a relative 1e-9, text exactly. */
    public static boolean matches(Scalar expected, Scalar actual) {
        if (expected instanceof NumberValue e && actual instanceof NumberValue a) {
            double x = e.value();
            double y = a.value();
            if (x == 0) {
                return Math.abs(y) < 1e-14;
            }
            return Math.abs(x - y) <= 1e-9 * Math.abs(x);
        }
        return expected.equals(actual);
    }

    /** A value as a literal, for messages. */
    public static String format(Scalar v) {
        if (v instanceof TextValue t) {
            return '"' + t.value().replace("\"", "\"\"") + '"';
        }
        if (v instanceof NumberValue n) {
            return Double.toString(n.value());
        }
        return String.valueOf(v);
    }

}
