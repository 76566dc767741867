package io.carlo.engine.formula;

/** A formula text that is not valid Excel syntax; the message says what and where. */
public final class FormulaSyntaxException extends RuntimeException {

    private final int position;

    public FormulaSyntaxException(String message, String formula, int position) {
        super(message + " at position " + (position + 1) + " of =" + formula);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
