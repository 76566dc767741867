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
 *
 * <p>The plain loops vectorize; the lanes where Excel's rules differ from IEEE arithmetic (a sum
 * that cancels to a few ulps, an overflow, a zero divisor) are repaired by a second pass. The
 * operands' bounds ({@link Column#low}) often prove that no lane can need it: a product of two
 * bounded columns that cannot overflow, a sum bounded away from zero. Then the pass is skipped.
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
        boolean constantKnown = !Double.isNaN(constant);
        double la = left != null ? left.low : constantKnown ? constant : Double.NEGATIVE_INFINITY;
        double ha = left != null ? left.high : constantKnown ? constant : Double.POSITIVE_INFINITY;
        boolean ea = left != null ? left.noErrors : constantKnown;
        double lb = right != null ? right.low : constantKnown ? constant : Double.NEGATIVE_INFINITY;
        double hb = right != null ? right.high : constantKnown ? constant : Double.POSITIVE_INFINITY;
        boolean eb = right != null ? right.noErrors : constantKnown;
        switch (op) {
            case ADD, SUBTRACT -> {
                boolean add = op == BinaryOp.ADD;
                double lo = add ? la + lb : la - hb;
                double hi = add ? ha + hb : ha - lb;
                boolean fast = awayFromZero(lo, hi, Math.max(Math.abs(la), Math.abs(ha)));
                boolean clean = switch (constantSide) {
                    case NONE -> sum(left.num, right.num, add, fast, r, n);
                    case RIGHT -> sum(left.num, constant, add, fast, r, n);
                    case LEFT -> sum(constant, right.num, add, fast, r, n);
                };
                if (fast) {
                    out.bound(lo, hi, ea && eb);
                } else if (clean) {
                    out.bound(lo, hi, true); // no lane flagged: none is an error, none was snapped to 0
                }
            }
            case MULTIPLY -> {
                double p1 = la * lb;
                double p2 = la * hb;
                double p3 = ha * lb;
                double p4 = ha * hb;
                double lo = Math.min(Math.min(p1, p2), Math.min(p3, p4));
                double hi = Math.max(Math.max(p1, p2), Math.max(p3, p4));
                switch (constantSide) {
                    case NONE -> multiply(left.num, right.num, r, n);
                    case RIGHT -> multiply(left.num, constant, r, n);
                    case LEFT -> multiply(constant, right.num, r, n);
                }
                // bounded operands whose bounds' products are finite cannot overflow
                boolean fast = Double.isFinite(lo) && Double.isFinite(hi);
                boolean overflow = !fast && fixOverflow(r, n);
                out.bound(lo, hi, ea && eb && !overflow);
            }
            case DIVIDE -> {
                switch (constantSide) {
                    case NONE -> divide(left.num, right.num, r, n);
                    case RIGHT -> divide(left.num, constant, r, n);
                    case LEFT -> divide(constant, right.num, r, n);
                }
                // a divisor bounded away from 0 with finite quotients of the bounds: no #DIV/0!, no overflow
                double q1 = la / lb;
                double q2 = la / hb;
                double q3 = ha / lb;
                double q4 = ha / hb;
                double lo = Math.min(Math.min(q1, q2), Math.min(q3, q4));
                double hi = Math.max(Math.max(q1, q2), Math.max(q3, q4));
                if ((lb > 0 || hb < 0) && Double.isFinite(lo) && Double.isFinite(hi)) {
                    out.bound(lo, hi, ea && eb);
                } else {
                    switch (constantSide) {
                        case NONE -> fixQuotients(left.num, right.num, r, n);
                        case RIGHT -> fixQuotients(left.num, constant, r, n);
                        case LEFT -> fixQuotients(constant, right.num, r, n);
                    }
                }
            }
            case POWER -> {
                switch (constantSide) {
                    case NONE -> {
                        double[] a = left.num;
                        double[] b = right.num;
                        for (int i = 0; i < n; i++) {
                            r[i] = power(a[i], b[i]);
                        }
                    }
                    case RIGHT -> {
                        double[] a = left.num;
                        for (int i = 0; i < n; i++) {
                            r[i] = power(a[i], constant);
                        }
                        if (la > 0 && constantKnown) {
                            // x^y with x > 0 is monotonic in x, and Math.pow is semi-monotonic
                            double p = Math.pow(la, constant);
                            double q = Math.pow(ha, constant);
                            double lo = Math.min(p, q);
                            double hi = Math.max(p, q);
                            out.bound(lo, hi, ea && Double.isFinite(lo) && Double.isFinite(hi));
                        }
                    }
                    case LEFT -> {
                        double[] b = right.num;
                        for (int i = 0; i < n; i++) {
                            r[i] = power(constant, b[i]);
                        }
                    }
                }
            }
            default -> throw new IllegalStateException(op.name());
        }
        s.release(left);
        s.release(right);
        return out;
    }

    /**
     * Whether bounds [lo, hi] of a sum prove that no lane needs {@link #needsFix}: finite, and every
     * value at least 2^-45 times the left operand's largest magnitude away from 0.
     */
    private static boolean awayFromZero(double lo, double hi, double leftMagnitude) {
        double nearest = lo > 0 ? lo : hi < 0 ? -hi : 0;
        return Double.isFinite(lo) && Double.isFinite(hi) && nearest > leftMagnitude * SUSPECT;
    }

    /** a + b or a - b; returns whether no lane needed (or may have needed) Excel's repair. */
    private static boolean sum(double[] a, double[] b, boolean add, boolean fast, double[] r, int n) {
        if (fast) {
            if (add) {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] + b[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] - b[i];
                }
            }
            return true;
        }
        double suspect = Double.NEGATIVE_INFINITY;
        if (add) {
            for (int i = 0; i < n; i++) {
                double x = a[i] + b[i];
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a[i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                double x = a[i] - b[i];
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a[i]));
            }
        }
        if (suspect <= 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (needsFix(r[i], a[i])) {
                r[i] = ErrorBits.finite(Operators.add(a[i], add ? b[i] : -b[i]));
            }
        }
        return false;
    }

    private static boolean sum(double[] a, double b, boolean add, boolean fast, double[] r, int n) {
        double c = add ? b : -b;
        if (fast) {
            if (add) {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] + b;
                }
            } else {
                for (int i = 0; i < n; i++) {
                    r[i] = a[i] - b;
                }
            }
            return true;
        }
        double suspect = Double.NEGATIVE_INFINITY;
        if (add) {
            for (int i = 0; i < n; i++) {
                double x = a[i] + b;
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a[i]));
            }
        } else {
            for (int i = 0; i < n; i++) {
                double x = a[i] - b;
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a[i]));
            }
        }
        if (suspect <= 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (needsFix(r[i], a[i])) {
                r[i] = ErrorBits.finite(Operators.add(a[i], c));
            }
        }
        return false;
    }

    private static boolean sum(double a, double[] b, boolean add, boolean fast, double[] r, int n) {
        if (fast) {
            if (add) {
                for (int i = 0; i < n; i++) {
                    r[i] = a + b[i];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    r[i] = a - b[i];
                }
            }
            return true;
        }
        double suspect = Double.NEGATIVE_INFINITY;
        if (add) {
            for (int i = 0; i < n; i++) {
                double x = a + b[i];
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a));
            }
        } else {
            for (int i = 0; i < n; i++) {
                double x = a - b[i];
                r[i] = x;
                suspect = Math.max(suspect, suspicion(x, a));
            }
        }
        if (suspect <= 0) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (needsFix(r[i], a)) {
                r[i] = ErrorBits.finite(Operators.add(a, add ? b[i] : -b[i]));
            }
        }
        return false;
    }

    private static void multiply(double[] a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a[i] * b[i];
        }
    }

    private static void multiply(double[] a, double b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a[i] * b;
        }
    }

    private static void multiply(double a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a * b[i];
        }
    }

    private static void divide(double[] a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a[i] / b[i];
        }
    }

    private static void divide(double[] a, double b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a[i] / b;
        }
    }

    private static void divide(double a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = a / b[i];
        }
    }

    private static void fixQuotients(double[] a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = divided(a[i], b[i], r[i]);
        }
    }

    private static void fixQuotients(double[] a, double b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = divided(a[i], b, r[i]);
        }
    }

    private static void fixQuotients(double a, double[] b, double[] r, int n) {
        for (int i = 0; i < n; i++) {
            r[i] = divided(a, b[i], r[i]);
        }
    }

    /**
     * The lanes where Excel's addition differs from IEEE's: a sum that cancels to a few ulps of its
     * operands is 0 (as {@link Operators#add} decides), and an overflow is #NUM!.
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

    /** Overflows become #NUM!; returns whether there was one. */
    private static boolean fixOverflow(double[] r, int n) {
        boolean found = false;
        for (int i = 0; i < n; i++) {
            if (Double.isInfinite(r[i])) {
                r[i] = ErrorBits.finite(r[i]);
                found = true;
            }
        }
        return found;
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
