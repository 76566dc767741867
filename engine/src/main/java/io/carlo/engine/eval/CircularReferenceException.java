package io.carlo.engine.eval;

import java.util.List;

/** Formulas that read each other in a circle while the workbook does not allow iterative calculation. */
public final class CircularReferenceException extends RuntimeException {

    private final List<String> cells;

    public CircularReferenceException(List<String> cells) {
        super("circular reference between " + summarize(cells)
                + " (enable iterative calculation in the workbook to allow it)", null, false, false);
        this.cells = List.copyOf(cells);
    }

    private static String summarize(List<String> cells) {
        if (cells.size() <= 10) {
            return String.join(", ", cells);
        }
        return String.join(", ", cells.subList(0, 10)) + " and " + (cells.size() - 10) + " more cells";
    }

    public List<String> cells() {
        return cells;
    }
}
