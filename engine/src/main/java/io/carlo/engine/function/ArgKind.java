package io.carlo.engine.function;

/** How the evaluator hands an argument to a function. */
public enum ArgKind {
    /**
     * A single value. A range given here is reduced by implicit intersection in an ordinary formula;
     * in an array formula (or when the argument is an array) the function is applied element by
     * element and returns an array, as Excel does.
     */
    VALUE,
    /** A reference or array passed as it is (SUM's numbers, VLOOKUP's table, ROW's reference). */
    RANGE,
    /** Like RANGE, and the argument's expression is evaluated as an array formula (SUMPRODUCT). */
    ARRAY
}
