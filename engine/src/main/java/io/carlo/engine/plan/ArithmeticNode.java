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
        double[] a = left.evaluate(s).num;
        double[] b = right.evaluate(s).num;
        Column out = s.own(this);
        out.clearObjects();
        double[] r = out.num;
        int n = s.count();
        switch (op) {
            case ADD -> {
                for (int i = 0; i < n; i++) {
                    r[i] = ErrorBits.finite(Operators.add(a[i], b[i]));
                }
            }
            case SUBTRACT -> {
                for (int i = 0; i < n; i++) {
                    r[i] = ErrorBits.finite(Operators.add(a[i], -b[i]));
                }
            }
            case MULTIPLY -> {
                for (int i = 0; i < n; i++) {
                    r[i] = ErrorBits.finite(a[i] * b[i]);
                }
            }
            case DIVIDE -> {
                for (int i = 0; i < n; i++) {
                    double x = a[i];
                    double y = b[i];
                    r[i] = Double.isNaN(x) || Double.isNaN(y) ? x + y : y == 0 ? DIV0 : ErrorBits.finite(x / y);
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
        return out;
    }

    private static double power(double x, double y) {
        Scalar v = Operators.power(x, y);
        return v instanceof NumberValue nv ? nv.value() : ErrorBits.of((ExcelError) v);
    }
}
