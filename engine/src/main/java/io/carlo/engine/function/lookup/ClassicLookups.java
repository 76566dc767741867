package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Value;

/** VLOOKUP, HLOOKUP, LOOKUP and MATCH: the pre-2019 lookups with their binary-search approximate mode. */
final class ClassicLookups {

    private ClassicLookups() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("VLOOKUP").args(3, 4).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE, ArgKind.VALUE)
                .body(args -> tableLookup(args, false));
        registry.function("HLOOKUP").args(3, 4).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE, ArgKind.VALUE)
                .body(args -> tableLookup(args, true));
        registry.function("MATCH").args(2, 3).kinds(ArgKind.VALUE, ArgKind.RANGE, ArgKind.VALUE)
                .body(ClassicLookups::match);
        // LOOKUP evaluates its vectors as arrays even in an ordinary formula: the idiom
        // LOOKUP(2,1/(A1:A9<>""),B1:B9) (last non-empty value) relies on it.
        registry.function("LOOKUP").args(2, 3).kinds(ArgKind.VALUE, ArgKind.ARRAY, ArgKind.ARRAY)
                .body(ClassicLookups::lookup);
    }

    /** VLOOKUP (search the first column) and HLOOKUP (search the first row). */
    private static Value tableLookup(Arguments args, boolean horizontal) {
        Coerce.check(args.scalar(0)); // an error key wins over a bad index
        Grid table = Arrays2D.grid(args, 1);
        int index = args.integer(2);
        // An empty fourth argument, VLOOKUP(a,b,2,), means FALSE: it reads as blank.
        boolean approximate = args.bool(3, true);
        if (index < 1) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        if (index > (horizontal ? table.rows() : table.cols())) {
            throw ErrorSignal.of(ExcelError.REF);
        }
        LookupVector keys = horizontal ? LookupVector.row(table, 0) : LookupVector.column(table, 0);
        LookupKey key = LookupKey.classic(args, 0, !approximate);
        int found = approximate ? LookupSearch.lastAtMost(keys, key) : LookupSearch.exactFirst(keys, key);
        if (found < 0) {
            return ExcelError.NA;
        }
        return horizontal ? table.get(index - 1, found) : table.get(found, index - 1);
    }

    private static Value match(Arguments args) {
        LookupVector vector = LookupVector.of(Arrays2D.grid(args, 1));
        double type = args.number(2, 1);
        if (vector == null) {
            return ExcelError.NA; // MATCH only searches one row or one column
        }
        int found;
        if (type == 0) {
            found = LookupSearch.exactFirst(vector, LookupKey.classic(args, 0, true));
        } else if (type > 0) {
            found = LookupSearch.lastAtMost(vector, LookupKey.classic(args, 0, false));
        } else {
            found = LookupSearch.lastAtLeast(vector, LookupKey.classic(args, 0, false));
        }
        return found < 0 ? ExcelError.NA : NumberValue.of(found + 1);
    }

    /**
     * LOOKUP's vector form searches the second argument and returns from the third; its array form
     * searches the first row or column (whichever is longer: a wide array is searched by its first
     * row) and returns from the last one. Both are approximate matches on ascending data.
     */
    private static Value lookup(Arguments args) {
        LookupKey key = LookupKey.of(args, 0, false);
        Grid searched = Arrays2D.grid(args, 1);
        boolean wide = searched.cols() > searched.rows();
        LookupVector keys = wide ? LookupVector.row(searched, 0) : LookupVector.column(searched, 0);
        int found = LookupSearch.lastAtMost(keys, key);
        if (found < 0) {
            return ExcelError.NA;
        }
        if (!args.has(2)) {
            return wide ? searched.get(searched.rows() - 1, found) : searched.get(found, searched.cols() - 1);
        }
        return resultAt(args, 2, found);
    }

    /**
     * The {@code i}-th cell of LOOKUP's result vector. Excel reads past the end of a result range
     * that is shorter than the searched one, continuing in the range's direction.
     */
    private static Value resultAt(Arguments args, int arg, int i) {
        if (args.value(arg) instanceof ReferenceValue ref && ref.isSingleArea()) {
            Area a = ref.first();
            boolean isRow = a.rows() == 1 && a.cols() > 1;
            if (a.rows() > 1 && a.cols() > 1) {
                throw ErrorSignal.of(ExcelError.NA);
            }
            int row = a.firstRow() + (isRow ? 0 : i);
            int col = a.firstCol() + (isRow ? i : 0);
            if (row > Area.MAX_ROW || col > Area.MAX_COL) {
                return ExcelError.REF;
            }
            return args.context().cell(a.sheet(), row, col);
        }
        LookupVector results = LookupVector.of(args.grid(arg));
        if (results == null || i >= results.size()) {
            return ExcelError.NA;
        }
        return results.get(i);
    }
}
