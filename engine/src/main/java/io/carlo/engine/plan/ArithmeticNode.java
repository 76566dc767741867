package io.carlo.engine.plan;

import io.carlo.engine.eval.Operators;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.function.Consumer;

/**
 * + - * / ^ over two columns. Errors travel as NaN payloads; the left operand's error wins, as
 * in Excel. Addition and subtraction use the same near-zero snapping as the scalar evaluator, so
 * both give bit-identical results. An operand no input reaches (a folded lookup, a literal) is read
 * as one number instead of a column of copies: the same arithmetic, one memory stream less.
 */
final class ArithmeticNode extends Node {

    private static final double DIV0 = ErrorBits.of(ExcelError.DIV0);

    final BinaryOp op;
    final Node left;
    final Node right;
    /** Which operand is a constant read as a number (at most one: two constants were folded). */
    private final Side constantSide;
    private final double constant;

    private enum Side { NONE, LEFT, RIGHT }

    ArithmeticNode(int slot, BinaryOp op, Node left, Node right) {
        super(slot);
        this.op = op;
        this.left = left;
        this.right = right;
        if (right instanceof ConstantNode k && !(left instanceof ConstantNode)) {
            constantSide = Side.RIGHT;
            constant = k.numericView();
        } else if (left instanceof ConstantNode k && !(right instanceof ConstantNode)) {
            constantSide = Side.LEFT;
            constant = k.numericView();
        } else {
            constantSide = Side.NONE;
            constant = 0;
        }
    }

    @Override
    public Column evaluate(BlockState s) {
        Column left = constantSide == Side.LEFT ? null : this.left.evaluate(s);
        Column right = constantSide == Side.RIGHT ? null : this.right.evaluate(s);
        Column out = s.temp();
        out.clearObjects();
        double[] r = out.num;
        int n = s.count();
        switch (constantSide) {
            case NONE -> columns(left.num, right.num, r, n);
            case RIGHT -> columnConstant(left.num, constant, r, n);
            case LEFT -> constantColumn(constant, right.num, r, n);
        }
        s.release(left);
        s.release(right);
        return out;
    }

    private void columns(double[] a, double[] b, double[] r, int n) {
        switch (op) {
            case ADD -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a[i] + b[i];
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a[i]));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a[i])) {
                            r[i] = ErrorBits.finite(Operators.add(a[i], b[i]));
                        }
                    }
                }
            }
            case SUBTRACT -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a[i] - b[i];
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a[i]));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a[i])) {
                            r[i] = ErrorBits.finite(Operators.add(a[i], -b[i]));
                        }
                    }
                }
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
                    r[i] = divided(a[i], b[i], r[i]);
                }
            }
            case POWER -> {
                for (int i = 0; i < n; i++) {
                    r[i] = power(a[i], b[i]);
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    private void columnConstant(double[] a, double b, double[] r, int n) {
        switch (op) {
            case ADD -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a[i] + b;
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a[i]));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a[i])) {
                            r[i] = ErrorBits.finite(Operators.add(a[i], b));
                        }
                    }
                }
            }
            case SUBTRACT -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a[i] - b;
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a[i]));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a[i])) {
                            r[i] = ErrorBits.finite(Operators.add(a[i], -b));
                        }
                    }
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] * b;
                }
                fixOverflow(r, n);
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] / b;
                }
                for (int i = 0; i < n; i++) {
                    r[i] = divided(a[i], b, r[i]);
                }
            }
            case POWER -> {
                for (int i = 0; i < n; i++) {
                    r[i] = power(a[i], b);
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    private void constantColumn(double a, double[] b, double[] r, int n) {
        switch (op) {
            case ADD -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a + b[i];
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a)) {
                            r[i] = ErrorBits.finite(Operators.add(a, b[i]));
                        }
                    }
                }
            }
            case SUBTRACT -> {
                double suspect = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    double x = a - b[i];
                    r[i] = x;
                    suspect = Math.max(suspect, suspicion(x, a));
                }
                if (!(suspect <= 0)) {
                    for (int i = 0; i < n; i++) {
                        if (needsFix(r[i], a)) {
                            r[i] = ErrorBits.finite(Operators.add(a, -b[i]));
                        }
                    }
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a * b[i];
                }
                fixOverflow(r, n);
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    r[i] = a / b[i];
                }
                for (int i = 0; i < n; i++) {
                    r[i] = divided(a, b[i], r[i]);
                }
            }
            case POWER -> {
                for (int i = 0; i < n; i++) {
                    r[i] = power(a, b[i]);
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
    }

    /**
     * The plain loops above vectorize; this test finds the rare lanes where Excel's rules differ
     * from IEEE addition: a sum that cancels to a few ulps of its operands is 0 (as
     * {@link Operators#add} decides), and an overflow is #NUM!.
     */
    private static boolean needsFix(double sum, double a) {
        return Double.isInfinite(sum) || (sum != 0 && Math.abs(sum) <= Math.abs(a) * CANCELLATION);
    }

    /**
     * Positive (or NaN) for every lane {@link #needsFix} may hold, in one expression the sum's loop
     * can carry as a running maximum: |sum| below 2^-45 |a| (a strict test, so an exact 0 of two
     * zeros passes), or |sum| infinite. A lane it flags wrongly is only recomputed to the same
     * value; a block where no lane is flagged skips the per-lane pass. An error (NaN) in the block
     * makes the maximum NaN: that block takes the per-lane pass too.
     */
    private static double suspicion(double sum, double a) {
        double abs = Math.abs(sum);
        return Math.max(Math.abs(a) * SUSPECT - abs, abs - Double.MAX_VALUE);
    }

    private static final double SUSPECT = 0x1.0p-45;

    private static void fixOverflow(double[] r, int n) {
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(r[i])) {
                r[i] = ErrorBits.finite(r[i]);
            }
        }
    }

    /** a / b as Excel has it, given the IEEE quotient q: #DIV/0! for a zero divisor, #NUM! on overflow. */
    private static double divided(double a, double b, double q) {
        if (b == 0 && !Double.isNaN(a)) {
            return DIV0;
        }
        return Double.isInfinite(q) ? ErrorBits.finite(q) : q;
    }

    /** Above every result {@link Operators#add} snaps to 0 (its threshold is 2^-48 of the smaller operand). */
    private static final double CANCELLATION = 0x1.0p-46;

    private static double power(double x, double y) {
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return x + y;
        }
        if (x > 0) {
            return ErrorBits.finite(Math.pow(x, y)); // the usual case, without a scalar object per lane
        }
        Scalar v = Operators.power(x, y);
        return v instanceof NumberValue nv ? nv.value() : ErrorBits.of((ExcelError) v);
    }

    @Override
    void forEachChild(Consumer<Node> visit) {
        visit.accept(left);
        visit.accept(right);
    }
}
