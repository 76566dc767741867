package io.carlo.engine.plan;

import io.carlo.engine.eval.CellContext;
import io.carlo.engine.eval.Interpreter;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.formula.Expr;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;

/**
 * The slow but complete path: evaluates an expression lane by lane with the scalar interpreter
 * (text, lookups, array formulas, any function without a vector kernel). Results are exactly the
 * interpreter's, which the deterministic check relies on.
 */
final class GenericNode extends Node {

    /** How the expression's value becomes one lane's scalar. */
    enum Role { OPERAND, CELL, ARRAY_CELL }

    final Expr expr;
    final int sheet;
    final int row;
    final int col;
    final Role role;
    final int arrayRowOffset;
    final int arrayColOffset;
    final int cellOrdinal;

    GenericNode(int slot, Expr expr, int sheet, int row, int col, Role role, int arrayRowOffset, int arrayColOffset,
                int cellOrdinal) {
        super(slot);
        this.expr = expr;
        this.sheet = sheet;
        this.row = row;
        this.col = col;
        this.role = role;
        this.arrayRowOffset = arrayRowOffset;
        this.arrayColOffset = arrayColOffset;
        this.cellOrdinal = cellOrdinal;
    }

    @Override
    public Column evaluate(BlockState s) {
        Column out = s.temp();
        out.reset();
        LaneCells lanes = s.lanes;
        Interpreter interpreter = s.interpreter;
        int n = s.count();
        for (int i = 0; i < n; i++) {
            lanes.at(s, i, cellOrdinal);
            out.set(i, laneValue(interpreter, lanes));
        }
        return out;
    }

    private Scalar laneValue(Interpreter interpreter, LaneCells lanes) {
        CellContext c = CellContext.of(lanes, sheet, row, col, role == Role.ARRAY_CELL);
        Value v = interpreter.evaluate(expr, c);
        return switch (role) {
            case CELL -> WorkbookEvaluator.toCellValue(v, c);
            case ARRAY_CELL -> {
                Scalar x = Interpreter.element(WorkbookEvaluator.arrayGrid(v, lanes), arrayRowOffset, arrayColOffset);
                yield x instanceof BlankValue ? NumberValue.ZERO : x;
            }
            case OPERAND -> Arguments.toScalar(Interpreter.operand(v, c), c);
        };
    }
}
