package io.carlo.engine.function.lookup;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;
import java.util.regex.Pattern;

/** ADDRESS: builds reference text in A1 or R1C1 style, with any mix of absolute and relative parts. */
final class AddressFunction {

    /** Sheet names that need no quotes: a letter or underscore, then letters, digits, _ or '.'. */
    private static final Pattern PLAIN_SHEET = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_.]*");
    /** Names that would read as a cell (A1, XFD1048576) or an R1C1 reference, so need quotes. */
    private static final Pattern LOOKS_LIKE_CELL =
            Pattern.compile("(?i)[A-Z]{1,3}[0-9]+|R[0-9]*C?[0-9]*|C[0-9]*");

    private AddressFunction() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("ADDRESS", 2, 5, AddressFunction::address);
    }

    private static Value address(Arguments args) {
        int row = args.integer(0);
        int col = args.integer(1);
        int absNum = present(args, 2) ? args.integer(2) : 1;
        boolean a1 = !present(args, 3) || args.bool(3);
        if (row < 1 || col < 1 || row > Area.MAX_ROW + 1 || col > Area.MAX_COL + 1 || absNum < 1 || absNum > 4) {
            return ExcelError.VALUE;
        }
        boolean absRow = absNum == 1 || absNum == 2;
        boolean absCol = absNum == 1 || absNum == 3;
        String cell = a1
                ? (absCol ? "$" : "") + columnLetters(col) + (absRow ? "$" : "") + row
                : "R" + (absRow ? row : "[" + row + "]") + "C" + (absCol ? col : "[" + col + "]");
        if (!present(args, 4)) {
            return new TextValue(cell);
        }
        return new TextValue(quoteSheet(args.text(4)) + "!" + cell);
    }

    private static boolean present(Arguments args, int i) {
        return args.has(i) && !args.isOmitted(i);
    }

    /** The sheet part of the address, quoted when Excel would need quotes to read it back. */
    static String quoteSheet(String sheet) {
        // An external "[Book1]Sheet1" is judged by its sheet name; the quotes then enclose both.
        int book = sheet.startsWith("[") ? sheet.indexOf(']') : -1;
        String name = book > 0 ? sheet.substring(book + 1) : sheet;
        return needsQuotes(name) ? "'" + sheet.replace("'", "''") + "'" : sheet;
    }

    private static boolean needsQuotes(String sheet) {
        return !sheet.isEmpty()
                && (!PLAIN_SHEET.matcher(sheet).matches() || LOOKS_LIKE_CELL.matcher(sheet).matches());
    }

    static String columnLetters(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }
}
