package io.carlo.engine.function.financial;

/**
 * VDB's schedule: declining balance depreciation that switches to straight-line over the remaining
 * life once straight-line gives more (unless {@code noSwitch}). Fractional start and end periods take
 * the same fraction of that period's depreciation.
 */
final class VariableDecliningBalance {

    private final double[] perPeriod;

    VariableDecliningBalance(double cost, double salvage, double life, double factor, boolean noSwitch) {
        int periods = (int) Math.ceil(life);
        perPeriod = new double[periods];
        double book = cost;
        double straightLine = 0;
        boolean switched = false;
        for (int p = 0; p < periods; p++) {
            double amount;
            if (switched) {
                amount = straightLine;
            } else {
                double declining = Math.max(0, Math.min(book * Math.min(factor / life, 1), book - salvage));
                straightLine = (book - salvage) / (life - p);
                if (!noSwitch && straightLine > declining) {
                    switched = true;
                    amount = straightLine;
                } else {
                    amount = declining;
                }
            }
            perPeriod[p] = amount;
            book -= amount;
        }
    }

    /** Depreciation from time {@code start} to {@code end}, in periods from the start of the life. */
    double between(double start, double end) {
        double sum = 0;
        int first = (int) Math.floor(start);
        int last = (int) Math.ceil(end);
        for (int p = first; p < last && p < perPeriod.length; p++) {
            double from = Math.max(start, p);
            double to = Math.min(end, p + 1);
            sum += (to - from) * perPeriod[p];
        }
        return sum;
    }
}
