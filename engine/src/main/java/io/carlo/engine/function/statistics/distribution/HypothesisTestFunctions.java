package io.carlo.engine.function.statistics.distribution;

import static io.carlo.engine.function.statistics.distribution.DistributionChecks.require;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.result;
import static io.carlo.engine.function.statistics.distribution.DistributionChecks.truncate;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The p-values of Excel's hypothesis tests: Z.TEST, T.TEST, CHISQ.TEST and F.TEST (and their
 * legacy names). In their data arguments only numbers count (text, booleans and blanks are
 * skipped) and errors propagate. T.TEST, CHISQ.TEST and F.TEST declare those arguments as arrays,
 * so an expression such as {@code A1:A5*2} is evaluated element by element without
 * Ctrl+Shift+Enter; Z.TEST declares a reference, like SUM.
 */
public final class HypothesisTestFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        for (String name : new String[] {"Z.TEST", "ZTEST"}) {
            registry.function(name).args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE).body(HypothesisTestFunctions::zTest);
        }
        for (String name : new String[] {"T.TEST", "TTEST"}) {
            registry.function(name).args(4, 4).kinds(ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.VALUE)
                    .body(HypothesisTestFunctions::tTest);
        }
        for (String name : new String[] {"CHISQ.TEST", "CHITEST"}) {
            registry.function(name).args(2, 2).kinds(ArgKind.ARRAY).body(HypothesisTestFunctions::chiSquaredTest);
        }
        for (String name : new String[] {"F.TEST", "FTEST"}) {
            registry.function(name).args(2, 2).kinds(ArgKind.ARRAY).body(HypothesisTestFunctions::fTest);
        }
    }

    /** One-tailed p-value of the sample mean against x; sigma defaults to the sample's standard deviation. */
    private static Scalar zTest(Arguments a) {
        double[] data = NumberCollector.collectRange(a, 0);
        double x = a.number(1);
        boolean hasSigma = a.has(2);
        double sigma = hasSigma ? a.number(2) : 0;
        if (data.length == 0) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        if (hasSigma) {
            require(sigma > 0);
        } else {
            sigma = Math.sqrt(SampleStatistics.variance(data));
            if (!(sigma > 0)) {
                throw ErrorSignal.of(ExcelError.DIV0);
            }
        }
        double z = (SampleStatistics.mean(data) - x) / (sigma / Math.sqrt(data.length));
        // Excel's documented formula, 1 - NORM.S.DIST(z, TRUE), and not the more precise upper tail:
        // for z beyond about 6 the two part ways in the leading digits of a tiny p-value
        return result(1 - NormalFunctions.STANDARD.cumulativeProbability(z));
    }

    private static Scalar tTest(Arguments a) {
        double tails = truncate(a.number(2));
        double type = truncate(a.number(3));
        require(tails == 1 || tails == 2);
        require(type >= 1 && type <= 3);
        TStatistic t = type == 1 ? pairedT(a.grid(0), a.grid(1))
                : twoSampleT(NumberCollector.collectRange(a, 0), NumberCollector.collectRange(a, 1), type == 2);
        // the Welch test's degrees of freedom are fractional and, unlike T.DIST's, not truncated
        return result(tails * TDistribution.of(t.degreesOfFreedom).survivalProbability(Math.abs(t.value)));
    }

    private record TStatistic(double value, double degreesOfFreedom) {
    }

    /**
     * Type 1: the differences of positional pairs. Both arrays must hold the same number of cells
     * (#N/A otherwise); a pair where either side is not a number is left out.
     */
    private static TStatistic pairedT(Grid first, Grid second) {
        if (first.size() != second.size()) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        NumberCollector differences = new NumberCollector();
        for (int i = 0; i < first.size(); i++) {
            Scalar x = Coerce.check(first.get(i));
            Scalar y = Coerce.check(second.get(i));
            if (x instanceof NumberValue nx && y instanceof NumberValue ny) {
                differences.add(nx.value() - ny.value());
            }
        }
        double[] d = differences.toArray();
        requireTwoValues(d);
        double sd = Math.sqrt(SampleStatistics.variance(d));
        if (sd == 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        return new TStatistic(SampleStatistics.mean(d) / (sd / Math.sqrt(d.length)), d.length - 1);
    }

    /** Type 2 pools the two variances (equal variances); type 3 is Welch's test (unequal variances). */
    private static TStatistic twoSampleT(double[] x, double[] y, boolean pooled) {
        requireTwoValues(x);
        requireTwoValues(y);
        double n1 = x.length;
        double n2 = y.length;
        double v1 = SampleStatistics.variance(x);
        double v2 = SampleStatistics.variance(y);
        double meanDifference = SampleStatistics.mean(x) - SampleStatistics.mean(y);
        if (pooled) {
            double pooledVariance = ((n1 - 1) * v1 + (n2 - 1) * v2) / (n1 + n2 - 2);
            double standardError = Math.sqrt(pooledVariance * (1 / n1 + 1 / n2));
            return new TStatistic(divide(meanDifference, standardError), n1 + n2 - 2);
        }
        double s1 = v1 / n1;
        double s2 = v2 / n2;
        double standardError = Math.sqrt(s1 + s2);
        double df = (s1 + s2) * (s1 + s2) / (s1 * s1 / (n1 - 1) + s2 * s2 / (n2 - 1));
        return new TStatistic(divide(meanDifference, standardError), df);
    }

    /**
     * Pearson's test of observed against expected counts. The degrees of freedom come from the
     * shape: (rows - 1) * (columns - 1), or cells - 1 for a single row or column.
     */
    private static Scalar chiSquaredTest(Arguments a) {
        Grid actual = a.grid(0);
        Grid expected = a.grid(1);
        if (actual.rows() != expected.rows() || actual.cols() != expected.cols()) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        double statistic = 0;
        for (int i = 0; i < actual.size(); i++) {
            Scalar observed = Coerce.check(actual.get(i));
            Scalar wanted = Coerce.check(expected.get(i));
            if (observed instanceof NumberValue o && wanted instanceof NumberValue e) {
                statistic += (o.value() - e.value()) * (o.value() - e.value()) / divisor(e.value());
            }
        }
        int rows = actual.rows();
        int cols = actual.cols();
        double df = rows == 1 || cols == 1 ? rows * cols - 1 : (double) (rows - 1) * (cols - 1);
        if (df < 1) {
            throw ErrorSignal.of(ExcelError.NA);
        }
        return result(ChiSquaredDistribution.of(df).survivalProbability(statistic));
    }

    /** Two-tailed p-value that both samples have the same variance. */
    private static Scalar fTest(Arguments a) {
        double[] x = NumberCollector.collectRange(a, 0);
        double[] y = NumberCollector.collectRange(a, 1);
        requireTwoValues(x);
        requireTwoValues(y);
        double v1 = SampleStatistics.variance(x);
        double v2 = SampleStatistics.variance(y);
        if (v1 == 0 || v2 == 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double ratio = v1 / v2;
        double lowerTail = FDistribution.of(x.length - 1, y.length - 1).cumulativeProbability(ratio);
        return result(2 * Math.min(lowerTail, 1 - lowerTail));
    }

    /** A sample statistic needs two numbers; Excel answers #DIV/0! with fewer. */
    private static void requireTwoValues(double[] data) {
        if (data.length < 2) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
    }

    private static double divide(double numerator, double denominator) {
        return numerator / divisor(denominator);
    }

    private static double divisor(double d) {
        if (d == 0) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        return d;
    }
}
