package io.carlo.engine.simulation;

import io.carlo.engine.sampling.Distribution;
import java.util.List;

/** Makes distributions from their names and arguments, and applies @RISK's truncation and shift. */
public interface DistributionFactory {

    /**
     * @param name distribution name, with or without @RISK's "Risk" prefix
     * @param args arguments in order; a single number is a one-element array
     * @throws io.carlo.engine.sampling.DistributionException for an unknown name or bad parameters
     */
    Distribution create(String name, List<double[]> args);

    Distribution truncate(Distribution d, double lower, double upper);

    Distribution truncateByPercentile(Distribution d, double lowerPercentile, double upperPercentile);

    Distribution shift(Distribution d, double shift);
}
