package io.carlo.engine.function.info;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.Locale;

/**
 * CELL(info_type, [reference]) for the info types that do not depend on formatting: "address",
 * "col", "row", "contents", "type" and "filename". The engine keeps no cell formats, widths or
 * protection, so "format", "width", "prefix", "color", "parentheses" and "protect" are #VALUE!
 * rather than a guess. Without a reference Excel uses the last changed cell; in a model evaluated
 * as a whole the host cell is the only sensible reading.
 */
final class CellFunction {

    private CellFunction() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("CELL").args(1, 2).kinds(ArgKind.VALUE, ArgKind.RANGE).body(CellFunction::cell);
    }

    private static Value cell(Arguments args) {
        String infoType = args.text(0).trim().toLowerCase(Locale.ROOT);
        FunctionContext context = args.context();
        Area area = args.has(1) && !args.isOmitted(1)
                ? args.reference(1).first()
                : Area.cell(context.hostSheet(), context.hostRow(), context.hostCol());
        int sheet = area.sheet();
        int row = area.firstRow();
        int col = area.firstCol();
        return switch (infoType) {
            case "address" -> new TextValue(address(area, context));
            case "col" -> NumberValue.of(col + 1);
            case "row" -> NumberValue.of(row + 1);
            case "contents" -> context.cell(sheet, row, col);
            case "type" -> new TextValue(typeLetter(context.cell(sheet, row, col)));
            // Excel gives the saved file's full path and "" for a workbook never saved; the engine
            // does not know where its workbook lives
            case "filename" -> TextValue.EMPTY;
            default -> throw ErrorSignal.of(ExcelError.VALUE);
        };
    }

    /** "b" blank, "l" label (text), "v" any other value. */
    private static String typeLetter(Scalar v) {
        if (v instanceof BlankValue) {
            return "b";
        }
        return v instanceof TextValue ? "l" : "v";
    }

    /**
     * The absolute address of the top-left cell, "$A$1". On another sheet Excel prefixes
     * "[Book.xlsx]Sheet!"; without a file name this gives "Sheet!$A$1" (quoted when needed).
     */
    static String address(Area area, FunctionContext context) {
        String cell = "$" + columnLetters(area.firstCol()) + "$" + (area.firstRow() + 1);
        if (area.sheet() == context.hostSheet()) {
            return cell;
        }
        return sheetPrefix(context.sheetName(area.sheet())) + cell;
    }

    private static String sheetPrefix(String name) {
        boolean plain = name.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '_' || ch == '.')
                && !Character.isDigit(name.charAt(0));
        return plain ? name + "!" : "'" + name.replace("'", "''") + "'!";
    }

    static String columnLetters(int col) {
        StringBuilder sb = new StringBuilder();
        int c = col + 1;
        while (c > 0) {
            int rem = (c - 1) % 26;
            sb.insert(0, (char) ('A' + rem));
            c = (c - 1) / 26;
        }
        return sb.toString();
    }
}
