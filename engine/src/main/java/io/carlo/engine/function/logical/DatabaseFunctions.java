package io.carlo.engine.function.logical;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.List;
import java.util.function.Function;

/**
 * DSUM(database, field, criteria) and the other database functions: an aggregate over one field
 * of the records the criteria range selects (see {@link Database}). Like SUM over a range, only
 * the numbers of the field count (DCOUNTA counts every non-blank cell), and an error in a selected
 * cell is the result.
 */
final class DatabaseFunctions {

    private DatabaseFunctions() {
    }

    static void register(FunctionRegistry registry) {
        numeric(registry, "DSUM", values -> NumberValue.of(sum(values)));
        numeric(registry, "DAVERAGE", values -> values.length == 0 ? ExcelError.DIV0
                : NumberValue.of(sum(values) / values.length));
        numeric(registry, "DMAX", values -> extreme(values, true));
        numeric(registry, "DMIN", values -> extreme(values, false));
        numeric(registry, "DPRODUCT", DatabaseFunctions::product);
        numeric(registry, "DVAR", values -> variance(values, true));
        numeric(registry, "DVARP", values -> variance(values, false));
        numeric(registry, "DSTDEV", values -> sqrt(variance(values, true)));
        numeric(registry, "DSTDEVP", values -> sqrt(variance(values, false)));
        define(registry, "DCOUNT", DatabaseFunctions::dcount);
        define(registry, "DCOUNTA", DatabaseFunctions::dcounta);
        define(registry, "DGET", DatabaseFunctions::dget);
    }

    private interface DatabaseBody {
        Value apply(Database db, List<Integer> rows, Arguments args);
    }

    private static void define(FunctionRegistry registry, String name, DatabaseBody body) {
        registry.function(name).args(3, 3).kinds(ArgKind.RANGE, ArgKind.VALUE, ArgKind.RANGE).body(args -> {
            Database db = new Database(args.grid(0));
            List<Integer> rows = db.select(args.grid(2));
            return body.apply(db, rows, args);
        });
    }

    /** A function of the numbers of the field in the selected records. */
    private static void numeric(FunctionRegistry registry, String name, Function<double[], Scalar> of) {
        define(registry, name, (db, rows, args) -> {
            int col = db.fieldColumn(args.scalar(1));
            double[] values = rows.stream().map(r -> db.cell(r, col)).mapToDouble(v -> {
                if (v instanceof ExcelError e) {
                    throw ErrorSignal.of(e);
                }
                return v instanceof NumberValue n ? n.value() : Double.NaN;
            }).filter(d -> !Double.isNaN(d)).toArray();
            return of.apply(values);
        });
    }

    /** DCOUNT counts the numbers of the field; with the field left empty, the selected records. */
    private static Value dcount(Database db, List<Integer> rows, Arguments args) {
        if (args.isOmitted(1)) {
            return NumberValue.of(rows.size());
        }
        int col = db.fieldColumn(args.scalar(1));
        return NumberValue.of(rows.stream().filter(r -> db.cell(r, col) instanceof NumberValue).count());
    }

    /** DCOUNTA counts the non-blank cells of the field; with the field left empty, the selected records. */
    private static Value dcounta(Database db, List<Integer> rows, Arguments args) {
        if (args.isOmitted(1)) {
            return NumberValue.of(rows.size());
        }
        int col = db.fieldColumn(args.scalar(1));
        return NumberValue.of(rows.stream().filter(r -> !(db.cell(r, col) instanceof BlankValue)).count());
    }

    /** DGET: the field of the one selected record; none is #VALUE!, several are #NUM!. */
    private static Value dget(Database db, List<Integer> rows, Arguments args) {
        int col = db.fieldColumn(args.scalar(1));
        if (rows.isEmpty()) {
            return ExcelError.VALUE;
        }
        if (rows.size() > 1) {
            return ExcelError.NUM;
        }
        return db.cell(rows.get(0), col);
    }

    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** DMAX and DMIN of no numbers are 0, like MAX and MIN. */
    private static Scalar extreme(double[] values, boolean max) {
        if (values.length == 0) {
            return NumberValue.ZERO;
        }
        double best = values[0];
        for (double v : values) {
            best = max ? Math.max(best, v) : Math.min(best, v);
        }
        return NumberValue.of(best);
    }

    /** DPRODUCT of no numbers is 0, not the empty product 1. */
    private static Scalar product(double[] values) {
        if (values.length == 0) {
            return NumberValue.ZERO;
        }
        double p = 1;
        for (double v : values) {
            p *= v;
        }
        return NumberValue.of(p);
    }

    /** Sample (n-1) or population (n) variance; too few numbers is #DIV/0!. */
    private static Scalar variance(double[] values, boolean sample) {
        int n = values.length;
        if (n == 0 || (sample && n < 2)) {
            return ExcelError.DIV0;
        }
        double mean = sum(values) / n;
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return NumberValue.of(ss / (sample ? n - 1 : n));
    }

    private static Scalar sqrt(Scalar variance) {
        return variance instanceof NumberValue n ? NumberValue.of(Math.sqrt(n.value())) : variance;
    }
}
