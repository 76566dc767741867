package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** SORT, SORTBY, UNIQUE and FILTER: the dynamic-array functions that look at values. */
final class SortFilterFunctions {

    private SortFilterFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("SORT").args(1, 4).kinds(ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.VALUE)
                .body(SortFilterFunctions::sort);
        registry.function("SORTBY").args(2, 255).kinds(ArgKind.ARRAY).body(SortFilterFunctions::sortBy);
        registry.function("UNIQUE").args(1, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(SortFilterFunctions::unique);
        registry.function("FILTER").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.ARRAY, ArgKind.RANGE)
                .body(SortFilterFunctions::filter);
    }

    /** One sort level: which line of the data (or a separate by-array) and which direction. */
    private record SortKey(Grid grid, int line, boolean keyIsColumn, boolean descending) {
        Scalar at(int item) {
            return keyIsColumn ? grid.get(item, line) : grid.get(line, item);
        }
    }

    private static Value sort(Arguments args) {
        Grid g = args.grid(0);
        boolean byCol = args.has(3) && !args.isOmitted(3) && args.bool(3);
        List<Integer> indexes = args.has(1) && !args.isOmitted(1) ? Arrays2D.integers(args, 1, 2) : List.of(1);
        List<Integer> orders = args.has(2) && !args.isOmitted(2) ? Arrays2D.integers(args, 2, 3) : List.of(1);
        int lines = byCol ? g.rows() : g.cols();
        if (orders.size() != 1 && orders.size() != indexes.size()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        List<SortKey> keys = new ArrayList<>();
        for (int k = 0; k < indexes.size(); k++) {
            int index = indexes.get(k);
            int order = orders.get(orders.size() == 1 ? 0 : k);
            if (index < 1 || index > lines || (order != 1 && order != -1)) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            keys.add(new SortKey(g, index - 1, !byCol, order == -1));
        }
        return sorted(g, keys, !byCol);
    }

    /**
     * SORTBY(array, by1, [order1], by2, [order2]...): the by-arrays are one column (the rows are
     * sorted) or one row (the columns are sorted).
     */
    private static Value sortBy(Arguments args) {
        Grid g = args.grid(0);
        List<SortKey> keys = new ArrayList<>();
        Boolean sortRows = null;
        for (int i = 1; i < args.size(); i += 2) {
            Grid by = args.grid(i);
            int order = i + 1 < args.size() && !args.isOmitted(i + 1) ? args.integer(i + 1) : 1;
            boolean rows = by.cols() == 1 && by.rows() == g.rows() && (g.rows() > 1 || g.cols() == 1);
            boolean cols = !rows && by.rows() == 1 && by.cols() == g.cols();
            if ((!rows && !cols) || (sortRows != null && sortRows != rows) || (order != 1 && order != -1)) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            sortRows = rows;
            keys.add(new SortKey(by, 0, rows, order == -1));
        }
        return sorted(g, keys, sortRows);
    }

    private static Value sorted(Grid g, List<SortKey> keys, boolean sortRows) {
        List<Integer> items = new ArrayList<>();
        for (int i = 0; i < (sortRows ? g.rows() : g.cols()); i++) {
            items.add(i);
        }
        Comparator<Integer> order = (a, b) -> 0;
        for (SortKey key : keys) {
            order = order.thenComparing((a, b) -> SortOrder.compare(key.at(a), key.at(b), key.descending()));
        }
        items.sort(order); // List.sort is stable: ties keep their original order, as in Excel
        return sortRows ? Arrays2D.pickRows(g, items) : Arrays2D.pickCols(g, items);
    }

    /** UNIQUE: distinct rows (or columns) in first-seen order, or with exactly_once those seen once. */
    private static Value unique(Arguments args) {
        Grid g = args.grid(0);
        boolean byCol = args.has(1) && !args.isOmitted(1) && args.bool(1);
        boolean exactlyOnce = args.has(2) && !args.isOmitted(2) && args.bool(2);
        int n = byCol ? g.cols() : g.rows();
        int width = byCol ? g.rows() : g.cols();
        List<Integer> firsts = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int seen = -1;
            for (int f = 0; f < firsts.size() && seen < 0; f++) {
                if (sameLine(g, byCol, width, firsts.get(f), i)) {
                    seen = f;
                }
            }
            if (seen < 0) {
                firsts.add(i);
                counts.add(1);
            } else {
                counts.set(seen, counts.get(seen) + 1);
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int f = 0; f < firsts.size(); f++) {
            if (!exactlyOnce || counts.get(f) == 1) {
                kept.add(firsts.get(f));
            }
        }
        return byCol ? Arrays2D.pickCols(g, kept) : Arrays2D.pickRows(g, kept);
    }

    private static boolean sameLine(Grid g, boolean byCol, int width, int a, int b) {
        for (int k = 0; k < width; k++) {
            Scalar x = byCol ? g.get(k, a) : g.get(a, k);
            Scalar y = byCol ? g.get(k, b) : g.get(b, k);
            if (!SortOrder.sameValue(x, y)) {
                return false;
            }
        }
        return true;
    }

    /**
     * FILTER keeps the rows (include is a column) or columns (include is a row) whose include value
     * is true. Nothing kept is #CALC!, unless if_empty is given.
     */
    private static Value filter(Arguments args) {
        Grid g = args.grid(0);
        Grid include = args.grid(1);
        boolean rows = include.cols() == 1 && include.rows() == g.rows();
        boolean cols = !rows && include.rows() == 1 && include.cols() == g.cols();
        if (!rows && !cols) {
            return ExcelError.VALUE;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < include.size(); i++) {
            if (included(include.get(i))) {
                kept.add(i);
            }
        }
        if (kept.isEmpty()) {
            return args.has(2) && !args.isOmitted(2) ? args.value(2) : ExcelError.CALC;
        }
        return rows ? Arrays2D.pickRows(g, kept) : Arrays2D.pickCols(g, kept);
    }

    private static boolean included(Scalar v) {
        return switch (v) {
            case NumberValue n -> n.value() != 0;
            case BooleanValue b -> b.value();
            case BlankValue b -> false;
            case TextValue t -> throw ErrorSignal.of(ExcelError.VALUE);
            case ExcelError e -> throw ErrorSignal.of(e);
        };
    }

    /** Excel's sort order: numbers, text (ignoring case), booleans, errors; blanks always last. */
    static final class SortOrder {

        private SortOrder() {
        }

        static int compare(Scalar a, Scalar b, boolean descending) {
            boolean blankA = a instanceof BlankValue;
            boolean blankB = b instanceof BlankValue;
            if (blankA || blankB) {
                return Boolean.compare(blankA, blankB);
            }
            int ra = rank(a);
            int rb = rank(b);
            int c = ra != rb ? Integer.compare(ra, rb) : ra == 3 ? 0 : Coerce.compare(a, b);
            return descending ? -c : c;
        }

        private static int rank(Scalar v) {
            return switch (v) {
                case NumberValue n -> 0;
                case TextValue t -> 1;
                case BooleanValue b -> 2;
                default -> 3;
            };
        }

        /** Equality for UNIQUE: same type and equal value, text ignoring case. */
        static boolean sameValue(Scalar a, Scalar b) {
            if (a instanceof BlankValue || b instanceof BlankValue) {
                return a == b;
            }
            if (a instanceof ExcelError || b instanceof ExcelError) {
                return a == b;
            }
            return rank(a) == rank(b) && Coerce.compare(a, b) == 0;
        }
    }
}
