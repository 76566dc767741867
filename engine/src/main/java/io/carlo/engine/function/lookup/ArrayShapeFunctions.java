package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Functions that reshape arrays without looking at their values: TRANSPOSE, CHOOSECOLS/ROWS,
 * TAKE, DROP, VSTACK, HSTACK, TOCOL, TOROW, WRAPROWS, WRAPCOLS and EXPAND.
 */
final class ArrayShapeFunctions {

    private ArrayShapeFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("TRANSPOSE").args(1, 1).kinds(ArgKind.ARRAY).body(ArrayShapeFunctions::transpose);
        registry.function("CHOOSECOLS").args(2, 255).kinds(ArgKind.ARRAY).body(args -> choose(args, false));
        registry.function("CHOOSEROWS").args(2, 255).kinds(ArgKind.ARRAY).body(args -> choose(args, true));
        registry.function("TAKE").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> takeOrDrop(args, true));
        registry.function("DROP").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> takeOrDrop(args, false));
        registry.function("VSTACK").args(1, 255).kinds(ArgKind.ARRAY).body(args -> stack(args, true));
        registry.function("HSTACK").args(1, 255).kinds(ArgKind.ARRAY).body(args -> stack(args, false));
        registry.function("TOCOL").args(1, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> flatten(args, true));
        registry.function("TOROW").args(1, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> flatten(args, false));
        registry.function("WRAPROWS").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> wrap(args, true));
        registry.function("WRAPCOLS").args(2, 3).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(args -> wrap(args, false));
        registry.function("EXPAND").args(2, 4).kinds(ArgKind.ARRAY, ArgKind.VALUE).body(ArrayShapeFunctions::expand);
    }

    private static Value transpose(Arguments args) {
        Grid g = args.grid(0);
        return Arrays2D.build(g.cols(), g.rows(), (r, c) -> g.get(c, r));
    }

    /** CHOOSECOLS/CHOOSEROWS: one-based picks, negative ones counted from the end. */
    private static Value choose(Arguments args, boolean rows) {
        Grid g = args.grid(0);
        int n = rows ? g.rows() : g.cols();
        List<Integer> picks = new ArrayList<>();
        for (int i : Arrays2D.integers(args, 1)) {
            if (i == 0 || Math.abs(i) > n) {
                throw ErrorSignal.of(ExcelError.VALUE);
            }
            picks.add(i > 0 ? i - 1 : n + i);
        }
        return rows ? Arrays2D.pickRows(g, picks) : Arrays2D.pickCols(g, picks);
    }

    /**
     * TAKE keeps the first n rows/columns (the last ones when n is negative); DROP removes them.
     * A count left out keeps every row or column. TAKE(a,0) or dropping everything is #CALC!.
     */
    private static Value takeOrDrop(Arguments args, boolean take) {
        Grid g = args.grid(0);
        int[] rows = span(g.rows(), args, 1, take);
        int[] cols = span(g.cols(), args, 2, take);
        return Arrays2D.build(rows[1] - rows[0], cols[1] - cols[0], (r, c) -> g.get(rows[0] + r, cols[0] + c));
    }

    /** The kept range [from, to) of n items. */
    private static int[] span(int n, Arguments args, int i, boolean take) {
        if (!args.has(i) || args.isOmitted(i)) {
            return new int[] {0, n};
        }
        int k = args.integer(i);
        int m = Math.min(Math.abs(k), n);
        if (take) {
            return k >= 0 ? new int[] {0, m} : new int[] {n - m, n};
        }
        return k >= 0 ? new int[] {m, n} : new int[] {0, n - m};
    }

    /** VSTACK/HSTACK: arrays appended; narrower ones are padded with #N/A. */
    private static Value stack(Arguments args, boolean vertical) {
        List<Grid> grids = new ArrayList<>();
        int along = 0;
        int across = 0;
        for (int i = 0; i < args.size(); i++) {
            Grid g = args.grid(i);
            grids.add(g);
            along += vertical ? g.rows() : g.cols();
            across = Math.max(across, vertical ? g.cols() : g.rows());
        }
        Scalar[][] out = new Scalar[along][];
        int k = 0;
        for (Grid g : grids) {
            int n = vertical ? g.rows() : g.cols();
            int width = vertical ? g.cols() : g.rows();
            for (int a = 0; a < n; a++, k++) {
                out[k] = new Scalar[across];
                for (int b = 0; b < across; b++) {
                    out[k][b] = b >= width ? ExcelError.NA : vertical ? g.get(a, b) : g.get(b, a);
                }
            }
        }
        return vertical ? Arrays2D.build(along, across, (r, c) -> out[r][c])
                : Arrays2D.build(across, along, (r, c) -> out[c][r]);
    }

    /** TOCOL/TOROW; ignore: 0 keep all, 1 skip blanks, 2 skip errors, 3 skip both. */
    private static Value flatten(Arguments args, boolean toColumn) {
        Grid g = args.grid(0);
        int ignore = Arrays2D.optionalInt(args, 1, 0);
        boolean byColumn = args.has(2) && !args.isOmitted(2) && args.bool(2);
        if (ignore < 0 || ignore > 3) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        List<Scalar> kept = new ArrayList<>();
        int outer = byColumn ? g.cols() : g.rows();
        int inner = byColumn ? g.rows() : g.cols();
        for (int a = 0; a < outer; a++) {
            for (int b = 0; b < inner; b++) {
                Scalar v = byColumn ? g.get(b, a) : g.get(a, b);
                boolean skip = (v instanceof BlankValue && (ignore & 1) != 0)
                        || (v instanceof ExcelError && (ignore & 2) != 0);
                if (!skip) {
                    kept.add(v);
                }
            }
        }
        return toColumn ? Arrays2D.build(kept.size(), 1, (r, c) -> kept.get(r))
                : Arrays2D.build(1, kept.size(), (r, c) -> kept.get(c));
    }

    /** WRAPROWS/WRAPCOLS: a row or column cut into rows (columns) of wrap_count, the last one padded. */
    private static Value wrap(Arguments args, boolean intoRows) {
        Grid g = args.grid(0);
        if (g.rows() > 1 && g.cols() > 1) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        int count = args.integer(1);
        Scalar pad = Arrays2D.optionalScalar(args, 2, ExcelError.NA);
        if (count < 1) {
            throw ErrorSignal.of(ExcelError.NUM);
        }
        int n = g.size();
        int lines = (n + count - 1) / count;
        Arrays2D.CellSource at = (line, k) -> line * count + k < n ? g.get(line * count + k) : pad;
        return intoRows ? Arrays2D.build(lines, count, at)
                : Arrays2D.build(count, lines, (r, c) -> at.at(c, r));
    }

    /** EXPAND: grows an array to rows x cols (never shrinks: #VALUE!), padding with #N/A or pad_with. */
    private static Value expand(Arguments args) {
        Grid g = args.grid(0);
        int rows = Arrays2D.optionalInt(args, 1, g.rows());
        int cols = Arrays2D.optionalInt(args, 2, g.cols());
        Scalar pad = Arrays2D.optionalScalar(args, 3, ExcelError.NA);
        if (rows < g.rows() || cols < g.cols()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return Arrays2D.build(rows, cols, (r, c) -> r < g.rows() && c < g.cols() ? g.get(r, c) : pad);
    }
}
