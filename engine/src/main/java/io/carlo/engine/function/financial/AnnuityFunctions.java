package io.carlo.engine.function.financial;

import static io.carlo.engine.function.financial.FinancialArgs.optional;
import static io.carlo.engine.function.financial.FinancialArgs.payAtStart;
import static io.carlo.engine.function.financial.FinancialArgs.require;
import static io.carlo.engine.function.financial.FinancialArgs.result;
import static io.carlo.engine.function.financial.FinancialArgs.truncated;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Scalar;

/** Loans and savings plans: PV, FV, PMT, IPMT, PPMT, NPER, RATE, CUMIPMT, CUMPRINC and ISPMT. */
final class AnnuityFunctions {

    private AnnuityFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("PV", 3, 5, args -> result(Annuity.pv(
                args.number(0), args.number(1), args.number(2), optional(args, 3, 0), payAtStart(args, 4))));
        registry.scalar("FV", 3, 5, args -> result(Annuity.fv(
                args.number(0), args.number(1), args.number(2), optional(args, 3, 0), payAtStart(args, 4))));
        registry.scalar("PMT", 3, 5, args -> result(Annuity.pmt(
                args.number(0), args.number(1), args.number(2), optional(args, 3, 0), payAtStart(args, 4))));
        registry.scalar("NPER", 3, 5, args -> result(Annuity.nper(
                args.number(0), args.number(1), args.number(2), optional(args, 3, 0), payAtStart(args, 4))));
        registry.scalar("IPMT", 4, 6, args -> paymentPart(args, true));
        registry.scalar("PPMT", 4, 6, args -> paymentPart(args, false));
        registry.scalar("RATE", 3, 6, AnnuityFunctions::rate);
        registry.scalar("CUMIPMT", 6, 6, args -> cumulative(args, true));
        registry.scalar("CUMPRINC", 6, 6, args -> cumulative(args, false));
        registry.scalar("ISPMT", 4, 4, AnnuityFunctions::ispmt);
    }

    /** IPMT and PPMT: the period must lie within the term. */
    private static Scalar paymentPart(Arguments args, boolean interest) {
        double rate = args.number(0);
        double per = args.number(1);
        double nper = args.number(2);
        double pv = args.number(3);
        double fv = optional(args, 4, 0);
        boolean atStart = payAtStart(args, 5);
        require(per >= 1 && per <= nper);
        return result(interest
                ? Annuity.ipmt(rate, per, nper, pv, fv, atStart)
                : Annuity.ppmt(rate, per, nper, pv, fv, atStart));
    }

    private static Scalar rate(Arguments args) {
        double nper = args.number(0);
        double pmt = args.number(1);
        double pv = args.number(2);
        double fv = optional(args, 3, 0);
        boolean atStart = payAtStart(args, 4);
        double guess = optional(args, 5, 0.1);
        require(nper > 0);
        return result(rateFinder(nper, pmt, pv, fv, atStart).solve(guess).orElseThrow(FinancialArgs::num));
    }

    /**
     * RATE's search. Excel documents Newton's method from the guess with at most 20 iterations and a
     * 1e-7 tolerance, yet it finds the rate of a 360-month mortgage, which plain Newton from 10% needs
     * some 40 steps for; so after 20 Newton steps we bracket and bisect like IRR.
     */
    static RootFinder rateFinder(double nper, double pmt, double pv, double fv, boolean atStart) {
        return new RootFinder(r -> Annuity.residual(r, nper, pmt, pv, fv, atStart),
                r -> Annuity.residualSlope(r, nper, pmt, pv, fv, atStart), 20, 1e-7);
    }

    /**
     * CUMIPMT and CUMPRINC sum IPMT or PPMT over a range of periods. Unlike IPMT they are strict:
     * Excel wants a positive rate, term and present value, and a type of exactly 0 or 1.
     */
    private static Scalar cumulative(Arguments args, boolean interest) {
        double rate = args.number(0);
        double nper = truncated(args, 1);
        double pv = args.number(2);
        double start = truncated(args, 3);
        double end = truncated(args, 4);
        double type = truncated(args, 5);
        require(rate > 0 && nper > 0 && pv > 0);
        require(start >= 1 && end >= start && end <= nper);
        require(type == 0 || type == 1);
        boolean atStart = type == 1;
        double sum = 0;
        for (double per = start; per <= end; per++) {
            sum += interest
                    ? Annuity.ipmt(rate, per, nper, pv, 0, atStart)
                    : Annuity.ppmt(rate, per, nper, pv, 0, atStart);
        }
        return result(sum);
    }

    /** ISPMT: interest of a loan repaid in equal principal parts (Lotus compatibility), straight formula. */
    private static Scalar ispmt(Arguments args) {
        double rate = args.number(0);
        double per = args.number(1);
        double nper = args.number(2);
        double pv = args.number(3);
        // a zero term divides by zero, which comes out as #NUM! like the other annuity functions
        return result(pv * rate * (per / nper - 1));
    }
}
