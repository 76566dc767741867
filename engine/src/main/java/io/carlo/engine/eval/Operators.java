package io.carlo.engine.eval;

import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/** Excel's arithmetic, text and comparison operators on single values. */
public final class Operators {

    /**
     * Relative difference under which two doubles count as equal, and under which a sum of opposite
     * values counts as zero: spreadsheets hide the last bits of binary floating point this way, so
     * that 0.1+0.2 = 0.3 is TRUE and 0.3-0.2-0.1 is 0.
     */
    private static final double APPROX = 1.0 / (16777216.0 * 16777216.0);

    private Operators() {
    }

    public static Scalar binary(BinaryOp op, Scalar a, Scalar b) {
        try {
            return switch (op) {
                case ADD -> NumberValue.of(add(Coerce.toNumber(a), Coerce.toNumber(b)));
                case SUBTRACT -> NumberValue.of(add(Coerce.toNumber(a), -Coerce.toNumber(b)));
                case MULTIPLY -> NumberValue.of(Coerce.toNumber(a) * Coerce.toNumber(b));
                case DIVIDE -> divide(Coerce.toNumber(a), Coerce.toNumber(b));
                case POWER -> power(Coerce.toNumber(a), Coerce.toNumber(b));
                case CONCAT -> concat(a, b);
                case EQ, NE, LT, LE, GT, GE -> compare(op, a, b);
                default -> ExcelError.VALUE;
            };
        } catch (ErrorSignal e) {
            return e.error();
        }
    }

    public static double add(double a, double b) {
        double sum = a + b;
        if (sum != 0 && (a > 0) != (b > 0) && approxEqual(a, -b)) {
            return 0;
        }
        return sum;
    }

    public static boolean approxEqual(double a, double b) {
        if (a == b) {
            return true;
        }
        if (a == 0 || b == 0 || (a > 0) != (b > 0)) {
            return false;
        }
        return Math.abs(a - b) < Math.min(Math.abs(a), Math.abs(b)) * APPROX;
    }

    private static Scalar divide(double a, double b) {
        if (b == 0) {
            return ExcelError.DIV0;
        }
        return NumberValue.of(a / b);
    }

    public static Scalar power(double base, double exp) {
        if (base == 0 && exp == 0) {
            return ExcelError.NUM;
        }
        if (base == 0 && exp < 0) {
            return ExcelError.DIV0;
        }
        double r = Math.pow(base, exp);
        if (Double.isNaN(r) && base < 0) {
            // a negative base with an odd root exponent such as 1/3 is real in Excel
            double inverse = 1 / exp;
            if (Math.abs(inverse - Math.rint(inverse)) < 1e-9 && ((long) Math.rint(inverse)) % 2 != 0) {
                return NumberValue.of(-Math.pow(-base, exp));
            }
        }
        return NumberValue.of(r);
    }

    private static Scalar concat(Scalar a, Scalar b) {
        Coerce.check(a);
        Coerce.check(b);
        String s = Coerce.toText(a) + Coerce.toText(b);
        return s.length() > 32767 ? ExcelError.VALUE : new TextValue(s);
    }

    private static Scalar compare(BinaryOp op, Scalar a, Scalar b) {
        Coerce.check(a);
        Coerce.check(b);
        int c;
        if (a instanceof NumberValue x && b instanceof NumberValue y) {
            c = approxEqual(x.value(), y.value()) ? 0 : Double.compare(x.value(), y.value());
        } else {
            c = Coerce.compare(a, b);
        }
        boolean r = switch (op) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalArgumentException(op.name());
        };
        return BooleanValue.of(r);
    }

    public static Scalar negate(Scalar v) {
        try {
            return NumberValue.of(-Coerce.toNumber(v));
        } catch (ErrorSignal e) {
            return e.error();
        }
    }

    public static Scalar percent(Scalar v) {
        try {
            return NumberValue.of(Coerce.toNumber(v) / 100);
        } catch (ErrorSignal e) {
            return e.error();
        }
    }
}
