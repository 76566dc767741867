package io.carlo.engine.function.financial;

/**
 * The time-value-of-money equation behind PV, FV, PMT, NPER, RATE, IPMT and PPMT, in Excel's sign
 * convention (money received is positive, money paid negative):
 *
 * <pre>pv·(1+r)^n + pmt·(1+r·type)·((1+r)^n − 1)/r + fv = 0</pre>
 *
 * and its limit {@code pv + pmt·n + fv = 0} at a zero rate. Results may be infinite or NaN (a zero
 * term, a zero payment at a zero rate, a rate of −100%); the caller turns those into #NUM! as
 * Excel reports them.
 */
final class Annuity {

    private Annuity() {
    }

    /** (1+r)^n, accurate for rates near zero. */
    static double growth(double rate, double nper) {
        return Math.exp(nper * Math.log1p(rate));
    }

    /** ((1+r)^n − 1)/r: the future value of n unit payments; n at a zero rate. */
    static double annuityFactor(double rate, double nper) {
        if (rate == 0) {
            return nper;
        }
        return Math.expm1(nper * Math.log1p(rate)) / rate;
    }

    static double fv(double rate, double nper, double pmt, double pv, boolean atStart) {
        if (rate == 0) {
            return -(pv + pmt * nper);
        }
        double timing = atStart ? 1 + rate : 1;
        return -(pv * growth(rate, nper) + pmt * timing * annuityFactor(rate, nper));
    }

    static double pv(double rate, double nper, double pmt, double fv, boolean atStart) {
        if (rate == 0) {
            return -(fv + pmt * nper);
        }
        double timing = atStart ? 1 + rate : 1;
        return -(fv + pmt * timing * annuityFactor(rate, nper)) / growth(rate, nper);
    }

    static double pmt(double rate, double nper, double pv, double fv, boolean atStart) {
        if (rate == 0) {
            return -(pv + fv) / nper;
        }
        double timing = atStart ? 1 + rate : 1;
        return -(fv + pv * growth(rate, nper)) / (timing * annuityFactor(rate, nper));
    }

    static double nper(double rate, double pmt, double pv, double fv, boolean atStart) {
        if (rate == 0) {
            return -(pv + fv) / pmt;
        }
        double timedPmt = pmt * (atStart ? 1 + rate : 1);
        return Math.log((timedPmt - fv * rate) / (timedPmt + pv * rate)) / Math.log1p(rate);
    }

    /**
     * The interest part of payment {@code per}: the rate times the balance the payment settles. With
     * payments at the start, the first payment is made before any interest accrues, so it is 0.
     */
    static double ipmt(double rate, double per, double nper, double pv, double fv, boolean atStart) {
        double pmt = pmt(rate, nper, pv, fv, atStart);
        if (per == 1) {
            return atStart ? 0 : -pv * rate;
        }
        // fv() of the payments made so far is minus the outstanding balance
        double balance = atStart ? fv(rate, per - 2, pmt, pv, true) - pmt : fv(rate, per - 1, pmt, pv, false);
        return balance * rate;
    }

    static double ppmt(double rate, double per, double nper, double pv, double fv, boolean atStart) {
        return pmt(rate, nper, pv, fv, atStart) - ipmt(rate, per, nper, pv, fv, atStart);
    }

    /** The residual of the annuity equation, the function RATE finds a zero of. */
    static double residual(double rate, double nper, double pmt, double pv, double fv, boolean atStart) {
        double timing = atStart ? 1 + rate : 1;
        return pv * growth(rate, nper) + pmt * timing * annuityFactor(rate, nper) + fv;
    }

    /** d residual / d rate, for Newton's method. */
    static double residualSlope(double rate, double nper, double pmt, double pv, double fv, boolean atStart) {
        double t = atStart ? 1 : 0;
        if (Math.abs(rate) < 1e-8) {
            // limit at r = 0: d/dr ((1+r·t)·((1+r)^n − 1)/r) = t·n + n(n−1)/2
            return pv * nper + pmt * (t * nper + nper * (nper - 1) / 2);
        }
        double g = growth(rate, nper);
        double dg = nper * g / (1 + rate);
        double factor = annuityFactor(rate, nper);
        double dFactor = (dg - factor) / rate;
        return pv * dg + pmt * (t * factor + (1 + rate * t) * dFactor);
    }
}
