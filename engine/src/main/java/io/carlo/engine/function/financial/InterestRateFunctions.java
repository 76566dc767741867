package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.require;
import static io.carlo.engine.function.financial.FinancialArgs.result;
import static io.carlo.engine.function.financial.FinancialArgs.truncated;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;

/** Conversions between rates, growth and duration: EFFECT, NOMINAL, FVSCHEDULE, PDURATION, RRI. */
final class InterestRateFunctions {

    private InterestRateFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("EFFECT", 2, 2, InterestRateFunctions::effect);
        registry.scalar("NOMINAL", 2, 2, InterestRateFunctions::nominal);
        registry.function("FVSCHEDULE").args(2, 2).kinds(ArgKind.VALUE, ArgKind.ARRAY)
                .body(InterestRateFunctions::fvSchedule);
        registry.scalar("PDURATION", 3, 3, InterestRateFunctions::pduration);
        registry.scalar("RRI", 3, 3, InterestRateFunctions::rri);
    }

    /** Effective annual rate of a nominal rate compounded {@code npery} times (truncated) a year. */
    private static Scalar effect(Arguments args) {
        double nominal = args.number(0);
        double periods = truncated(args, 1);
        require(nominal > 0 && periods >= 1);
        return result(Math.expm1(periods * Math.log1p(nominal / periods)));
    }

    private static Scalar nominal(Arguments args) {
        double effective = args.number(0);
        double periods = truncated(args, 1);
        require(effective > 0 && periods >= 1);
        return result(periods * Math.expm1(Math.log1p(effective) / periods));
    }

    /**
     * FVSCHEDULE compounds the principal by each rate of the schedule. Blank cells are 0% rates;
     * any other value in a range, error values included, is #VALUE! (Excel does not skip text here
     * as SUM does).
     */
    private static Scalar fvSchedule(Arguments args) {
        double value = args.number(0);
        Value schedule = args.value(1);
        if (schedule instanceof Scalar s) {
            return result(value * (1 + Coerce.toNumber(s)));
        }
        Grid rates = args.grid(1);
        for (int i = 0; i < rates.size(); i++) {
            value *= 1 + scheduleRate(rates.get(i));
        }
        return result(value);
    }

    private static double scheduleRate(Scalar v) {
        return switch (v) {
            case NumberValue n -> n.value();
            case BlankValue b -> 0;
            default -> throw ErrorSignal.of(ExcelError.VALUE);
        };
    }

    /** Periods needed for an investment to grow from pv to fv at a rate per period. */
    private static Scalar pduration(Arguments args) {
        double rate = args.number(0);
        double pv = args.number(1);
        double fv = args.number(2);
        require(rate > 0 && pv > 0 && fv > 0);
        return result((Math.log(fv) - Math.log(pv)) / Math.log1p(rate));
    }

    /** Equivalent rate per period for growth from pv to fv over nper periods. */
    private static Scalar rri(Arguments args) {
        double nper = args.number(0);
        double pv = args.number(1);
        double fv = args.number(2);
        require(nper > 0 && pv != 0);
        return result(Math.pow(fv / pv, 1 / nper) - 1);
    }
}
