package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.optional;
import static io.carlo.engine.function.financial.FinancialArgs.require;
import static io.carlo.engine.function.financial.FinancialArgs.result;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ExcelDates;

/**
 * Discounted securities and Treasury bills: DISC, INTRATE, RECEIVED, PRICEDISC, YIELDDISC,
 * ACCRINTM, ACCRINT, TBILLEQ, TBILLPRICE and TBILLYIELD. Dates are truncated to whole days; the
 * settlement must come before maturity, or the result is #NUM!.
 */
final class SecurityFunctions {

    private SecurityFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("DISC", 4, 5, args -> {
            Term term = Term.of(args);
            double price = args.number(2);
            double redemption = args.number(3);
            require(price > 0 && redemption > 0);
            return result((redemption - price) / redemption / term.years());
        });
        registry.scalar("INTRATE", 4, 5, args -> {
            Term term = Term.of(args);
            double investment = args.number(2);
            double redemption = args.number(3);
            require(investment > 0 && redemption > 0);
            return result((redemption - investment) / investment / term.years());
        });
        registry.scalar("RECEIVED", 4, 5, args -> {
            Term term = Term.of(args);
            double investment = args.number(2);
            double discount = args.number(3);
            require(investment > 0 && discount > 0);
            double remaining = 1 - discount * term.years();
            require(remaining > 0);
            return result(investment / remaining);
        });
        registry.scalar("PRICEDISC", 4, 5, args -> {
            Term term = Term.of(args);
            double discount = args.number(2);
            double redemption = args.number(3);
            require(discount > 0 && redemption > 0);
            return result(redemption * (1 - discount * term.years()));
        });
        registry.scalar("YIELDDISC", 4, 5, args -> {
            Term term = Term.of(args);
            double price = args.number(2);
            double redemption = args.number(3);
            require(price > 0 && redemption > 0);
            return result((redemption / price - 1) / term.years());
        });
        registry.scalar("ACCRINTM", 4, 5, args -> {
            Term term = Term.of(args);
            double rate = args.number(2);
            double par = args.number(3);
            require(rate > 0 && par > 0);
            return result(par * rate * term.years());
        });
        registry.scalar("ACCRINT", 6, 8, AccruedInterest::accrint);
        registry.scalar("TBILLPRICE", 3, 3, args -> {
            double days = billDays(args);
            double discount = args.number(2);
            require(discount > 0);
            double price = 100 * (1 - discount * days / 360);
            require(price > 0);
            return result(price);
        });
        registry.scalar("TBILLYIELD", 3, 3, args -> {
            double days = billDays(args);
            double price = args.number(2);
            require(price > 0);
            return result((100 - price) / price * 360 / days);
        });
        registry.scalar("TBILLEQ", 3, 3, args -> {
            double days = billDays(args);
            double discount = args.number(2);
            require(discount > 0);
            // Excel's documented formula, used for bills of any length up to a year
            double denominator = 360 - discount * days;
            require(denominator > 0);
            return result(365 * discount / denominator);
        });
    }

    /** The settlement and maturity (arguments 0 and 1) with the day-count basis in argument 4. */
    record Term(double settlement, double maturity, DayCountBasis basis) {

        static Term of(Arguments args) {
            double settlement = Math.floor(args.number(0));
            double maturity = Math.floor(args.number(1));
            DayCountBasis basis = DayCountBasis.of(optional(args, 4, 0));
            ExcelDates.toDate(settlement);
            ExcelDates.toDate(maturity);
            require(settlement < maturity);
            return new Term(settlement, maturity, basis);
        }

        double years() {
            return basis.yearFraction(settlement, maturity);
        }
    }

    /**
     * Actual days from settlement to maturity of a Treasury bill, which must mature within one
     * calendar year of settlement.
     */
    private static double billDays(Arguments args) {
        double settlement = Math.floor(args.number(0));
        double maturity = Math.floor(args.number(1));
        require(settlement < maturity);
        require(!ExcelDates.toDate(maturity).isAfter(ExcelDates.toDate(settlement).plusYears(1)));
        return maturity - settlement;
    }
}
