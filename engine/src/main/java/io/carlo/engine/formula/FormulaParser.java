package io.carlo.engine.formula;

import io.carlo.engine.formula.Expr.ArrayLiteral;
import io.carlo.engine.formula.Expr.Binary;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.formula.Expr.BooleanLiteral;
import io.carlo.engine.formula.Expr.Call;
import io.carlo.engine.formula.Expr.ErrorLiteral;
import io.carlo.engine.formula.Expr.Missing;
import io.carlo.engine.formula.Expr.Name;
import io.carlo.engine.formula.Expr.NumberLiteral;
import io.carlo.engine.formula.Expr.Reference;
import io.carlo.engine.formula.Expr.TextLiteral;
import io.carlo.engine.formula.Expr.Unary;
import io.carlo.engine.formula.Expr.UnaryOp;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A hand-written recursive-descent parser for Excel's A1 formula language, precedence from loosest
 * to tightest:
 *
 * <pre>
 *   comparison  = &lt;&gt; &lt; &lt;= &gt; &gt;=
 *   concat      &amp;
 *   additive    + -
 *   term        * /
 *   power       ^          (left-associative: 2^3^2 is 64)
 *   percent     postfix %
 *   unary       prefix - + (binds tighter than ^: -2^2 is 4)
 *   reference   : then space (intersection); union , only inside parentheses
 * </pre>
 *
 * References are resolved against the {@link ParseContext} while parsing; a reference to a sheet
 * that does not exist becomes {@code #REF!}, as Excel stores it.
 */
public final class FormulaParser {

    private final String src;
    private final ParseContext ctx;
    private int pos;

    private FormulaParser(String src, ParseContext ctx) {
        this.src = src;
        this.ctx = ctx;
    }

    /** Parses a formula, with or without its leading '='. */
    public static Expr parse(String formula, ParseContext ctx) {
        String text = formula.startsWith("=") ? formula.substring(1) : formula;
        FormulaParser p = new FormulaParser(text, ctx);
        p.skipSpaces();
        Expr e = p.parseExpression();
        p.skipSpaces();
        if (p.pos < p.src.length()) {
            throw p.error("unexpected '" + p.src.charAt(p.pos) + "'");
        }
        return e;
    }

    // ---- operators, loosest first -------------------------------------------------------------

    private Expr parseExpression() {
        Expr left = parseConcat();
        while (true) {
            skipSpaces();
            BinaryOp op;
            if (match("<>")) {
                op = BinaryOp.NE;
            } else if (match("<=")) {
                op = BinaryOp.LE;
            } else if (match(">=")) {
                op = BinaryOp.GE;
            } else if (match("=")) {
                op = BinaryOp.EQ;
            } else if (match("<")) {
                op = BinaryOp.LT;
            } else if (match(">")) {
                op = BinaryOp.GT;
            } else {
                return left;
            }
            left = new Binary(op, left, parseConcat());
        }
    }

    private Expr parseConcat() {
        Expr left = parseAdditive();
        while (true) {
            skipSpaces();
            if (!match("&")) {
                return left;
            }
            left = new Binary(BinaryOp.CONCAT, left, parseAdditive());
        }
    }

    private Expr parseAdditive() {
        Expr left = parseTerm();
        while (true) {
            skipSpaces();
            if (match("+")) {
                left = new Binary(BinaryOp.ADD, left, parseTerm());
            } else if (match("-")) {
                left = new Binary(BinaryOp.SUBTRACT, left, parseTerm());
            } else {
                return left;
            }
        }
    }

    private Expr parseTerm() {
        Expr left = parsePower();
        while (true) {
            skipSpaces();
            if (match("*")) {
                left = new Binary(BinaryOp.MULTIPLY, left, parsePower());
            } else if (match("/")) {
                left = new Binary(BinaryOp.DIVIDE, left, parsePower());
            } else {
                return left;
            }
        }
    }

    private Expr parsePower() {
        Expr left = parsePercent();
        while (true) {
            skipSpaces();
            if (!match("^")) {
                return left;
            }
            left = new Binary(BinaryOp.POWER, left, parsePercent());
        }
    }

    private Expr parsePercent() {
        Expr e = parseUnary();
        while (true) {
            skipSpaces();
            if (!match("%")) {
                return e;
            }
            e = new Unary(UnaryOp.PERCENT, e);
        }
    }

    private Expr parseUnary() {
        skipSpaces();
        if (match("-")) {
            Expr operand = parseUnary();
            if (operand instanceof NumberLiteral n) {
                return new NumberLiteral(-n.value());
            }
            return new Unary(UnaryOp.NEGATE, operand);
        }
        if (match("+")) {
            return new Unary(UnaryOp.PLUS, parseUnary());
        }
        return parseIntersection();
    }

    /** A space between two references is the intersection operator; elsewhere it is just space. */
    private Expr parseIntersection() {
        Expr left = parseRange();
        while (true) {
            int save = pos;
            if (pos < src.length() && src.charAt(pos) == ' ') {
                skipSpaces();
                if (pos < src.length() && isReferenceLike(left) && startsOperand(src.charAt(pos))) {
                    left = new Binary(BinaryOp.INTERSECT, left, parseRange());
                    continue;
                }
            }
            pos = save;
            return left;
        }
    }

    private static boolean isReferenceLike(Expr e) {
        return e instanceof Reference || e instanceof Name
                || (e instanceof Binary b && (b.op() == BinaryOp.RANGE || b.op() == BinaryOp.INTERSECT
                || b.op() == BinaryOp.UNION))
                || e instanceof Call;
    }

    private static boolean startsOperand(char c) {
        return Character.isLetter(c) || c == '$' || c == '\'' || c == '(' || c == '_';
    }

    private Expr parseRange() {
        Expr left = parsePrimary();
        while (pos < src.length() && src.charAt(pos) == ':') {
            pos++;
            Expr right = parsePrimary();
            left = combineRange(left, right);
        }
        return left;
    }

    /** {@code A1:B2} on one sheet folds into one reference; anything else stays a range operator. */
    private static Expr combineRange(Expr left, Expr right) {
        if (left instanceof Reference a && right instanceof Reference b && !a.is3d() && !b.is3d()
                && a.firstSheet() == b.firstSheet() && a.isCell() && b.isCell()) {
            return new Reference(a.firstSheet(), a.lastSheet(), a.firstRow(), a.firstCol(), b.lastRow(), b.lastCol(),
                    a.firstRowAbsolute(), a.firstColAbsolute(), b.lastRowAbsolute(), b.lastColAbsolute());
        }
        return new Binary(BinaryOp.RANGE, left, right);
    }

    // ---- operands ------------------------------------------------------------------------------

    private Expr parsePrimary() {
        skipSpaces();
        if (pos >= src.length()) {
            throw error("missing operand");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = parseExpression();
            skipSpaces();
            while (match(",")) {
                inner = new Binary(BinaryOp.UNION, inner, parseExpression());
                skipSpaces();
            }
            expect(')');
            return inner;
        }
        if (c == '"') {
            return new TextLiteral(readString());
        }
        if (c == '{') {
            return parseArray();
        }
        if (c == '#') {
            return parseErrorOrBrokenReference();
        }
        if (Character.isDigit(c) || c == '.') {
            Expr rows = tryRowRange(null);
            return rows != null ? rows : new NumberLiteral(readNumber());
        }
        if (c == '\'' || c == '[') {
            if (c == '[') {
                return isExternalWorkbookAhead() ? parseSheetQualified(readSheetSpec()) : parseStructured(null);
            }
            return parseSheetQualified(readQuotedSheetName());
        }
        if (Character.isLetter(c) || c == '_' || c == '$' || c == '\\') {
            return parseIdentifierLike();
        }
        throw error("unexpected '" + c + "'");
    }

    private Expr parseIdentifierLike() {
        int start = pos;
        String word = readWord();
        if (word.isEmpty()) {
            throw error("unexpected '" + src.charAt(pos) + "'");
        }
        if (peek() == '(' && !word.startsWith("$")) {
            pos++;
            return parseCall(word);
        }
        if (peek() == '!' || (peek() == ':' && isSheetRangeAhead())) {
            pos = start;
            return parseSheetQualified(readSheetSpec());
        }
        if (peek() == '[' && !word.startsWith("$")) {
            return parseStructured(word);
        }
        String upper = word.toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE")) {
            return new BooleanLiteral(true);
        }
        if (upper.equals("FALSE")) {
            return new BooleanLiteral(false);
        }
        pos = start;
        Expr ref = tryReference(ctx.hostSheet(), ctx.hostSheet());
        if (ref != null) {
            return ref;
        }
        pos = start + word.length();
        return new Name(word);
    }

    /** {@code [1]Sheet1!A1}: a reference into another workbook, which Carlo cannot follow. */
    private boolean isExternalWorkbookAhead() {
        int close = src.indexOf(']', pos);
        if (close < 0 || close + 1 >= src.length()) {
            return false;
        }
        char after = src.charAt(close + 1);
        return after != ']' && (isNameChar(after) || after == '\'') && src.indexOf('!', close) > 0;
    }

    /** After an unquoted word followed by ':', decides whether it is {@code Sheet1:Sheet3!A1}. */
    private boolean isSheetRangeAhead() {
        int save = pos;
        try {
            pos++;
            String second = readWord();
            return !second.isEmpty() && peek() == '!';
        } finally {
            pos = save;
        }
    }

    private Expr parseCall(String rawName) {
        String name = FunctionLibrary.normalize(rawName);
        List<Expr> args = new ArrayList<>();
        skipSpaces();
        if (match(")")) {
            return new Call(name, args);
        }
        while (true) {
            skipSpaces();
            if (peek() == ',' || peek() == ')') {
                args.add(new Missing());
            } else {
                args.add(parseExpression());
            }
            skipSpaces();
            if (match(",")) {
                continue;
            }
            expect(')');
            return new Call(name, args);
        }
    }

    private Expr parseArray() {
        expect('{');
        List<List<Scalar>> rows = new ArrayList<>();
        List<Scalar> row = new ArrayList<>();
        while (true) {
            skipSpaces();
            row.add(readArrayConstant());
            skipSpaces();
            if (match(",")) {
                continue;
            }
            if (match(";")) {
                rows.add(row);
                row = new ArrayList<>();
                continue;
            }
            expect('}');
            rows.add(row);
            break;
        }
        int cols = rows.get(0).size();
        Scalar[] cells = new Scalar[rows.size() * cols];
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).size() != cols) {
                throw error("array constant rows differ in length");
            }
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = rows.get(r).get(c);
            }
        }
        return new ArrayLiteral(ArrayValue.of(rows.size(), cols, cells));
    }

    private Scalar readArrayConstant() {
        char c = peek();
        if (c == '"') {
            return new TextValue(readString());
        }
        if (c == '#') {
            return readError();
        }
        boolean negative = false;
        if (c == '-' || c == '+') {
            negative = c == '-';
            pos++;
            c = peek();
        }
        if (Character.isDigit(c) || c == '.') {
            double v = readNumber();
            return NumberValue.of(negative ? -v : v);
        }
        String word = readWord().toUpperCase(Locale.ROOT);
        if (word.equals("TRUE")) {
            return BooleanValue.TRUE;
        }
        if (word.equals("FALSE")) {
            return BooleanValue.FALSE;
        }
        throw error("invalid array constant");
    }

    private Expr parseErrorOrBrokenReference() {
        ExcelError e = readError();
        // "#REF!A1" or "#REF!#REF!" is how a reference to a deleted sheet or cell is stored
        if (e == ExcelError.REF && (isNameChar(peek()) || peek() == '#')) {
            skipReferenceTail();
        }
        return new ErrorLiteral(e);
    }

    private void skipReferenceTail() {
        if (peek() == '#') {
            readError();
        } else {
            readWord();
            if (peek() == ':') {
                pos++;
                readWord();
            }
        }
    }

    private ExcelError readError() {
        for (ExcelError e : ExcelError.values()) {
            if (src.regionMatches(true, pos, e.text(), 0, e.text().length())) {
                pos += e.text().length();
                return e;
            }
        }
        throw error("unknown error literal");
    }

    // ---- references ----------------------------------------------------------------------------

    private record SheetSpec(String first, String last, boolean external) {
    }

    private Expr parseSheetQualified(SheetSpec spec) {
        expect('!');
        if (spec.external()) {
            skipReferenceTail();
            return new ErrorLiteral(ExcelError.REF);
        }
        if (peek() == '#') {
            readError();
            return new ErrorLiteral(ExcelError.REF);
        }
        int first = ctx.sheetIndex(spec.first());
        int last = spec.last() == null ? first : ctx.sheetIndex(spec.last());
        int save = pos;
        Expr ref = first < 0 || last < 0 ? null : tryReference(Math.min(first, last), Math.max(first, last));
        if (ref != null) {
            return ref;
        }
        pos = save;
        String word = readWord();
        if (word.isEmpty()) {
            throw error("expected a reference after '!'");
        }
        if (first < 0 || last < 0) {
            skipRangeTail();
            return new ErrorLiteral(ExcelError.REF);
        }
        return new Name(word); // a sheet-scoped defined name: Sheet1!MyName
    }

    private void skipRangeTail() {
        if (peek() == ':') {
            pos++;
            readWord();
        }
    }

    private SheetSpec readSheetSpec() {
        boolean external = false;
        if (peek() == '[') {
            external = true;
            while (pos < src.length() && src.charAt(pos) != ']') {
                pos++;
            }
            pos++;
        }
        String first = peek() == '\'' ? readQuoted() : readWord();
        String last = null;
        if (peek() == ':') {
            pos++;
            last = peek() == '\'' ? readQuoted() : readWord();
        }
        return new SheetSpec(first, last, external);
    }

    private SheetSpec readQuotedSheetName() {
        String quoted = readQuoted();
        boolean external = quoted.startsWith("[");
        String name = quoted;
        if (external) {
            name = quoted.substring(quoted.indexOf(']') + 1);
        }
        String first = name;
        String last = null;
        int colon = name.indexOf(':');
        if (colon > 0) {
            first = name.substring(0, colon);
            last = name.substring(colon + 1);
        }
        return new SheetSpec(first, last, external);
    }

    /**
     * Reads {@code A1}, {@code $A$1}, {@code A1:B2}, {@code A:C} or {@code 1:3} at the current position
     * for the given sheets; returns null (position restored) when the text is not a reference.
     */
    private Expr tryReference(int firstSheet, int lastSheet) {
        int start = pos;
        Expr rows = tryRowRange(new int[] {firstSheet, lastSheet});
        if (rows != null) {
            return rows;
        }
        pos = start;
        int[] a = readCellOrColumn();
        if (a == null) {
            pos = start;
            return null;
        }
        if (a[0] < 0) { // a column alone must be followed by ":column"
            if (peek() != ':') {
                pos = start;
                return null;
            }
            pos++;
            int[] b = readCellOrColumn();
            if (b == null || b[0] >= 0) {
                pos = start;
                return null;
            }
            if (isNameChar(peek())) {
                pos = start;
                return null;
            }
            return new Reference(firstSheet, lastSheet, 0, a[1], Area.MAX_ROW, b[1], true, a[3] == 1, true, b[3] == 1);
        }
        if (isNameChar(peek()) || peek() == '(') {
            pos = start;
            return null;
        }
        Reference cell = new Reference(firstSheet, lastSheet, a[0], a[1], a[0], a[1], a[2] == 1, a[3] == 1,
                a[2] == 1, a[3] == 1);
        int save = pos;
        if (peek() == ':') {
            pos++;
            int[] b = readCellOrColumn();
            if (b != null && b[0] >= 0 && !isNameChar(peek())) {
                return new Reference(firstSheet, lastSheet, a[0], a[1], b[0], b[1], a[2] == 1, a[3] == 1,
                        b[2] == 1, b[3] == 1);
            }
            pos = save;
        }
        return cell;
    }

    /** {@code 1:3} or {@code $2:$2}: whole rows. */
    private Expr tryRowRange(int[] sheets) {
        int start = pos;
        int[] a = readRowNumber();
        if (a == null || peek() != ':') {
            pos = start;
            return null;
        }
        pos++;
        int[] b = readRowNumber();
        if (b == null || isNameChar(peek()) || peek() == '.') {
            pos = start;
            return null;
        }
        int s0 = sheets == null ? ctx.hostSheet() : sheets[0];
        int s1 = sheets == null ? ctx.hostSheet() : sheets[1];
        return new Reference(s0, s1, a[0], 0, b[0], Area.MAX_COL, a[1] == 1, true, b[1] == 1, true);
    }

    private int[] readRowNumber() {
        boolean abs = match("$");
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos == start || pos - start > 7) {
            return null;
        }
        int row = Integer.parseInt(src.substring(start, pos));
        if (row < 1 || row > Area.MAX_ROW + 1) {
            return null;
        }
        return new int[] {row - 1, abs ? 1 : 0};
    }

    /**
     * Reads {@code $A$1} or a bare column {@code $A}; returns {row or -1, col, rowAbs, colAbs}.
     */
    private int[] readCellOrColumn() {
        int start = pos;
        boolean colAbs = match("$");
        int colStart = pos;
        while (pos < src.length() && isAsciiLetter(src.charAt(pos))) {
            pos++;
        }
        int letters = pos - colStart;
        if (letters == 0 || letters > 3) {
            pos = start;
            return null;
        }
        int col = 0;
        for (int i = colStart; i < pos; i++) {
            col = col * 26 + (Character.toUpperCase(src.charAt(i)) - 'A' + 1);
        }
        col -= 1;
        if (col > Area.MAX_COL) {
            pos = start;
            return null;
        }
        int afterCol = pos;
        boolean rowAbs = match("$");
        int rowStart = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (pos == rowStart) {
            pos = afterCol;
            return rowAbs ? null : new int[] {-1, col, 0, colAbs ? 1 : 0};
        }
        if (pos - rowStart > 7) {
            pos = start;
            return null;
        }
        int row = Integer.parseInt(src.substring(rowStart, pos)) - 1;
        if (row < 0 || row > Area.MAX_ROW) {
            pos = start;
            return null;
        }
        return new int[] {row, col, rowAbs ? 1 : 0, colAbs ? 1 : 0};
    }

    // ---- structured references -----------------------------------------------------------------

    private Expr parseStructured(String tableName) {
        Optional<TableDef> table = tableName == null
                ? ctx.tableAt(ctx.hostSheet(), ctx.hostRow(), ctx.hostCol())
                : ctx.table(tableName);
        expect('[');
        List<String> specials = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        skipSpaces();
        if (peek() == '[') {
            while (true) {
                skipSpaces();
                readStructuredItem(specials, columns);
                skipSpaces();
                if (!match(",")) {
                    break;
                }
            }
        } else if (peek() != ']') {
            readStructuredBare(specials, columns);
        }
        skipSpaces();
        expect(']');
        if (table.isEmpty()) {
            return new ErrorLiteral(ExcelError.REF);
        }
        return StructuredReferences.resolve(table.get(), specials, columns, ctx.hostRow());
    }

    /** Inside {@code Table[...]} without nested brackets: {@code #All}, {@code @Col}, {@code Col}. */
    private void readStructuredBare(List<String> specials, List<String> columns) {
        if (peek() == '@') {
            pos++;
            specials.add("#This Row");
            skipSpaces();
            if (peek() == '[') {
                pos++;
                columns.add(readColumnName());
                expect(']');
            } else if (peek() != ']') {
                columns.add(readColumnName());
            }
            return;
        }
        String item = readColumnName();
        if (item.startsWith("#")) {
            specials.add(item);
        } else {
            columns.add(item);
        }
    }

    /** One bracketed item: {@code [#Headers]}, {@code [Col]} or {@code [Col1]:[Col2]}. */
    private void readStructuredItem(List<String> specials, List<String> columns) {
        expect('[');
        String item = readColumnName();
        expect(']');
        if (item.startsWith("#")) {
            specials.add(item);
            return;
        }
        columns.add(item);
        if (peek() == ':') {
            pos++;
            expect('[');
            columns.add(readColumnName());
            expect(']');
        }
    }

    /** A column name up to the closing bracket; an apostrophe escapes the next character. */
    private String readColumnName() {
        StringBuilder sb = new StringBuilder();
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\'' && pos + 1 < src.length()) {
                sb.append(src.charAt(pos + 1));
                pos += 2;
                continue;
            }
            if (c == ']' || c == '[') {
                break;
            }
            sb.append(c);
            pos++;
        }
        return sb.toString().strip();
    }

    // ---- lexical helpers -----------------------------------------------------------------------

    private String readWord() {
        int start = pos;
        while (pos < src.length() && isNameChar(src.charAt(pos))) {
            pos++;
        }
        return src.substring(start, pos);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '\\' || c == '?';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private double readNumber() {
        int start = pos;
        while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
            pos++;
        }
        if (peek() == '.') {
            pos++;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            int save = pos;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            int digits = pos;
            while (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                pos++;
            }
            if (pos == digits) {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        if (text.equals(".")) {
            throw error("invalid number");
        }
        return Double.parseDouble(text);
    }

    private String readString() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated text");
            }
            char c = src.charAt(pos++);
            if (c == '"') {
                if (peek() == '"') {
                    sb.append('"');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(c);
        }
    }

    private String readQuoted() {
        expect('\'');
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw error("unterminated sheet name");
            }
            char c = src.charAt(pos++);
            if (c == '\'') {
                if (peek() == '\'') {
                    sb.append('\'');
                    pos++;
                    continue;
                }
                return sb.toString();
            }
            sb.append(c);
        }
    }

    private void skipSpaces() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < src.length() ? src.charAt(pos) : '\0';
    }

    private boolean match(String s) {
        if (src.startsWith(s, pos)) {
            pos += s.length();
            return true;
        }
        return false;
    }

    private void expect(char c) {
        skipSpaces();
        if (peek() != c) {
            throw error(pos >= src.length() ? "expected '" + c + "' but the formula ended" : "expected '" + c + "'");
        }
        pos++;
    }

    private FormulaSyntaxException error(String message) {
        return new FormulaSyntaxException(message, src, pos);
    }
}
