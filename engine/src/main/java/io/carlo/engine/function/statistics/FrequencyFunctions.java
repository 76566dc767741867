package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.Arrays;

/** FREQUENCY (a histogram) and PROB (the probability of a range of a discrete distribution). */
final class FrequencyFunctions {

    /** How far the probabilities given to PROB may sum away from 1. */
    private static final double PROBABILITY_SUM_TOLERANCE = 1e-7;

    private FrequencyFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("FREQUENCY").args(2, 2).kinds(ArgKind.RANGE, ArgKind.RANGE)
                .body(args -> frequency(numbers(args, 0), numbers(args, 1)));
        registry.function("PROB").args(3, 4).kinds(ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.VALUE)
                .body(args -> NumberValue.of(probability(args)));
    }

    private static double[] numbers(Arguments args, int i) {
        NumberCollector c = new NumberCollector();
        for (Grid g : args.grids(i)) {
            c.addGrid(g, NumberCollector.Mode.NUMBERS_ONLY);
        }
        return c.toArray();
    }

    /**
     * One count per bin, in the bins' own order (they need not be sorted), of the data greater
     * than the next smaller bin and at most this bin; one more count at the end for the data above
     * every bin. A repeated bin value gets its counts at its first occurrence and 0 after.
     * The result is always a column.
     */
    static ArrayValue frequency(double[] data, double[] bins) {
        double[] sortedBins = bins.clone();
        Arrays.sort(sortedBins);
        long[] countsBySortedBin = new long[sortedBins.length + 1];
        for (double v : data) {
            countsBySortedBin[firstAtLeast(sortedBins, v)]++;
        }
        Scalar[] out = new Scalar[bins.length + 1];
        boolean[] taken = new boolean[sortedBins.length];
        for (int i = 0; i < bins.length; i++) {
            int slot = firstAtLeast(sortedBins, bins[i]);
            out[i] = NumberValue.of(taken[slot] ? 0 : countsBySortedBin[slot]);
            taken[slot] = true;
        }
        out[bins.length] = NumberValue.of(countsBySortedBin[sortedBins.length]);
        return ArrayValue.column(out);
    }

    /** Index of the first sorted value >= v, or the length when all are smaller. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * PROB: the total probability of the x values between the limits (just equal to lower when
     * upper is left out; an upper written empty is 0). Limits in the wrong order are swapped, as
     * LibreOffice does. Each probability must be above 0 (Excel documents a 0 probability as #NUM!)
     * and at most 1, and they must add up to 1.
     */
    private static double probability(Arguments args) {
        PairedSample p = PairedSample.of(args.grid(0), args.grid(1));
        double a = args.number(2);
        double b = args.has(3) ? args.number(3) : a;
        double lower = Math.min(a, b);
        double upper = Math.max(a, b);
        double total = 0;
        double inside = 0;
        for (int i = 0; i < p.size(); i++) {
            double x = p.xs()[i];
            double prob = p.ys()[i];
            if (prob <= 0 || prob > 1) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            total += prob;
            if (x >= lower && x <= upper) {
                inside += prob;
            }
        }
        if (Math.abs(total - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return inside;
    }
}
