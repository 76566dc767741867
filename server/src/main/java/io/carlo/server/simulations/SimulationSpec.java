package io.carlo.server.simulations;

import java.util.List;
import java.util.UUID;

/**
 * What a user asks to simulate: the same choices as {@code carlo run}. Without inputs and outputs,
 * the distributions and outputs the workbook declares (RiskNormal(...), RiskOutput()) are used.
 *
 * @param iterations        default 10,000
 * @param seed              default: chosen at random and kept, so that the run can be repeated
 * @param sampling          lhs (default), mc or sobol
 * @param correlationMethod iman-conover (default), gaussian or t:DF
 * @param targets           values for which P(output <= value) is reported
 * @param autoStop          when set, stop once every output's mean is known to +-this fraction (95%
 *                          confidence); needs mc sampling
 */
public record SimulationSpec(UUID workbookId, String name, List<Input> inputs, List<Output> outputs, Long iterations,
                             Long seed, String sampling, List<Correlation> correlations, String correlationMethod,
                             List<Double> targets, Double autoStop) {

    public SimulationSpec {
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        correlations = correlations == null ? List.of() : List.copyOf(correlations);
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** @param cell e.g. {@code 'Model'!B3}; @param distribution e.g. {@code Normal(100, 10)} */
    public record Input(String cell, String distribution) {
    }

    public record Output(String cell) {
    }

    /** A rank correlation between two inputs, given by their cells. */
    public record Correlation(String first, String second, double coefficient) {
    }

    /** The spec with its defaults filled in, as it is stored and run. */
    SimulationSpec resolved(long defaultIterations, long chosenSeed) {
        return new SimulationSpec(workbookId, name, inputs, outputs, iterations == null ? defaultIterations : iterations,
                seed == null ? chosenSeed : seed, sampling == null || sampling.isBlank() ? "lhs" : sampling.trim(),
                correlations, correlationMethod == null || correlationMethod.isBlank() ? "iman-conover"
                : correlationMethod.trim(), targets, autoStop);
    }
}
