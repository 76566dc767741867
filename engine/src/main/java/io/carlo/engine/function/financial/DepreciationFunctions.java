package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.optional;
import static io.carlo.engine.function.financial.FinancialArgs.require;
import static io.carlo.engine.function.financial.FinancialArgs.result;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Depreciation of an asset: SLN, SYD, DB, DDB and VDB. */
final class DepreciationFunctions {

    private DepreciationFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("SLN", 3, 3, DepreciationFunctions::sln);
        registry.scalar("SYD", 4, 4, DepreciationFunctions::syd);
        registry.scalar("DB", 4, 5, DepreciationFunctions::db);
        registry.scalar("DDB", 4, 5, DepreciationFunctions::ddb);
        registry.scalar("VDB", 5, 7, DepreciationFunctions::vdb);
    }

    private static Scalar sln(Arguments args) {
        double cost = args.number(0);
        double salvage = args.number(1);
        double life = args.number(2);
        if (life == 0) {
            throw FinancialArgs.div0();
        }
        return result((cost - salvage) / life);
    }

    /** Sum-of-years' digits: period p of n gets (n − p + 1) / (1 + 2 + … + n) of the depreciable amount. */
    private static Scalar syd(Arguments args) {
        double cost = args.number(0);
        double salvage = args.number(1);
        double life = args.number(2);
        double per = args.number(3);
        require(life > 0 && per > 0 && per <= life);
        return result((cost - salvage) * (life - per + 1) * 2 / (life * (life + 1)));
    }

    /**
     * Fixed-declining balance. Excel rounds the rate 1 − (salvage/cost)^(1/life) to three decimals
     * before using it, and a first year of {@code month} months leaves a partial period life + 1.
     */
    private static Scalar db(Arguments args) {
        double cost = args.number(0);
        double salvage = args.number(1);
        double life = args.number(2);
        double period = Math.floor(args.number(3));
        double month = Math.floor(optional(args, 4, 12));
        require(cost >= 0 && salvage >= 0 && life > 0 && period >= 1 && month >= 1 && month <= 12);
        require(period <= life + 1);
        if (cost == 0) {
            return result(0);
        }
        double rate = roundToThousandths(1 - Math.pow(salvage / cost, 1 / life));
        double depreciated = cost * rate * month / 12;
        if (period == 1) {
            return result(depreciated);
        }
        double current = 0;
        for (int p = 2; p <= Math.min(period, life); p++) {
            current = (cost - depreciated) * rate;
            depreciated += current;
        }
        if (period > life) {
            // the months of the first year that were not depreciated then
            current = (cost - depreciated) * rate * (12 - month) / 12;
        }
        return result(current);
    }

    /** Excel's ROUND(x, 3), on the decimal value Excel shows rather than the binary one. */
    private static double roundToThousandths(double x) {
        return BigDecimal.valueOf(x).setScale(3, RoundingMode.HALF_UP).doubleValue();
    }

    /** Double-declining (or any factor) balance: factor/life of the remaining value, never below salvage. */
    private static Scalar ddb(Arguments args) {
        double cost = args.number(0);
        double salvage = args.number(1);
        double life = args.number(2);
        double period = args.number(3);
        double factor = optional(args, 4, 2);
        require(cost >= 0 && salvage >= 0 && life > 0 && period > 0 && period <= life && factor > 0);
        return result(decliningBalance(cost, salvage, life, period, factor));
    }

    /**
     * Depreciation of one (possibly fractional) period of the declining balance schedule, in closed
     * form: the book value after p periods is cost·(1 − rate)^p, floored at the salvage value.
     */
    static double decliningBalance(double cost, double salvage, double life, double period, double factor) {
        double rate = Math.min(factor / life, 1);
        double before = cost * Math.pow(1 - rate, period - 1);
        double after = cost * Math.pow(1 - rate, period);
        return Math.max(0, before - Math.max(after, salvage));
    }

    private static Scalar vdb(Arguments args) {
        double cost = args.number(0);
        double salvage = args.number(1);
        double life = args.number(2);
        double start = args.number(3);
        double end = args.number(4);
        double factor = optional(args, 5, 2);
        boolean noSwitch = args.has(6) && !args.isOmitted(6) && args.bool(6);
        require(cost >= 0 && salvage >= 0 && life > 0 && factor > 0);
        require(start >= 0 && end >= start && end <= life);
        return result(new VariableDecliningBalance(cost, salvage, life, factor, noSwitch).between(start, end));
    }
}
