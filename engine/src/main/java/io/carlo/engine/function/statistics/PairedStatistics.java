package io.carlo.engine.function.statistics;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import java.util.function.ToDoubleFunction;

/**
 * Statistics of paired data: correlation, covariance and the least-squares line of y on x
 * (CORREL, PEARSON, RSQ, SLOPE, INTERCEPT, STEYX, FORECAST, COVAR...). Their array arguments are
 * evaluated as arrays, so CORREL(A1:A9, B1:B9^2) works without array entry, as in Excel.
 */
final class PairedStatistics {

    private PairedStatistics() {
    }

    static void register(FunctionRegistry registry) {
        // the first argument is y for the regression functions, x for the symmetric ones
        paired(registry, "CORREL", PairedStatistics::correlation);
        paired(registry, "PEARSON", PairedStatistics::correlation);
        paired(registry, "RSQ", p -> {
            double r = correlation(p);
            return r * r;
        });
        paired(registry, "SLOPE", PairedStatistics::slope);
        paired(registry, "INTERCEPT", PairedStatistics::intercept);
        paired(registry, "STEYX", PairedStatistics::standardErrorOfEstimate);
        paired(registry, "COVAR", p -> covariance(p, false));
        paired(registry, "COVARIANCE.P", p -> covariance(p, false));
        paired(registry, "COVARIANCE.S", p -> covariance(p, true));

        for (String name : new String[] {"FORECAST", "FORECAST.LINEAR"}) {
            registry.function(name).args(3, 3).kinds(ArgKind.VALUE, ArgKind.ARRAY, ArgKind.ARRAY).body(args -> {
                double x = args.number(0);
                PairedSample p = PairedSample.of(args, 1, 2);
                return NumberValue.of(intercept(p) + slope(p) * x);
            });
        }
    }

    /** A function of two arrays, y first: the pairs are (x = second argument, y = first argument). */
    private static void paired(FunctionRegistry registry, String name, ToDoubleFunction<PairedSample> statistic) {
        registry.function(name).args(2, 2).kinds(ArgKind.ARRAY, ArgKind.ARRAY)
                .body(args -> NumberValue.of(statistic.applyAsDouble(PairedSample.of(args, 0, 1))));
    }

    private static double correlation(PairedSample p) {
        requireDivisor(p.size());
        double sxx = p.sxx();
        double syy = p.syy();
        requireDivisor(sxx * syy);
        return p.sxy() / Math.sqrt(sxx * syy);
    }

    private static double slope(PairedSample p) {
        requireDivisor(p.size());
        double sxx = p.sxx();
        requireDivisor(sxx);
        return p.sxy() / sxx;
    }

    private static double intercept(PairedSample p) {
        return p.meanY() - slope(p) * p.meanX();
    }

    /** STEYX: the standard error of the predicted y, with n-2 degrees of freedom. */
    private static double standardErrorOfEstimate(PairedSample p) {
        if (p.size() < 3) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double sxx = p.sxx();
        requireDivisor(sxx);
        double sxy = p.sxy();
        double residual = Math.max(0, p.syy() - sxy * sxy / sxx);
        return Math.sqrt(residual / (p.size() - 2));
    }

    private static double covariance(PairedSample p, boolean sample) {
        int divisor = sample ? p.size() - 1 : p.size();
        requireDivisor(divisor);
        return p.sxy() / divisor;
    }

    private static void requireDivisor(double d) {
        if (d <= 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
    }
}
