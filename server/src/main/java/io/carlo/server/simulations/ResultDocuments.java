package io.carlo.server.simulations;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.stats.Convergence;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.stats.SummaryStatistics;
import java.util.List;
import java.util.UUID;

/** The JSON shapes a completed simulation is kept in: its results for reading, its manifest for rebuilding them. */
public final class ResultDocuments {

    private ResultDocuments() {
    }

    /**
     * What {@code GET /simulations/{id}/results} answers: per output its statistics (moments,
     * percentiles 1..99, histogram, CDF, targets, VaR/CVaR), its sensitivity to every input and its
     * convergence; per input its statistics; the correlations asked for and achieved.
     */
    public record Results(UUID simulationId, String workbook, long iterations, long seed, String sampling, int threads,
                          SimulationResult.Timings timings, List<OutputSummary> outputs, List<InputSummary> inputs,
                          SimulationResult.CorrelationReport correlation) {

        static Results of(UUID id, SimulationResult r) {
            return new Results(id, r.workbook(), r.iterations(), r.seed(), r.sampling(), r.threads(), r.timings(),
                    r.outputs().stream().map(o -> new OutputSummary(o.cell(), o.name(), o.statistics(), o.sensitivity(),
                            o.convergence())).toList(),
                    r.inputs().stream().map(i -> new InputSummary(i.cell(), i.name(), i.distribution(), i.statistics()))
                            .toList(),
                    r.correlation());
        }
    }

    public record OutputSummary(String cell, String name, SummaryStatistics statistics, List<Sensitivity> sensitivity,
                                Convergence convergence) {
    }

    public record InputSummary(String cell, String name, String distribution, SummaryStatistics statistics) {
    }

    /**
     * Everything besides the samples needed to rebuild the full result (for the CSV and the Excel
     * report): the samples file holds the inputs' columns, then the outputs', in this order.
     */
    public record Manifest(String workbook, long seed, String sampling, int threads, SimulationResult.Timings timings,
                           List<Column> inputs, List<Column> outputs, SimulationResult.CorrelationReport correlation,
                           StatisticsOptions statistics) {
    }

    /** @param distribution an input's distribution as written; null for an output */
    public record Column(String cell, String name, String distribution) {
    }
}
