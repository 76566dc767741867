package io.carlo.engine.value;

import java.util.Locale;
import java.util.Optional;

/**
 * Excel's error values. The first seven are the classic ones (and ERROR.TYPE's numbers 1..7);
 * the rest are the ones newer Excel versions add and a file may carry as a cached value.
 */
public enum ExcelError implements Scalar {
    NULL("#NULL!", 1, 0x00),
    DIV0("#DIV/0!", 2, 0x07),
    VALUE("#VALUE!", 3, 0x0F),
    REF("#REF!", 4, 0x17),
    NAME("#NAME?", 5, 0x1D),
    NUM("#NUM!", 6, 0x24),
    NA("#N/A", 7, 0x2A),
    GETTING_DATA("#GETTING_DATA", 8, 0x2B),
    SPILL("#SPILL!", 9, -1),
    CALC("#CALC!", 14, -1);

    private final String text;
    private final int typeNumber;
    private final int biffCode;

    ExcelError(String text, int typeNumber, int biffCode) {
        this.text = text;
        this.typeNumber = typeNumber;
        this.biffCode = biffCode;
    }

    /** The error as Excel displays it, e.g. {@code #DIV/0!}. */
    public String text() {
        return text;
    }

    /** The number ERROR.TYPE returns. */
    public int typeNumber() {
        return typeNumber;
    }

    public static Optional<ExcelError> fromText(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        for (ExcelError e : values()) {
            if (e.text.equals(upper)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Maps the error code stored in .xls/.xlsx files (as POI reports it). */
    public static Optional<ExcelError> fromBiffCode(int code) {
        for (ExcelError e : values()) {
            if (e.biffCode == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return text;
    }
}
