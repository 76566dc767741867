package io.carlo.engine.workbook;

/** A file that cannot be loaded as a workbook; the message is one line a user can act on. */
public final class WorkbookLoadException extends RuntimeException {

    public WorkbookLoadException(String message) {
        super(message, null, false, false);
    }
}
