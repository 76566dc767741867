package io.carlo.engine.value;

/**
 * A read-only rectangle of scalars: an {@link ArrayValue} or one area of a reference. Functions
 * that take ranges (SUM, VLOOKUP, MATCH...) read their arguments through this view so that they
 * work the same on ranges and on array constants.
 */
public interface Grid {

    int rows();

    int cols();

    /** The value at a zero-based position inside the grid. */
    Scalar get(int row, int col);

    default int size() {
        return rows() * cols();
    }

    /** Row-major element {@code i}. */
    default Scalar get(int i) {
        return get(i / cols(), i % cols());
    }

    static Grid of(Scalar scalar) {
        return new Grid() {
            @Override
            public int rows() {
                return 1;
            }

            @Override
            public int cols() {
                return 1;
            }

            @Override
            public Scalar get(int row, int col) {
                return scalar;
            }
        };
    }
}
