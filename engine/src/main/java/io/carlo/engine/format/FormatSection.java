package io.carlo.engine.format;

import java.util.List;

/**
 * One of the up to four {@code ;}-separated parts of a format code.
 *
 * @param condition the explicit [condition], or null
 * @param isDate whether the section shows a date or time (it has y, m, d, h, s or AM/PM parts)
 */
record FormatSection(List<FormatToken> tokens, Condition condition, boolean isDate) {

    boolean hasTextPlaceholder() {
        return tokens.stream().anyMatch(t -> t instanceof FormatToken.TextPlaceholder);
    }

    boolean isEmpty() {
        return tokens.isEmpty();
    }
}
