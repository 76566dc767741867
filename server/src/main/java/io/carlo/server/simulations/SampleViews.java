package io.carlo.server.simulations;

import io.carlo.engine.stats.Histogram;
import io.carlo.engine.stats.Statistics;
import io.carlo.server.api.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Views of a completed simulation's stored samples that the results JSON does not hold: an
 * output's histogram with any number of bins, and output-against-input points for a scatter chart.
 * A chart asks again at every move of its slider, so the samples of the last few simulations read
 * are kept (when they are small).
 */
@Component
public class SampleViews {

    public static final int MAX_BINS = 500;
    public static final int MAX_POINTS = 20_000;
    private static final int CACHED_SIMULATIONS = 4;
    private static final long CACHEABLE_VALUES = 8_000_000; // 64 MB of doubles

    /**
     * @param output the output's cell, as in the results
     * @param errors iterations whose value was an Excel error, left out of the counts
     */
    public record HistogramView(String output, int bins, List<Double> edges, List<Long> counts, long errors) {
    }

    /**
     * Points of one output against one input, at iterations evenly spaced through the run (a
     * deterministic subsample: the same request gives the same points).
     *
     * @param iterations the run's iterations
     * @param x          the input's values; {@code y} the output's at the same iterations
     */
    public record ScatterView(String output, String input, long iterations, int points, List<Double> x, List<Double> y) {
    }

    private final Map<UUID, ResultStore.StoredSamples> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, ResultStore.StoredSamples> eldest) {
            return size() > CACHED_SIMULATIONS;
        }
    };

    /** @param load reads the samples (checked for organization and state by the caller) */
    public HistogramView histogram(UUID simulation, Supplier<ResultStore.StoredSamples> load, String output, int bins) {
        if (bins < 1 || bins > MAX_BINS) {
            throw ApiException.badRequest("bins must be between 1 and " + MAX_BINS + ", got " + bins);
        }
        ResultStore.StoredSamples samples = samples(simulation, load);
        int j = outputIndex(samples, output);
        double[] values = samples.output(j);
        long errors = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                errors++;
            }
        }
        Histogram h = Statistics.histogram(values, bins);
        return new HistogramView(samples.manifest().outputs().get(j).cell(), h.counts().size(), h.edges(), h.counts(),
                errors);
    }

    public ScatterView scatter(UUID simulation, Supplier<ResultStore.StoredSamples> load, String output, String input,
                               int limit) {
        if (limit < 1 || limit > MAX_POINTS) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_POINTS + ", got " + limit);
        }
        ResultStore.StoredSamples samples = samples(simulation, load);
        int j = outputIndex(samples, output);
        int i = inputIndex(samples, input);
        double[] xs = samples.input(i);
        double[] ys = samples.output(j);
        int n = ys.length;
        int take = Math.min(limit, n);
        List<Double> x = new ArrayList<>(take);
        List<Double> y = new ArrayList<>(take);
        for (int k = 0; k < take; k++) {
            int iteration = (int) ((long) k * n / take);
            if (Double.isFinite(xs[iteration]) && Double.isFinite(ys[iteration])) {
                x.add(xs[iteration]);
                y.add(ys[iteration]);
            }
        }
        return new ScatterView(samples.manifest().outputs().get(j).cell(), samples.manifest().inputs().get(i).cell(), n,
                x.size(), x, y);
    }

    private ResultStore.StoredSamples samples(UUID simulation, Supplier<ResultStore.StoredSamples> load) {
        synchronized (cache) {
            ResultStore.StoredSamples cached = cache.get(simulation);
            if (cached != null) {
                return cached;
            }
        }
        ResultStore.StoredSamples loaded = load.get();
        long values = 0;
        for (double[] column : loaded.columns()) {
            values += column.length;
        }
        if (values <= CACHEABLE_VALUES) {
            synchronized (cache) {
                cache.put(simulation, loaded);
            }
        }
        return loaded;
    }

    /** Forgets a deleted simulation's samples. */
    public void evict(UUID simulation) {
        synchronized (cache) {
            cache.remove(simulation);
        }
    }

    /** An output by its cell or its name; the first one when none is named. */
    private static int outputIndex(ResultStore.StoredSamples s, String output) {
        return index(s.manifest().outputs(), output, "output");
    }

    private static int inputIndex(ResultStore.StoredSamples s, String input) {
        return index(s.manifest().inputs(), input, "input");
    }

    private static int index(List<ResultDocuments.Column> columns, String wanted, String what) {
        if (columns.isEmpty()) {
            throw ApiException.badRequest("the simulation has no " + what);
        }
        if (wanted == null || wanted.isBlank()) {
            return 0;
        }
        String w = wanted.strip().replace("$", "");
        for (int k = 0; k < columns.size(); k++) {
            ResultDocuments.Column c = columns.get(k);
            if (w.equalsIgnoreCase(c.cell()) || (c.name() != null && w.equalsIgnoreCase(c.name()))) {
                return k;
            }
        }
        // a cell without its sheet, when only one column has it
        int found = -1;
        for (int k = 0; k < columns.size() && !w.contains("!"); k++) {
            String cell = columns.get(k).cell();
            if (w.equalsIgnoreCase(cell.substring(cell.lastIndexOf('!') + 1))) {
                if (found >= 0) {
                    throw ApiException.badRequest("'" + w + "' is in several sheets; name the sheet, e.g. "
                            + columns.get(k).cell());
                }
                found = k;
            }
        }
        if (found >= 0) {
            return found;
        }
        throw ApiException.badRequest("the simulation has no " + what + " '" + w + "'; its " + what + "s are "
                + String.join(", ", columns.stream().map(ResultDocuments.Column::cell).toList()));
    }
}
