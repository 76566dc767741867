package io.carlo.engine.function.lookup;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.Wildcard;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/**
 * The value a lookup searches for, with Excel's matching rules: a key only ever matches cells of
 * its own type (the number 1 never matches the text "1"), text compares ignoring case, and blank
 * cells and errors in the searched range are skipped.
 */
final class LookupKey {

    private final Scalar key;
    private final Wildcard wildcard;

    private LookupKey(Scalar key, Wildcard wildcard) {
        this.key = key;
        this.wildcard = wildcard;
    }

    /**
     * The key of argument {@code i}. An empty argument searches for 0 (Excel's {@code MATCH(,range,0)}
     * idiom relies on it); a reference to an empty cell finds nothing.
     *
     * @param wildcards whether * ? ~ in a text key are patterns (exact-match MATCH/VLOOKUP/HLOOKUP,
     *            XLOOKUP match_mode 2)
     */
    static LookupKey of(Arguments args, int i, boolean wildcards) {
        return of(args.isOmitted(i) ? NumberValue.ZERO : args.scalar(i), wildcards);
    }

    /**
     * The key of the pre-2019 lookups (VLOOKUP, HLOOKUP, MATCH), which refuse a text key longer
     * than 255 characters with #VALUE! (XLOOKUP and XMATCH have no such limit).
     */
    static LookupKey classic(Arguments args, int i, boolean wildcards) {
        if (!args.isOmitted(i) && args.scalar(i) instanceof TextValue t && t.value().length() > 255) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return of(args, i, wildcards);
    }

    /** The key for a value; an error value is thrown, a blank one matches nothing. */
    static LookupKey of(Scalar key, boolean wildcards) {
        Scalar k = Coerce.check(key);
        Wildcard w = null;
        if (wildcards && k instanceof TextValue t) {
            Wildcard compiled = Wildcard.compile(t.value());
            if (compiled.hasWildcards() || t.value().indexOf('~') >= 0) {
                w = compiled;
            }
        }
        return new LookupKey(k, w);
    }

    /** Whether a cell takes part in the comparison at all (same type as the key). */
    boolean comparable(Scalar cell) {
        return switch (cell) {
            case NumberValue n -> key instanceof NumberValue;
            case TextValue t -> key instanceof TextValue;
            case BooleanValue b -> key instanceof BooleanValue;
            default -> false;
        };
    }

    /** Cell compared with the key: negative when the cell is smaller. Only for comparable cells. */
    int compareCell(Scalar cell) {
        return Coerce.compare(cell, key);
    }

    /** Exact match, honouring wildcards when enabled. */
    boolean matches(Scalar cell) {
        if (!comparable(cell)) {
            return false;
        }
        if (wildcard != null) {
            return wildcard.matches(((TextValue) cell).value());
        }
        return compareCell(cell) == 0;
    }
}
