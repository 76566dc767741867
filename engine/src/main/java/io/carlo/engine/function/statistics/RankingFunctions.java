package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;

/** RANK, RANK.EQ, RANK.AVG and the PERCENTRANK family: where a value stands within a sample. */
final class RankingFunctions {

    private RankingFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("RANK").args(2, 3).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(rank(args, false)));
        registry.function("RANK.EQ").args(2, 3).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(rank(args, false)));
        registry.function("RANK.AVG").args(2, 3).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(rank(args, true)));

        registry.function("PERCENTRANK").args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(percentRank(args, false)));
        registry.function("PERCENTRANK.INC").args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(percentRank(args, false)));
        registry.function("PERCENTRANK.EXC").args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> NumberValue.of(percentRank(args, true)));
    }

    /**
     * The 1-based position of the number among the numbers of ref: from the largest when order is 0
     * or omitted, from the smallest otherwise. Ties share the best rank (RANK.EQ) or the average of
     * the ranks they occupy (RANK.AVG). #N/A when the number is not in ref.
     */
    private static double rank(Arguments args, boolean averageTies) {
        double x = args.number(0);
        NumberCollector collector = new NumberCollector();
        for (Grid g : args.grids(1)) {
            collector.addGrid(g, NumberCollector.Mode.NUMBERS_ONLY);
        }
        boolean ascending = args.has(2) && args.number(2) != 0;
        int before = 0;
        int equal = 0;
        for (double v : collector.toArray()) {
            if (v == x) {
                equal++;
            } else if (ascending ? v < x : v > x) {
                before++;
            }
        }
        if (equal == 0) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        return averageTies ? before + (equal + 1) / 2.0 : before + 1;
    }

    /**
     * PERCENTRANK.INC ranks the smallest value 0 and the largest 1 (count below / (n-1));
     * PERCENTRANK.EXC ranks the i-th smallest i/(n+1). Between two sample values the rank is
     * interpolated; the result is truncated (not rounded) to the significance digits.
     */
    private static double percentRank(Arguments args, boolean exclusive) {
        NumberCollector collector = new NumberCollector();
        collector.addArgument(args, 0, NumberCollector.Mode.NUMBERS_ONLY);
        SortedSample s = SortedSample.of(collector.toArray());
        double x = args.number(1);
        // written empty, as in PERCENTRANK(a,x,), significance is 0: #NUM!
        int digits = args.has(2) ? args.integer(2) : 3;
        if (digits < 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        int n = s.size();
        if (n == 0) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        if (x < s.min() || x > s.max()) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        int below = 0;
        while (below < n && s.get(below) < x) {
            below++;
        }
        double position; // zero-based, fractional between two sample values
        if (s.get(below) == x) {
            position = below;
        } else {
            double lower = s.get(below - 1);
            double upper = s.get(below);
            position = below - 1 + (x - lower) / (upper - lower);
        }
        double rank;
        if (exclusive) {
            rank = (position + 1) / (n + 1);
        } else {
            rank = n == 1 ? 1 : position / (n - 1);
        }
        double scale = Math.pow(10, digits);
        return ApproximateMath.floor(rank * scale) / scale;
    }
}
