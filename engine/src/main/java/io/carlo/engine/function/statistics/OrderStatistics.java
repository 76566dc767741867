package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Statistics that depend on the order of the data: MEDIAN, MODE, LARGE/SMALL, percentiles, quartiles, TRIMMEAN. */
final class OrderStatistics {

    private OrderStatistics() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("MEDIAN").args(1, SampleFunctions.MAX_ARGS).kinds(ArgKind.RANGE)
                .body(args -> NumberValue.of(sample(args).median()));

        // MODE takes its arguments as arrays: MODE(A1:A9*2) works without array entry
        for (String name : new String[] {"MODE", "MODE.SNGL"}) {
            registry.function(name).args(1, SampleFunctions.MAX_ARGS).kinds(ArgKind.ARRAY)
                    .body(args -> NumberValue.of(modes(NumberCollector.collect(args)).get(0)));
        }
        registry.function("MODE.MULT").args(1, SampleFunctions.MAX_ARGS).kinds(ArgKind.ARRAY)
                .body(args -> column(modes(NumberCollector.collect(args))));

        registry.function("LARGE").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(kth(args, true)));
        registry.function("SMALL").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(kth(args, false)));

        registry.function("PERCENTILE").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(firstArgument(args).percentileInclusive(args.number(1))));
        registry.function("PERCENTILE.INC").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(firstArgument(args).percentileInclusive(args.number(1))));
        registry.function("PERCENTILE.EXC").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(firstArgument(args).percentileExclusive(args.number(1))));

        registry.function("QUARTILE").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(quartileInclusive(args)));
        registry.function("QUARTILE.INC").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(quartileInclusive(args)));
        registry.function("QUARTILE.EXC").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> {
                    int quart = quart(args);
                    // the minimum and maximum (quart 0 and 4) do not exist in the exclusive method
                    if (quart <= 0 || quart >= 4) {
                        throw ErrorSignal.of(ExcelError.NUM);
                    }
                    return NumberValue.of(firstArgument(args).percentileExclusive(quart / 4.0));
                });

        registry.function("TRIMMEAN").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE).body(args -> {
            SortedSample s = firstArgument(args);
            double percent = args.number(1);
            if (percent < 0 || percent >= 1) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            // Excel trims the same count at both ends: n*percent rounded down to an even number
            int trimEachEnd = (int) ApproximateMath.floor(s.size() * percent / 2);
            return NumberValue.of(s.trimmedMean(trimEachEnd));
        });
    }

    private static SortedSample sample(Arguments args) {
        return SortedSample.of(NumberCollector.collect(args));
    }

    private static SortedSample firstArgument(Arguments args) {
        NumberCollector c = new NumberCollector();
        c.addArgument(args, 0, NumberCollector.Mode.NUMBERS_ONLY);
        return SortedSample.of(c.toArray());
    }

    /** LARGE/SMALL: a fractional k is rounded up (LARGE(x,1.2) is the 2nd largest), as in Excel. */
    private static double kth(Arguments args, boolean fromTop) {
        SortedSample s = firstArgument(args);
        double k = Math.ceil(args.number(1));
        if (k < 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return s.kth((int) Math.min(k, Integer.MAX_VALUE), fromTop);
    }

    /** The quartile number 0..4, truncated: QUARTILE(x, 1.9) is the first quartile. */
    private static int quart(Arguments args) {
        double q = args.number(1);
        if (q < 0 || q >= 5) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        return (int) q;
    }

    private static double quartileInclusive(Arguments args) {
        return firstArgument(args).percentileInclusive(quart(args) / 4.0);
    }

    /**
     * The most frequent values, in the order of their first appearance (Excel's MODE returns the
     * first of several equally frequent values); #N/A when no value repeats.
     */
    static List<Double> modes(double[] values) {
        Map<Double, Integer> counts = new LinkedHashMap<>();
        for (double v : values) {
            counts.merge(v + 0.0, 1, Integer::sum); // + 0.0 folds -0.0 into 0.0
        }
        int best = 0;
        for (int c : counts.values()) {
            best = Math.max(best, c);
        }
        if (best < 2) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        List<Double> out = new ArrayList<>();
        for (Map.Entry<Double, Integer> e : counts.entrySet()) {
            if (e.getValue() == best) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static ArrayValue column(List<Double> values) {
        Scalar[] cells = new Scalar[values.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = NumberValue.of(values.get(i));
        }
        return ArrayValue.column(cells);
    }
}
