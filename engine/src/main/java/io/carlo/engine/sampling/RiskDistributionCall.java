package io.carlo.engine.sampling;

import io.carlo.engine.formula.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A distribution call as written in a cell, {@code RiskNormal(100, 10, RiskTruncate(80,), RiskName("Price"))},
 * split into the distribution's own arguments and @RISK's property functions. The simulation turns
 * it into an input; the formula engine uses its static value when no simulation runs.
 *
 * @param staticValue the RiskStatic value, or NaN when none is given
 */
public record RiskDistributionCall(String name, List<double[]> args, String label, double truncateLow,
                                   double truncateHigh, double percentileLow, double percentileHigh, double shift,
                                   double staticValue) {

    /** Reads one argument expression's numbers (one number, or several for a range or array). */
    public interface ArgumentReader extends Function<Expr, double[]> {
    }

    /**
     * @param call   a call whose name {@link RiskCalls#isDistribution} accepts
     * @param reader evaluates an argument expression in the call's cell
     * @param text   evaluates a text argument (RiskName)
     */
    public static RiskDistributionCall parse(Expr.Call call, ArgumentReader reader, Function<Expr, String> text) {
        List<double[]> args = new ArrayList<>();
        String label = null;
        double low = Double.NEGATIVE_INFINITY;
        double high = Double.POSITIVE_INFINITY;
        double pLow = Double.NaN;
        double pHigh = Double.NaN;
        double shift = 0;
        double staticValue = Double.NaN;
        for (Expr a : call.args()) {
            if (!(a instanceof Expr.Call p) || !RiskCalls.isProperty(p.name())) {
                args.add(reader.apply(a));
                continue;
            }
            switch (p.name().toUpperCase(Locale.ROOT)) {
                case "RISKNAME" -> label = p.args().isEmpty() ? null : text.apply(p.args().get(0));
                case "RISKTRUNCATE" -> {
                    low = number(p, 0, reader, Double.NEGATIVE_INFINITY);
                    high = number(p, 1, reader, Double.POSITIVE_INFINITY);
                }
                case "RISKTRUNCATEP" -> {
                    pLow = number(p, 0, reader, 0);
                    pHigh = number(p, 1, reader, 1);
                }
                case "RISKSHIFT" -> shift = number(p, 0, reader, 0);
                case "RISKSTATIC" -> staticValue = number(p, 0, reader, Double.NaN);
                default -> {
                    // RiskSeed, RiskUnits, RiskCategory... do not change the samples
                }
            }
        }
        String name = call.name().toUpperCase(Locale.ROOT).startsWith("RISK") ? RiskCalls.distributionName(call.name())
                : call.name();
        return new RiskDistributionCall(name, args, label, low, high, pLow, pHigh,
                shift, staticValue);
    }

    private static double number(Expr.Call p, int i, ArgumentReader reader, double absent) {
        if (i >= p.args().size() || p.args().get(i) instanceof Expr.Missing) {
            return absent;
        }
        double[] v = reader.apply(p.args().get(i));
        if (v.length != 1) {
            throw new DistributionException(p.name() + " argument " + (i + 1) + " must be one number");
        }
        return v[0];
    }

    /** The distribution with shift, then truncation, applied as @RISK does. */
    public Distribution distribution() {
        Distribution d = Distributions.create(name, args);
        if (shift != 0) {
            d = Distributions.shift(d, shift);
        }
        if (!Double.isNaN(percentileLow) || !Double.isNaN(percentileHigh)) {
            d = Distributions.truncateByPercentile(d, Double.isNaN(percentileLow) ? 0 : percentileLow,
                    Double.isNaN(percentileHigh) ? 1 : percentileHigh);
        }
        if (truncateLow != Double.NEGATIVE_INFINITY || truncateHigh != Double.POSITIVE_INFINITY) {
            d = Distributions.truncate(d, truncateLow, truncateHigh);
        }
        return d;
    }

    /** What the cell shows outside a simulation: RiskStatic's value, else the distribution's mean. */
    public double staticValue(Distribution d) {
        return Double.isNaN(staticValue) ? d.mean() : staticValue;
    }
}
