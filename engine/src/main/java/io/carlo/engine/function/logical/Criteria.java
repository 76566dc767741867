package io.carlo.engine.function.logical;

import io.carlo.engine.function.Wildcard;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One criterion of COUNTIF, SUMIFS, DSUM and the like: a test a cell either passes or not.
 *
 * <p>Excel's rules, as {@link #parse(Scalar)} and {@link #matches(Scalar)} apply them:
 * <ul>
 * <li>A text criterion may start with {@code = <> < <= > >=}; the rest is read as a number
 * (dates and percentages too), TRUE/FALSE, an error such as #N/A, or else plain text.</li>
 * <li>Equality with a number also matches text cells that read as that number ("5" counts a 5
 * and a 5 typed as text), while {@code < <= > >=} only ever compare numbers with numbers, text
 * with text and booleans with booleans.</li>
 * <li>Text equality ignores case and honours the wildcards {@code * ? ~}.</li>
 * <li>{@code ""} matches blank cells and empty texts, {@code "="} only blank cells, {@code "<>"}
 * every cell that is not blank; otherwise blank cells never match, not even a 0.</li>
 * <li>A criterion that is a reference to an empty cell means 0 (as Microsoft documents for
 * COUNTIFS).</li>
 * </ul>
 */
public final class Criteria {

    private enum Op { EQ, NE, LT, LE, GT, GE }

    /** What an operator with nothing after it means: "", "=" and "<>". */
    private enum EmptyOperand { NONE, BLANK_OR_EMPTY_TEXT, BLANK_ONLY, NOT_BLANK }

    private final Op op;
    private final Scalar operand;
    private final EmptyOperand empty;
    private final Wildcard pattern;

    private Criteria(Op op, Scalar operand, EmptyOperand empty, Wildcard pattern) {
        this.op = op;
        this.operand = operand;
        this.empty = empty;
        this.pattern = pattern;
    }

    /** The criterion argument of COUNTIF and friends. */
    public static Criteria parse(Scalar criterion) {
        return parse(criterion, false);
    }

    /**
     * A cell of a database criteria range (DSUM...). There, as in Excel's Advanced Filter, a plain
     * text without an operator matches every text that starts with it ("Dav" finds "David");
     * {@code ="=Dav"} is needed for an exact match.
     */
    public static Criteria parseDatabase(Scalar criterion) {
        return parse(criterion, true);
    }

    private static Criteria parse(Scalar criterion, boolean startsWith) {
        return switch (criterion) {
            case NumberValue n -> equalTo(n);
            case BooleanValue b -> equalTo(b);
            case ExcelError e -> equalTo(e);
            case BlankValue b -> equalTo(NumberValue.ZERO);
            case TextValue t -> parseText(t.value(), startsWith);
        };
    }

    private static Criteria equalTo(Scalar operand) {
        return new Criteria(Op.EQ, operand, EmptyOperand.NONE, null);
    }

    private static Criteria parseText(String text, boolean startsWith) {
        Op op;
        int skip;
        if (text.startsWith("<=")) {
            op = Op.LE;
            skip = 2;
        } else if (text.startsWith(">=")) {
            op = Op.GE;
            skip = 2;
        } else if (text.startsWith("<>")) {
            op = Op.NE;
            skip = 2;
        } else if (text.startsWith("<")) {
            op = Op.LT;
            skip = 1;
        } else if (text.startsWith(">")) {
            op = Op.GT;
            skip = 1;
        } else if (text.startsWith("=")) {
            op = Op.EQ;
            skip = 1;
        } else {
            op = Op.EQ;
            skip = 0;
        }
        String rest = text.substring(skip);
        if (rest.isEmpty() && (op == Op.EQ || op == Op.NE)) {
            EmptyOperand e = op == Op.NE ? EmptyOperand.NOT_BLANK
                    : skip == 0 ? EmptyOperand.BLANK_OR_EMPTY_TEXT : EmptyOperand.BLANK_ONLY;
            return new Criteria(op, TextValue.EMPTY, e, null);
        }
        Scalar operand = readOperand(rest);
        Wildcard pattern = null;
        if (operand instanceof TextValue t && (op == Op.EQ || op == Op.NE)) {
            boolean prefix = startsWith && skip == 0;
            // plain texts (the common case, evaluated once per cell per iteration) skip the regex
            boolean plain = !prefix && t.value().chars().noneMatch(ch -> ch == '*' || ch == '?' || ch == '~');
            pattern = plain ? null : Wildcard.compile(prefix ? t.value() + "*" : t.value());
        }
        return new Criteria(op, operand, EmptyOperand.NONE, pattern);
    }

    private static Scalar readOperand(String rest) {
        OptionalDouble number = Coerce.parseNumber(rest);
        if (number.isPresent()) {
            return NumberValue.of(number.getAsDouble());
        }
        String upper = rest.trim().toUpperCase(Locale.ROOT);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            return BooleanValue.of(upper.equals("TRUE"));
        }
        Optional<ExcelError> error = ExcelError.fromText(rest.trim());
        if (error.isPresent()) {
            return error.get();
        }
        return new TextValue(rest);
    }

    /** Whether a cell's value passes this criterion. */
    public boolean matches(Scalar cell) {
        switch (empty) {
            case BLANK_OR_EMPTY_TEXT:
                return cell instanceof BlankValue || (cell instanceof TextValue t && t.value().isEmpty());
            case BLANK_ONLY:
                return cell instanceof BlankValue;
            case NOT_BLANK:
                return !(cell instanceof BlankValue);
            default:
                break;
        }
        return switch (op) {
            case EQ -> isEqual(cell);
            case NE -> !isEqual(cell);
            default -> isOrdered(cell);
        };
    }

    /** True for the blank cell: lets callers count the blank part of A:A without reading it. */
    public boolean matchesBlank() {
        return matches(BlankValue.BLANK);
    }

    private boolean isEqual(Scalar cell) {
        return switch (operand) {
            case NumberValue n -> numberOf(cell).stream().anyMatch(v -> v == n.value());
            case TextValue t -> cell instanceof TextValue ct
                    && (pattern == null ? ct.value().equalsIgnoreCase(t.value()) : pattern.matches(ct.value()));
            case BooleanValue b -> cell == b;
            case ExcelError e -> cell == e;
            case BlankValue b -> cell instanceof BlankValue;
        };
    }

    /** A number cell, or a text cell that reads as a number (the equality-only leniency). */
    private static OptionalDouble numberOf(Scalar cell) {
        return switch (cell) {
            case NumberValue n -> OptionalDouble.of(n.value());
            case TextValue t -> Coerce.parseNumber(t.value());
            default -> OptionalDouble.empty();
        };
    }

    private boolean isOrdered(Scalar cell) {
        int cmp;
        if (operand instanceof NumberValue n && cell instanceof NumberValue c) {
            cmp = c.value() < n.value() ? -1 : c.value() > n.value() ? 1 : 0;
        } else if (operand instanceof TextValue t && cell instanceof TextValue c) {
            cmp = Coerce.compareText(c.value(), t.value());
        } else if (operand instanceof BooleanValue b && cell instanceof BooleanValue c) {
            cmp = Boolean.compare(c.value(), b.value());
        } else {
            return false;
        }
        return switch (op) {
            case LT -> cmp < 0;
            case LE -> cmp <= 0;
            case GT -> cmp > 0;
            case GE -> cmp >= 0;
            default -> throw new IllegalStateException(op.name());
        };
    }
}
