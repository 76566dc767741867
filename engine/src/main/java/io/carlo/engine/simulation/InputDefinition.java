package io.carlo.engine.simulation;

import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.workbook.CellAddress;

/**
 * One uncertain input of a model.
 *
 * @param cell         the cell the input lives in
 * @param label        how reports name it: RiskName's name, or the cell
 * @param distribution what it is sampled from (truncation and shift included)
 * @param callOrdinal  for a distribution written inside a formula ({@code =RiskNormal(100,10)*B2}),
 *                     which distribution call of the cell's formula it is (0 for the first, in
 *                     reading order); -1 when the whole cell is the input (given on the command line)
 * @param text         the distribution as the user wrote it, e.g. {@code Triangular(0.05,0.1,0.15)}
 * @param baseValue    the value outside a simulation: the cell's own value for a whole-cell input,
 *                     RiskStatic's value or the distribution's mean for a distribution in a formula
 */
public record InputDefinition(CellAddress cell, String label, Distribution distribution, int callOrdinal,
                              String text, double baseValue) {

    public boolean replacesCell() {
        return callOrdinal < 0;
    }
}
