package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.List;

/** XLOOKUP and XMATCH: explicit match modes (exact, next smaller/larger, wildcard) and search directions. */
final class ModernLookups {

    private ModernLookups() {
    }

    static void register(FunctionRegistry registry) {
        // Dynamic-array era functions evaluate their arrays as arrays in any formula, so that
        // XLOOKUP(1,(A1:A9="x")*(B1:B9>5),C1:C9) works; a plain reference still arrives as one.
        registry.function("XLOOKUP").args(3, 6)
                .kinds(ArgKind.VALUE, ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.RANGE, ArgKind.VALUE, ArgKind.VALUE)
                .body(ModernLookups::xlookup);
        registry.function("XMATCH").args(2, 4).kinds(ArgKind.VALUE, ArgKind.ARRAY, ArgKind.VALUE, ArgKind.VALUE)
                .body(ModernLookups::xmatch);
    }

    private static Value xmatch(Arguments args) {
        LookupVector vector = LookupVector.of(Arrays2D.grid(args, 1));
        int matchMode = args.integer(2, 0);
        int searchMode = args.integer(3, 1);
        if (vector == null) {
            return ExcelError.VALUE;
        }
        int found = find(vector, args, matchMode, searchMode);
        return found < 0 ? ExcelError.NA : NumberValue.of(found + 1);
    }

    private static Value xlookup(Arguments args) {
        Grid lookupGrid = Arrays2D.grid(args, 1);
        LookupVector vector = LookupVector.of(lookupGrid);
        int matchMode = args.integer(4, 0);
        int searchMode = args.integer(5, 1);
        if (vector == null) {
            return ExcelError.VALUE;
        }
        Grid results = Arrays2D.grid(args, 2);
        // A column is looked up in a table with as many rows (a whole row comes back); a horizontal
        // lookup row in one with as many columns (a whole column comes back). One cell is a column.
        boolean horizontal = vector.isRow() && lookupGrid.cols() > 1;
        if ((horizontal ? results.cols() : results.rows()) != vector.size()) {
            return ExcelError.VALUE;
        }
        int found = find(vector, args, matchMode, searchMode);
        if (found < 0) {
            return args.has(3) && !args.isOmitted(3) ? args.value(3) : ExcelError.NA;
        }
        return slice(args, results, found, horizontal);
    }

    /**
     * Row {@code i} of the return array (column {@code i} for a horizontal lookup); a reference when
     * the return array is one, so that A1:XLOOKUP(...) works.
     */
    private static Value slice(Arguments args, Grid results, int i, boolean horizontal) {
        if (args.value(2) instanceof ReferenceValue ref) {
            Area a = ref.first();
            Area part = horizontal
                    ? new Area(a.sheet(), a.firstRow(), a.firstCol() + i, a.lastRow(), a.firstCol() + i)
                    : new Area(a.sheet(), a.firstRow() + i, a.firstCol(), a.firstRow() + i, a.lastCol());
            return new ReferenceValue(List.of(part));
        }
        int n = horizontal ? results.rows() : results.cols();
        if (n == 1) {
            return horizontal ? results.get(0, i) : results.get(i, 0);
        }
        Scalar[] cells = new Scalar[n];
        for (int k = 0; k < n; k++) {
            cells[k] = horizontal ? results.get(k, i) : results.get(i, k);
        }
        return horizontal ? ArrayValue.column(cells) : ArrayValue.row(cells);
    }

    /**
     * @param matchMode 0 exact, -1 exact or next smaller, 1 exact or next larger, 2 wildcard
     * @param searchMode 1 first to last, -1 last to first, 2 binary on ascending data, -2 binary on descending
     */
    static int find(LookupVector v, Arguments args, int matchMode, int searchMode) {
        if (matchMode < -1 || matchMode > 2 || (searchMode != 1 && searchMode != -1 && Math.abs(searchMode) != 2)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        LookupKey key = LookupKey.of(args, 0, matchMode == 2);
        if (Math.abs(searchMode) == 2) {
            return binary(v, key, matchMode, searchMode > 0);
        }
        boolean reverse = searchMode == -1;
        if (matchMode == 0 || matchMode == 2) {
            return reverse ? LookupSearch.exactLast(v, key) : LookupSearch.exactFirst(v, key);
        }
        return LookupSearch.closest(v, key, matchMode, reverse);
    }

    private static int binary(LookupVector v, LookupKey key, int matchMode, boolean ascending) {
        if (matchMode == 1) {
            return ascending ? LookupSearch.firstAtLeastAscending(v, key) : LookupSearch.lastAtLeast(v, key);
        }
        int found = ascending ? LookupSearch.lastAtMost(v, key) : LookupSearch.firstAtMostDescending(v, key);
        if (matchMode == -1 || found < 0) {
            return found;
        }
        // exact (wildcards have no order, so a binary search treats them as plain text)
        return key.compareCell(v.get(found)) == 0 ? found : -1;
    }
}
