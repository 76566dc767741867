package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.optional;
import static io.carlo.engine.function.financial.FinancialArgs.require;
import static io.carlo.engine.function.financial.FinancialArgs.result;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ExcelDates;
import io.carlo.engine.value.Scalar;
import java.time.LocalDate;

/**
 * ACCRINT: interest accrued on a coupon bond. Excel sums, over the (quasi-)coupon periods that the
 * accrual spans, the accrued days divided by the period's normal length, times the coupon
 * {@code par·rate/frequency}. The coupon dates are the first interest date shifted by whole
 * coupon periods (kept at month end when the first interest date is a month end).
 */
final class AccruedInterest {

    private AccruedInterest() {
    }

    static Scalar accrint(Arguments args) {
        double issue = Math.floor(args.number(0));
        double firstInterest = Math.floor(args.number(1));
        double settlement = Math.floor(args.number(2));
        double rate = args.number(3);
        double par = args.number(4);
        double frequency = Math.floor(args.number(5));
        DayCountBasis basis = DayCountBasis.of(optional(args, 6, 0));
        boolean fromIssue = !args.has(7) || args.isOmitted(7) || args.bool(7);
        require(rate > 0 && par > 0);
        require(frequency == 1 || frequency == 2 || frequency == 4);
        require(issue < settlement);
        ExcelDates.toDate(issue);
        ExcelDates.toDate(settlement);
        double start = !fromIssue && settlement > firstInterest ? firstInterest : issue;
        return result(par * rate / frequency * couponFractions(start, settlement, firstInterest, (int) frequency, basis));
    }

    /** The sum of accrued days / normal period length over the coupon periods between start and end. */
    private static double couponFractions(double start, double end, double firstInterest, int frequency,
                                          DayCountBasis basis) {
        LocalDate anchor = ExcelDates.toDate(firstInterest);
        boolean monthEnd = anchor.getDayOfMonth() == anchor.lengthOfMonth();
        int months = 12 / frequency;
        // the coupon period containing start: step back from the first interest date, or forward
        int k = 0;
        while (couponDate(anchor, k, months, monthEnd) > start) {
            k--;
        }
        while (couponDate(anchor, k + 1, months, monthEnd) <= start) {
            k++;
        }
        double sum = 0;
        for (; couponDate(anchor, k, months, monthEnd) < end; k++) {
            double periodStart = couponDate(anchor, k, months, monthEnd);
            double periodEnd = couponDate(anchor, k + 1, months, monthEnd);
            double from = Math.max(start, periodStart);
            double to = Math.min(end, periodEnd);
            double normalLength = basis == DayCountBasis.ACTUAL_ACTUAL
                    ? periodEnd - periodStart
                    : basis.fixedYearLength() / frequency;
            sum += basis.days(from, to) / normalLength;
        }
        return sum;
    }

    private static double couponDate(LocalDate anchor, int k, int months, boolean monthEnd) {
        LocalDate d = anchor.plusMonths((long) k * months);
        if (monthEnd) {
            d = d.withDayOfMonth(d.lengthOfMonth());
        }
        return ExcelDates.toSerial(d);
    }
}
