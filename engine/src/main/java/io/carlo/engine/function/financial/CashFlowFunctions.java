package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.optional;
import static io.carlo.engine.function.financial.FinancialArgs.result;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.function.NumberCollector;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/** Present value and return of cash flows: NPV, XNPV, IRR, XIRR and MIRR. */
public final class CashFlowFunctions {

    /** Excel documents 20 tries for IRR and 100 for XIRR. */
    private static final int IRR_ITERATIONS = 20;
    private static final int XIRR_ITERATIONS = 100;
    private static final double IRR_TOLERANCE = 1e-7;
    private static final double XIRR_TOLERANCE = 1e-8;

    private CashFlowFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("NPV").args(2, 255).kinds(ArgKind.VALUE, ArgKind.RANGE).body(CashFlowFunctions::npv);
        registry.function("IRR").args(1, 2).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(CashFlowFunctions::irr);
        registry.function("MIRR").args(3, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE, ArgKind.VALUE)
                .body(CashFlowFunctions::mirr);
        registry.function("XNPV").args(3, 3).kinds(ArgKind.VALUE, ArgKind.ARRAY, ArgKind.ARRAY)
                .body(CashFlowFunctions::xnpv);
        registry.function("XIRR").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.VALUE)
                .body(CashFlowFunctions::xirr);
    }

    /**
     * NPV gathers its values like SUM (numbers only inside ranges, typed arguments coerced) and, unlike
     * the textbook formula, discounts the first value by a full period: the flows are at the ends of
     * periods 1..n, so the usual "NPV + initial investment" idiom needs the investment outside.
     */
    private static Scalar npv(Arguments args) {
        double rate = args.number(0);
        double[] values = NumberCollector.collect(args, 1, NumberCollector.Mode.NUMBERS_ONLY);
        return result(netPresentValue(rate, values));
    }

    /** NPV of flows already gathered (the simulation's vector kernel calls this too). */
    public static double netPresentValue(double rate, double[] values) {
        if (rate == -1) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        double sum = 0;
        double discount = 1;
        for (double v : values) {
            discount /= 1 + rate;
            sum += v * discount;
        }
        return sum;
    }

    /** IRR: the rate at which the NPV of flows at periods 0..n−1 is zero. Text, booleans and blanks are skipped. */
    private static Scalar irr(Arguments args) {
        double[] values = NumberCollector.collectRange(args, 0);
        double guess = optional(args, 1, 0.1);
        return result(internalRateOfReturn(values, guess));
    }

    /** IRR of flows already gathered. */
    public static double internalRateOfReturn(double[] values, double guess) {
        return new IrrSolver().solve(values, guess);
    }

    /**
     * IRR of one set of flows after another with the same root finder: the simulation's vector
     * kernel solves one per iteration, and a root finder with two closures per iteration was a
     * fifth of its time in allocation. Not thread-safe; the steps, and so the results, are those of
     * {@link #internalRateOfReturn}.
     */
    public static final class IrrSolver {

        private double[] values;
        private final RootFinder finder = new RootFinder(r -> presentValue(values, r),
                r -> presentValueSlope(values, r), IRR_ITERATIONS, IRR_TOLERANCE);

        public double solve(double[] values, double guess) {
            requireSignChange(values, ExcelError.NUM);
            this.values = values;
            double rate = finder.root(guess);
            if (Double.isNaN(rate)) {
                throw FinancialArgs.num();
            }
            return rate;
        }
    }

    /**
     * Present value of periodic flows at {@code rate}, the function IRR finds the root of. The
     * discount factor is built by repeated multiplication rather than a power per term: IRR calls
     * this thousands of times per second in a simulation, and the root moves by far less than IRR's
     * tolerance.
     */
    static double presentValue(double[] values, double rate) {
        double factor = 1 / (1 + rate);
        double discount = 1;
        double sum = 0;
        for (double v : values) {
            sum += v * discount;
            discount *= factor;
        }
        return sum;
    }

    static double presentValueSlope(double[] values, double rate) {
        double factor = 1 / (1 + rate);
        double discount = factor * factor;
        double sum = 0;
        for (int i = 1; i < values.length; i++) {
            sum -= i * values[i] * discount;
            discount *= factor;
        }
        return sum;
    }

    /**
     * MIRR: outflows are financed at {@code finance_rate} and inflows reinvested at
     * {@code reinvest_rate}; each value keeps its position in the sequence (zeros included).
     */
    private static Scalar mirr(Arguments args) {
        double[] values = NumberCollector.collectRange(args, 0);
        double financeRate = args.number(1);
        double reinvestRate = args.number(2);
        requireSignChange(values, ExcelError.DIV0);
        int n = values.length;
        double outflowsNow = 0;
        double inflowsAtEnd = 0;
        for (int i = 0; i < n; i++) {
            if (values[i] < 0) {
                outflowsNow += values[i] / Math.pow(1 + financeRate, i);
            } else {
                inflowsAtEnd += values[i] * Math.pow(1 + reinvestRate, n - 1 - i);
            }
        }
        if (outflowsNow == 0 || Double.isInfinite(outflowsNow)) {
            throw ErrorSignal.of(ExcelError.DIV0);
        }
        return result(Math.pow(-inflowsAtEnd / outflowsNow, 1.0 / (n - 1)) - 1);
    }

    /** XNPV: flows on dates, discounted over actual days / 365 from the first date. */
    private static Scalar xnpv(Arguments args) {
        double rate = args.number(0);
        DatedFlows flows = DatedFlows.read(args.grid(1), args.grid(2));
        return result(flows.presentValue(rate));
    }

    private static Scalar xirr(Arguments args) {
        DatedFlows flows = DatedFlows.read(args.grid(0), args.grid(1));
        double guess = optional(args, 2, 0.1);
        requireSignChange(flows.values(), ExcelError.NUM);
        RootFinder finder = new RootFinder(flows::presentValue, flows::presentValueSlope,
                XIRR_ITERATIONS, XIRR_TOLERANCE);
        return result(finder.solve(guess).orElseThrow(FinancialArgs::num));
    }

    /** A rate of return exists only when money flows both ways. */
    private static void requireSignChange(double[] values, ExcelError error) {
        boolean positive = false;
        boolean negative = false;
        for (double v : values) {
            positive |= v > 0;
            negative |= v < 0;
        }
        if (!positive || !negative) {
            throw ErrorSignal.of(error);
        }
    }

    /** The values and dates of XNPV and XIRR, with dates as whole days after the first date. */
    record DatedFlows(double[] values, double[] days) {

        static DatedFlows read(Grid valueGrid, Grid dateGrid) {
            if (valueGrid.size() != dateGrid.size()) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            int n = valueGrid.size();
            double[] values = new double[n];
            double[] days = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = strictNumber(valueGrid.get(i));
                days[i] = Math.floor(strictNumber(dateGrid.get(i)));
            }
            for (int i = 0; i < n; i++) {
                if (days[i] < 0 || days[i] < days[0]) {
                    // every date must be a valid serial on or after the first one
                    throw ErrorSignal.of(ExcelError.NUM);
                }
            }
            double first = days[0];
            for (int i = 0; i < n; i++) {
                days[i] -= first;
            }
            return new DatedFlows(values, days);
        }

        /** XNPV and XIRR accept only numbers here: text, booleans or blanks are #VALUE!. */
        private static double strictNumber(Scalar v) {
            return switch (v) {
                case NumberValue n -> n.value();
                case ExcelError e -> throw ErrorSignal.of(e);
                default -> throw ErrorSignal.of(ExcelError.VALUE);
            };
        }

        double presentValue(double rate) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[i] / Math.pow(1 + rate, days[i] / 365);
            }
            return sum;
        }

        double presentValueSlope(double rate) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                double t = days[i] / 365;
                sum -= t * values[i] / Math.pow(1 + rate, t + 1);
            }
            return sum;
        }
    }
}
