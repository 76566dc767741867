package io.carlo.engine.function.info;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.function.Predicate;

/**
 * The IS functions, ERROR.TYPE, N, NA, TYPE, SHEET, SHEETS and CELL (see {@link CellFunction}).
 *
 * <p>The IS functions take VALUE arguments: a range is reduced by implicit intersection (or
 * applied element by element in an array formula), and an error argument is a value to inspect,
 * not a failure. ISREF, ISFORMULA, N, TYPE, SHEET and SHEETS need to see references and arrays
 * as they are, so they take RANGE arguments.
 */
public final class InformationFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        is(registry, "ISBLANK", v -> v instanceof BlankValue);
        is(registry, "ISERR", v -> v instanceof ExcelError e && e != ExcelError.NA);
        is(registry, "ISERROR", v -> v instanceof ExcelError);
        is(registry, "ISNA", v -> v == ExcelError.NA);
        is(registry, "ISNUMBER", v -> v instanceof NumberValue);
        is(registry, "ISTEXT", v -> v instanceof TextValue);
        is(registry, "ISNONTEXT", v -> !(v instanceof TextValue));
        is(registry, "ISLOGICAL", v -> v instanceof BooleanValue);
        registry.scalar("ISEVEN", 1, 1, args -> BooleanValue.of(parity(args) == 0));
        registry.scalar("ISODD", 1, 1, args -> BooleanValue.of(parity(args) != 0));
        registry.scalar("ERROR.TYPE", 1, 1, args -> args.scalar(0) instanceof ExcelError e
                ? NumberValue.of(e.typeNumber()) : ExcelError.NA);
        registry.scalar("NA", 0, 0, args -> ExcelError.NA);

        registry.function("ISREF").args(1, 1).kinds(ArgKind.RANGE)
                .body(args -> BooleanValue.of(args.isReference(0)));
        registry.function("ISFORMULA").args(1, 1).kinds(ArgKind.RANGE).body(InformationFunctions::isFormula);
        registry.function("N").args(1, 1).kinds(ArgKind.RANGE).body(InformationFunctions::n);
        registry.function("TYPE").args(1, 1).kinds(ArgKind.RANGE).body(InformationFunctions::type);
        registry.function("SHEET").args(0, 1).kinds(ArgKind.RANGE).body(InformationFunctions::sheet);
        registry.function("SHEETS").args(0, 1).kinds(ArgKind.RANGE).body(InformationFunctions::sheets);
        CellFunction.register(registry);
    }

    private static void is(FunctionRegistry registry, String name, Predicate<Scalar> test) {
        registry.scalar(name, 1, 1, args -> BooleanValue.of(test.test(args.scalar(0))));
    }

    /**
     * ISEVEN/ISODD truncate their number; numeric text is accepted but, as with the other Analysis
     * ToolPak functions, a boolean is #VALUE!.
     */
    private static long parity(Arguments args) {
        Scalar v = args.scalar(0);
        if (v instanceof BooleanValue) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        double d = Math.floor(Math.abs(Coerce.toNumber(v)));
        return (long) (d % 2);
    }

    /** ISFORMULA(reference): whether its first cell holds a formula. */
    private static Value isFormula(Arguments args) {
        Area a = args.reference(0).first();
        return BooleanValue.of(args.context().formulaText(a.sheet(), a.firstRow(), a.firstCol()).isPresent());
    }

    /**
     * N: numbers stay, TRUE is 1, everything else (text, blank, FALSE) is 0 and an error stays
     * an error. Of a range it reads the first cell, not the intersection with the host cell.
     */
    private static Value n(Arguments args) {
        Scalar v = first(args.value(0), args);
        return switch (v) {
            case NumberValue num -> num;
            case BooleanValue b -> b.value() ? NumberValue.ONE : NumberValue.ZERO;
            case ExcelError e -> e;
            case TextValue t -> NumberValue.ZERO;
            case BlankValue b -> NumberValue.ZERO;
        };
    }

    /** TYPE: 1 number (and blank), 2 text, 4 boolean, 16 error, 64 array or multi-cell range. */
    private static Value type(Arguments args) {
        Value v = args.value(0);
        if (v instanceof ArrayValue a && (a.rows() > 1 || a.cols() > 1)) {
            return NumberValue.of(64);
        }
        if (v instanceof ReferenceValue ref && (!ref.isSingleArea() || !ref.first().isSingleCell())) {
            return NumberValue.of(ref.isSingleArea() ? 64 : 16);
        }
        return NumberValue.of(switch (first(v, args)) {
            case NumberValue n -> 1;
            case BlankValue b -> 1;
            case TextValue t -> 2;
            case BooleanValue b -> 4;
            case ExcelError e -> 16;
        });
    }

    /**
     * SHEET([value]): the 1-based index of a reference's sheet, of the sheet a text names (#N/A
     * when there is none), or of the host sheet.
     */
    private static Value sheet(Arguments args) {
        if (!args.has(0) || args.isOmitted(0)) {
            return NumberValue.of(args.context().hostSheet() + 1);
        }
        if (args.value(0) instanceof ReferenceValue ref) {
            return NumberValue.of(ref.first().sheet() + 1);
        }
        Scalar v = args.scalar(0);
        if (v instanceof ExcelError e) {
            return e;
        }
        if (v instanceof TextValue t) {
            int index = args.context().sheetIndex(t.value());
            return index < 0 ? ExcelError.NA : NumberValue.of(index + 1);
        }
        return ExcelError.VALUE;
    }

    /** SHEETS([reference]): how many sheets a (3-D) reference spans, or the workbook's sheet count. */
    private static Value sheets(Arguments args) {
        if (!args.has(0) || args.isOmitted(0)) {
            return NumberValue.of(args.context().sheetCount());
        }
        if (args.value(0) instanceof ReferenceValue ref) {
            return NumberValue.of(ref.areas().stream().mapToInt(Area::sheet).distinct().count());
        }
        Scalar v = args.scalar(0);
        return v instanceof ExcelError e ? e : ExcelError.VALUE;
    }

    /** The first value of a reference (its first area's top-left cell), an array, or a scalar. */
    static Scalar first(Value v, Arguments args) {
        return switch (v) {
            case Scalar s -> s;
            case ArrayValue a -> a.get(0, 0);
            case ReferenceValue ref -> {
                Area a = ref.first();
                yield args.context().cell(a.sheet(), a.firstRow(), a.firstCol());
            }
        };
    }
}
