package io.carlo.engine.function.logical;

import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Scalar;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared loop of the *IF and *IFS functions: walks criteria ranges of one shape in step and
 * reports the positions where every criterion holds. Ranges of different shapes are #VALUE!, as
 * in Excel's *IFS functions.
 */
final class ConditionalScan {

    /** Receives the value cell (or blank) at each matching position inside the data extent. */
    interface MatchVisitor {
        void visit(Scalar value);
    }

    private final List<RangeView> ranges = new ArrayList<>();
    private final List<Criteria> criteria = new ArrayList<>();

    void add(RangeView range, Criteria criterion) {
        if (!ranges.isEmpty() && !ranges.get(0).sameShape(range)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        ranges.add(range);
        criteria.add(criterion);
    }

    /**
     * Visits {@code values} at each matching position and returns how many positions matched in
     * all. Positions past every range's data are blank everywhere: they are counted in one step,
     * not visited, since a blank value adds nothing to a sum, an average or a maximum.
     *
     * @param values the range whose cells are aggregated, or null to only count
     */
    long scan(RangeView values, MatchVisitor visitor) {
        RangeView first = ranges.get(0);
        if (values != null && !values.sameShape(first)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        int extentRows = values == null ? 0 : values.dataRows();
        int extentCols = values == null ? 0 : values.dataCols();
        for (RangeView r : ranges) {
            extentRows = Math.max(extentRows, r.dataRows());
            extentCols = Math.max(extentCols, r.dataCols());
        }
        long matched = 0;
        for (int row = 0; row < extentRows; row++) {
            for (int col = 0; col < extentCols; col++) {
                if (allMatch(row, col)) {
                    matched++;
                    if (visitor != null) {
                        visitor.visit(values == null ? null : values.get(row, col));
                    }
                }
            }
        }
        if (criteria.stream().allMatch(Criteria::matchesBlank)) {
            matched += (long) first.rows() * first.cols() - (long) extentRows * extentCols;
        }
        return matched;
    }

    private boolean allMatch(int row, int col) {
        for (int i = 0; i < ranges.size(); i++) {
            if (!criteria.get(i).matches(ranges.get(i).get(row, col))) {
                return false;
            }
        }
        return true;
    }
}
