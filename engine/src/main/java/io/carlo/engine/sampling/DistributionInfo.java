package io.carlo.engine.sampling;

import java.util.List;

/**
 * One distribution of the catalogue as a user choosing it sees it.
 *
 * @param name       canonical name, e.g. {@code Triangular}
 * @param aliases    other names it answers to (@RISK's spellings), e.g. {@code Triang}
 * @param parameters parameter names in order, @RISK's; a list parameter is written {@code {values}}
 * @param required   how many of the parameters must be given (the rest are optional, at the end)
 * @param family     continuous, discrete or empirical (given by values and probabilities)
 * @param defaults   example values of the required parameters, as written in a formula
 *                   ({@code 100}, {@code {1,2,3}}): a valid distribution to start from
 */
public record DistributionInfo(String name, List<String> aliases, List<String> parameters, int required,
                               String family, List<String> defaults) {

    public DistributionInfo {
        aliases = List.copyOf(aliases);
        parameters = List.copyOf(parameters);
        defaults = List.copyOf(defaults);
    }

    /** The example as a call, e.g. {@code Triangular(80, 100, 130)}. */
    public String example() {
        return name + "(" + String.join(", ", defaults) + ")";
    }
}
