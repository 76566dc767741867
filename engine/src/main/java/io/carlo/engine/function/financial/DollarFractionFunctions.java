package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.result;
import static io.carlo.engine.function.financial.FinancialArgs.truncated;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;

/**
 * DOLLARDE and DOLLARFR convert between decimal prices and fractional bond quotes, where the digits
 * after the point count units of 1/fraction: 1.02 in sixteenths is 1 + 2/16 = 1.125.
 */
final class DollarFractionFunctions {

    private DollarFractionFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("DOLLARDE", 2, 2, args -> convert(args, true));
        registry.scalar("DOLLARFR", 2, 2, args -> convert(args, false));
    }

    private static Scalar convert(Arguments args, boolean toDecimal) {
        double dollar = args.number(0);
        double fraction = truncated(args, 1);
        if (fraction < 0) {
            throw FinancialArgs.num();
        }
        if (fraction == 0) {
            throw FinancialArgs.div0();
        }
        // the fractional digits are as many as the denominator has: 16ths use two digits, 8ths one
        double scale = Math.pow(10, Math.ceil(Math.log10(fraction)));
        double whole = dollar < 0 ? Math.ceil(dollar) : Math.floor(dollar);
        double part = dollar - whole;
        return result(whole + (toDecimal ? part * scale / fraction : part * fraction / scale));
    }
}
