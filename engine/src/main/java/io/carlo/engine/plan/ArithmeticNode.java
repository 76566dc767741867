package io.carlo.engine.plan;

import io.carlo.engine.eval.Operators;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/**
 * + - * / ^ over two columns. Errors travel as NaN payloads; the left operand's error wins, as
 * in Excel. Addition and subtraction use the same near-zero snapping as the scalar evaluator, so
 * both give bit-identical results.
 */
final class ArithmeticNode extends Node {

    private static final double DIV0 = ErrorBits.of(ExcelError.DIV0);

    final BinaryOp op;
    final Node left;
    final Node right;

    ArithmeticNode(int slot, BinaryOp op, Node left, Node right) {
        super(slot);
        this.op = op;
        this.left = left;
        this.right = right;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column left = this.left.evaluate(s);
        Column right = this.right.evaluate(s);
        double[] a = left.num;
        double[] b = right.num;
        Column out = s.temp();
        out.clearObjects();
        double[] r = out.num;
        int n = s.count();
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] + b[i];
                }
                fixSums(a, b, r, n, 1);
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] - b[i];
                }
                fixSums(a, b, r, n, -1);
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] * b[i];
                }
                fixOverflow(r, n);
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] / b[i];
                }
                for (int i = 0; i < n; i++) {
                    if (b[i] == 0 && !Double.isNaN(a[i])) {
                        r[i] = DIV0;
                    } else if (Double.isInfinite(r[i])) {
                        r[i] = ErrorBits.finite(r[i]);
                    }
                }
            }
            case POWER -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    r[i] = Double.isNaN(x) || Double.isNaN(y) ? x + y : power(x, y);
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
        s.release(left);
        s.release(right);
        return out;
    }

    /**
     * The plain loops above vectorize; this pass repairs the rare lanes where Excel's rules differ
     * from IEEE arithmetic: a sum that cancels to a few ulps of its operands is 0 (as
     * {@link Operators#add} decides), and an overflow is #NUM!.
     */
    private static void fixSums(double[] a, double[] b, double[] r, int n, int sign) {
        for (int i = 0; i < n; i++) {
            double x = r[i];
            if (Double.isInfinite(x) || (x != 0 && Math.abs(x) <= Math.abs(a[i]) * CANCELLATION)) {
                r[i] = ErrorBits.finite(Operators.add(a[i], sign * b[i]));
            }
        }
    }

    private static void fixOverflow(double[] r, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(r[i])) {
                r[i] = ErrorBits.finite(r[i]);
            }
        }
    }

    /** Above every result {@link Operators#add} snaps to 0 (its threshold is 2^-48 of the smaller operand). */
    private static final double CANCELLATION = 0x1.0p-46;

    private static double power(double x, double y) {
        if (x > 0) {
            return ErrorBits.finite(Math.pow(x, y)); // the usual case, without a scalar object per lane
        }
        Scalar v = Operators.power(x, y);
        return v instanceof NumberValue nv ? nv.value() : ErrorBits.of((ExcelError) v);
    }
}
