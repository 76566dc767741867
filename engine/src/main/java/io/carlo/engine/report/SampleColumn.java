package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.stats.SummaryStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * One column of per-iteration samples as the reports lay them out: every input, then every
 * output, in the result's order.
 *
 * @param cell       the cell the samples belong to, used as the column label
 * @param statistics the samples' statistics, used to pick a readable number format (may be null)
 * @param samples    one value per iteration, NaN for an Excel error
 */
record SampleColumn(String cell, SummaryStatistics statistics, double[] samples) {

    /**
     * The sample columns of a result, inputs first. Fails with a message naming the cell when a
     * column does not hold exactly one sample per iteration, since a report would otherwise
     * silently misalign iterations.
     */
    static List<SampleColumn> of(SimulationResult result) {
        List<SampleColumn> columns = new ArrayList<>();
        for (SimulationResult.InputResult input : result.inputs()) {
            columns.add(checked("input", input.cell(), input.statistics(), input.samples(), result.iterations()));
        }
        for (SimulationResult.OutputResult output : result.outputs()) {
            columns.add(checked("output", output.cell(), output.statistics(), output.samples(), result.iterations()));
        }
        return List.copyOf(columns);
    }

    private static SampleColumn checked(String kind, String cell, SummaryStatistics statistics, double[] samples,
                                        long iterations) {
        if (samples == null) {
            throw new IllegalArgumentException("the " + kind + " " + cell + " has no samples to report");
        }
        if (samples.length != iterations) {
            throw new IllegalArgumentException("the " + kind + " " + cell + " has " + samples.length
                    + " samples for " + iterations + " iterations");
        }
        return new SampleColumn(cell, statistics, samples);
    }
}
