package io.carlo.engine.function.lookup;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;

/**
 * Functions about references rather than values: OFFSET, INDIRECT, CHOOSE, ROW(S), COLUMN(S),
 * AREAS, FORMULATEXT and HYPERLINK.
 */
final class ReferenceFunctions {

    private ReferenceFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("OFFSET").args(3, 5).kinds(ArgKind.RANGE, ArgKind.VALUE).volatileFunction()
                .body(ReferenceFunctions::offset);
        registry.function("INDIRECT").args(1, 2).kinds(ArgKind.VALUE).volatileFunction()
                .body(ReferenceFunctions::indirect);
        registry.function("CHOOSE").args(2, 255).kinds(ArgKind.VALUE, ArgKind.RANGE)
                .body(ReferenceFunctions::choose);
        registry.function("ROW").args(0, 1).kinds(ArgKind.RANGE).body(args -> position(args, true));
        registry.function("COLUMN").args(0, 1).kinds(ArgKind.RANGE).body(args -> position(args, false));
        registry.function("ROWS").args(1, 1).kinds(ArgKind.RANGE).body(args -> extent(args, true));
        registry.function("COLUMNS").args(1, 1).kinds(ArgKind.RANGE).body(args -> extent(args, false));
        registry.function("AREAS").args(1, 1).kinds(ArgKind.RANGE)
                .body(args -> NumberValue.of(args.reference(0).areas().size()));
        registry.function("FORMULATEXT").args(1, 1).kinds(ArgKind.RANGE).body(ReferenceFunctions::formulaText);
        registry.scalar("HYPERLINK", 1, 2, ReferenceFunctions::hyperlink);
    }

    private static Value offset(Arguments args) {
        ReferenceValue ref = args.reference(0);
        if (!ref.isSingleArea()) {
            return ExcelError.VALUE;
        }
        Area a = ref.first();
        int rows = args.integer(1);
        int cols = args.integer(2);
        int height = sizeArgument(args, 3, a.rows());
        int width = sizeArgument(args, 4, a.cols());
        if (height == 0 || width == 0) {
            return ExcelError.REF;
        }
        int r0 = a.firstRow() + rows;
        int c0 = a.firstCol() + cols;
        // A negative height or width extends up or left from the moved corner.
        int r1 = height > 0 ? r0 + height - 1 : r0 + height + 1;
        int c1 = width > 0 ? c0 + width - 1 : c0 + width + 1;
        if (Math.min(r0, r1) < 0 || Math.min(c0, c1) < 0 || Math.max(r0, r1) > Area.MAX_ROW
                || Math.max(c0, c1) > Area.MAX_COL) {
            return ExcelError.REF;
        }
        return ReferenceValue.of(new Area(a.sheet(), r0, c0, r1, c1));
    }

    /** OFFSET's height and width: absent or written empty keeps the reference's own size. */
    private static int sizeArgument(Arguments args, int i, int own) {
        if (!args.has(i) || args.isOmitted(i)) {
            return own;
        }
        return args.integer(i);
    }

    private static Value indirect(Arguments args) {
        String text = args.text(0);
        boolean a1 = args.bool(1, true); // written empty, INDIRECT(t,), it is FALSE: R1C1
        return args.context().parseReference(text.trim(), a1).<Value>map(r -> r).orElse(ExcelError.REF);
    }

    /** CHOOSE returns its chosen argument as it is, so CHOOSE(2,A1,B1:B3) can be a reference. */
    private static Value choose(Arguments args) {
        int index = (int) Coerce.toNumber(args.scalar(0));
        if (index < 1 || index >= args.size()) {
            return ExcelError.VALUE;
        }
        if (args.isOmitted(index)) {
            return NumberValue.ZERO;
        }
        return args.value(index);
    }

    /**
     * ROW and COLUMN: without an argument the host cell's; of a larger reference the first one, or in
     * an array formula all of them (a vertical array of rows, a horizontal one of columns).
     */
    private static Value position(Arguments args, boolean row) {
        if (!args.has(0)) {
            return NumberValue.of((row ? args.context().hostRow() : args.context().hostCol()) + 1);
        }
        ReferenceValue ref = args.reference(0);
        if (!ref.isSingleArea()) {
            return ExcelError.REF;
        }
        Area a = ref.first();
        int first = row ? a.firstRow() : a.firstCol();
        int count = row ? a.rows() : a.cols();
        if (count == 1 || !args.context().arrayMode()) {
            return NumberValue.of(first + 1);
        }
        Scalar[] numbers = new Scalar[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = NumberValue.of(first + i + 1);
        }
        return row ? ArrayValue.column(numbers) : ArrayValue.row(numbers);
    }

    /** ROWS and COLUMNS count a reference's cells without reading it (A:A has 1,048,576 rows). */
    private static Value extent(Arguments args, boolean rows) {
        Value v = args.value(0);
        if (v instanceof ReferenceValue ref) {
            if (!ref.isSingleArea()) {
                return ExcelError.REF;
            }
            return NumberValue.of(rows ? ref.first().rows() : ref.first().cols());
        }
        if (v instanceof ExcelError e) {
            return e;
        }
        Grid g = args.grid(0);
        return NumberValue.of(rows ? g.rows() : g.cols());
    }

    private static Value formulaText(Arguments args) {
        ReferenceValue ref = args.reference(0);
        Area a = ref.first();
        return args.context().formulaText(a.sheet(), a.firstRow(), a.firstCol())
                .<Value>map(TextValue::new).orElse(ExcelError.NA);
    }

    /** HYPERLINK's value is what the cell shows: the friendly name, or else the link itself. */
    private static Value hyperlink(Arguments args) {
        if (args.has(1) && !args.isOmitted(1)) {
            Scalar friendly = Coerce.check(args.scalar(1));
            return friendly instanceof BlankValue ? NumberValue.ZERO : friendly;
        }
        return Coerce.check(args.scalar(0));
    }
}
