package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.function.NumberCollector.Mode;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import java.util.function.ToDoubleFunction;

/**
 * The statistics computed from one sample gathered from all arguments: AVERAGE, MAX, MIN, the
 * variance and standard-deviation family, GEOMEAN, HARMEAN, AVEDEV, DEVSQ, SKEW, KURT; plus the
 * "A" variants, which read text in ranges as 0 and booleans as 1/0 instead of skipping them.
 */
final class SampleFunctions {

    /** Excel's limit on the number of arguments of a function. */
    static final int MAX_ARGS = 255;

    private SampleFunctions() {
    }

    static void register(FunctionRegistry registry) {
        both(registry, "AVERAGE", "AVERAGEA", Moments::mean);
        // MAX and MIN of no numbers are 0, not an error
        both(registry, "MAX", "MAXA", x -> x.length == 0 ? 0 : max(x));
        both(registry, "MIN", "MINA", x -> x.length == 0 ? 0 : min(x));

        ToDoubleFunction<double[]> sampleVar = x -> Moments.variance(x, true);
        ToDoubleFunction<double[]> populationVar = x -> Moments.variance(x, false);
        ToDoubleFunction<double[]> sampleSd = x -> Math.sqrt(Moments.variance(x, true));
        ToDoubleFunction<double[]> populationSd = x -> Math.sqrt(Moments.variance(x, false));
        both(registry, "VAR", "VARA", sampleVar);
        both(registry, "VARP", "VARPA", populationVar);
        both(registry, "STDEV", "STDEVA", sampleSd);
        both(registry, "STDEVP", "STDEVPA", populationSd);
        numbers(registry, "VAR.S", sampleVar);
        numbers(registry, "VAR.P", populationVar);
        numbers(registry, "STDEV.S", sampleSd);
        numbers(registry, "STDEV.P", populationSd);

        numbers(registry, "GEOMEAN", Moments::geometricMean);
        numbers(registry, "HARMEAN", Moments::harmonicMean);
        numbers(registry, "AVEDEV", Moments::meanAbsoluteDeviation);
        numbers(registry, "DEVSQ", x -> {
            if (x.length == 0) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            return Moments.sumOfSquaredDeviations(x);
        });
        numbers(registry, "SKEW", Moments::sampleSkewness);
        numbers(registry, "SKEW.P", Moments::populationSkewness);
        numbers(registry, "KURT", Moments::excessKurtosis);

        registry.scalar("STANDARDIZE", 3, 3, args -> {
            double x = args.number(0);
            double mean = args.number(1);
            double sd = args.number(2);
            if (sd <= 0) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            return NumberValue.of((x - mean) / sd);
        });
    }

    /** Registers a statistic under its plain name (numbers only) and its "A" name (all values). */
    private static void both(FunctionRegistry registry, String name, String allValuesName,
                             ToDoubleFunction<double[]> statistic) {
        define(registry, name, Mode.NUMBERS_ONLY, statistic);
        define(registry, allValuesName, Mode.ALL_VALUES, statistic);
    }

    private static void numbers(FunctionRegistry registry, String name, ToDoubleFunction<double[]> statistic) {
        define(registry, name, Mode.NUMBERS_ONLY, statistic);
    }

    private static void define(FunctionRegistry registry, String name, Mode mode, ToDoubleFunction<double[]> statistic) {
        registry.function(name).args(1, MAX_ARGS).kinds(ArgKind.RANGE)
                .body(args -> NumberValue.of(statistic.applyAsDouble(NumberCollector.collect(args, 0, mode))));
    }

    static double max(double[] x) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            m = Math.max(m, v);
        }
        return m;
    }

    static double min(double[] x) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : x) {
            m = Math.min(m, v);
        }
        return m;
    }
}
