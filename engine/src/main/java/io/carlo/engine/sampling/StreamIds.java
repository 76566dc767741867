package io.carlo.engine.sampling;

/**
 * Which random stream each use of randomness reads. An input's stream depends on where it lives
 * (sheet, row, column, and which distribution of the cell's formula), not on its position in a
 * list, so adding an input to a model leaves the other inputs' draws unchanged.
 */
public final class StreamIds {

    /** Streams of RAND() calls start here (bit 62), far from input streams. */
    public static final long RAND_BASE = 1L << 62;

    private static final long LHS_BIT = 1L << 61;

    private StreamIds() {
    }

    /** The stream of an input: sheet, row, column and the distribution's position in the formula. */
    public static long input(int sheet, int row, int col, int ordinal) {
        return ((long) (sheet & 0x1FF) << 52) | ((long) row << 32) | ((long) col << 16) | ((ordinal + 1) & 0xFFFF);
    }

    /** The stream that shuffles an input's Latin hypercube strata. */
    public static long latinHypercube(long inputStream) {
        return inputStream | LHS_BIT;
    }
}
