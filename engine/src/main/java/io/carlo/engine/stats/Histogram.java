package io.carlo.engine.stats;

import java.util.List;

/**
 * Counts of values in consecutive bins: bin i covers [edges[i], edges[i+1]) and the last bin also
 * includes its upper edge.
 *
 * @param edges  bin edges, one more than the counts
 * @param counts values per bin
 */
public record Histogram(List<Double> edges, List<Long> counts) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException("a histogram needs one more edge than bins");
        }
    }
}
