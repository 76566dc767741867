package io.carlo.engine.workbook;

/**
 * The workbook's calculation options that change results.
 *
 * @param iterative     circular references are allowed and resolved by iteration
 * @param maxIterations iteration limit (Excel's default is 100)
 * @param maxChange     stop when no value changes by more than this (Excel's default is 0.001)
 */
public record CalculationSettings(boolean iterative, int maxIterations, double maxChange) {

    public static final CalculationSettings DEFAULT = new CalculationSettings(false, 100, 0.001);
}
