package io.carlo.engine.function.lookup;

import io.carlo.engine.value.Coerce;
import java.util.function.IntPredicate;

/**
 * The searches behind every lookup function. Positions are zero-based; -1 means not found.
 *
 * <p>Approximate searches are binary searches like Excel's own, not linear scans, so that unsorted
 * data gives Excel's (surprising) answers: the search halves the range each step and never looks
 * at most cells. When the middle cell has another type than the key (or is blank or an error),
 * the nearest comparable cell below it within the current range stands in for it, which is how
 * {@code MATCH(9.99E+307,A:A)} finds the last number of a column that mixes in text.
 */
final class LookupSearch {

    private LookupSearch() {
    }

    static int exactFirst(LookupVector v, LookupKey key) {
        for (int i = 0; i < v.size(); i++) {
            if (key.matches(v.get(i))) {
                return i;
            }
        }
        return -1;
    }

    static int exactLast(LookupVector v, LookupKey key) {
        for (int i = v.size() - 1; i >= 0; i--) {
            if (key.matches(v.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Approximate match on ascending data: the last value <= key (MATCH 1, VLOOKUP TRUE, LOOKUP). */
    static int lastAtMost(LookupVector v, LookupKey key) {
        return lastWhere(v, key, cmp -> cmp <= 0);
    }

    /** Approximate match on descending data: the last value >= key (MATCH -1). */
    static int lastAtLeast(LookupVector v, LookupKey key) {
        return lastWhere(v, key, cmp -> cmp >= 0);
    }

    /** On ascending data, the first value >= key (XLOOKUP binary search for the next larger). */
    static int firstAtLeastAscending(LookupVector v, LookupKey key) {
        return nextComparable(v, key, lastWhere(v, key, cmp -> cmp < 0));
    }

    /** On descending data, the first value <= key (XLOOKUP binary search for the next smaller). */
    static int firstAtMostDescending(LookupVector v, LookupKey key) {
        return nextComparable(v, key, lastWhere(v, key, cmp -> cmp > 0));
    }

    /**
     * Binary search for the last comparable cell whose comparison with the key satisfies
     * {@code holds}, assuming it holds for a prefix of the (sorted) data.
     */
    private static int lastWhere(LookupVector v, LookupKey key, IntPredicate holds) {
        int lo = 0;
        int hi = v.size() - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int m = mid;
            while (m >= lo && !key.comparable(v.get(m))) {
                m--;
            }
            if (m < lo) {
                lo = mid + 1;
            } else if (holds.test(key.compareCell(v.get(m)))) {
                found = m;
                lo = mid + 1;
            } else {
                hi = m - 1;
            }
        }
        return found;
    }

    private static int nextComparable(LookupVector v, LookupKey key, int after) {
        for (int i = after + 1; i < v.size(); i++) {
            if (key.comparable(v.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Linear search for an exact match or, failing that, the closest value on one side
     * (XLOOKUP/XMATCH match_mode -1 and 1). Ties go to the first one met in search order.
     *
     * @param side -1 for the next smaller value, 1 for the next larger
     */
    static int closest(LookupVector v, LookupKey key, int side, boolean reverse) {
        int best = -1;
        int n = v.size();
        for (int k = 0; k < n; k++) {
            int i = reverse ? n - 1 - k : k;
            if (!key.comparable(v.get(i))) {
                continue;
            }
            int cmp = key.compareCell(v.get(i));
            if (cmp == 0) {
                return i;
            }
            if (Integer.signum(cmp) == side && (best < 0 || side * Integer.signum(
                    Coerce.compare(v.get(i), v.get(best))) < 0)) {
                best = i;
            }
        }
        return best;
    }
}
