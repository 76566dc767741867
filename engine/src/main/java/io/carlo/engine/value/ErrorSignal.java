package io.carlo.engine.value;

/**
 * Carries an Excel error out of a coercion deep inside a function, so that function code reads
 * like the formula it implements ({@code double x = args.number(0)}) instead of checking every
 * argument for errors. Caught where the function is called and turned back into the error value.
 * It has no stack trace: it is control flow, not a bug.
 */
public final class ErrorSignal extends RuntimeException {

    private static final ErrorSignal[] BY_ERROR = new ErrorSignal[ExcelError.values().length];

    static {
        for (ExcelError e : ExcelError.values()) {
            BY_ERROR[e.ordinal()] = new ErrorSignal(e);
        }
    }

    private final transient ExcelError error;

    private ErrorSignal(ExcelError error) {
        super(error.text(), null, false, false);
        this.error = error;
    }

    public static ErrorSignal of(ExcelError error) {
        return BY_ERROR[error.ordinal()];
    }

    public ExcelError error() {
        return error;
    }
}
