package io.carlo.engine.function.math;

import static io.carlo.engine.function.math.Numbers.num;
import static io.carlo.engine.function.math.Numbers.of;
import static io.carlo.engine.function.math.Numbers.value;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;

/** MMULT, MDETERM, MINVERSE and MUNIT. Every element must be a number: blanks and text are #VALUE!, errors propagate. */
final class MatrixFunctions {

    private MatrixFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("MMULT").args(2, 2).kinds(ArgKind.ARRAY).body(args -> {
            double[][] a = matrix(args.grid(0));
            double[][] b = matrix(args.grid(1));
            if (a[0].length != b.length) {
                throw value();
            }
            double[][] product = new double[a.length][b[0].length];
            for (int i = 0; i < a.length; i++) {
                for (int j = 0; j < b[0].length; j++) {
                    double sum = 0;
                    for (int k = 0; k < b.length; k++) {
                        sum += a[i][k] * b[k][j];
                    }
                    product[i][j] = sum;
                }
            }
            return toArray(product);
        });
        registry.function("MDETERM").args(1, 1).kinds(ArgKind.ARRAY).body(args -> of(determinant(square(args.grid(0)))));
        registry.function("MINVERSE").args(1, 1).kinds(ArgKind.ARRAY).body(args -> toArray(inverse(square(args.grid(0)))));
        registry.scalar("MUNIT", 1, 1, args -> {
            int n = args.integer(0);
            if (n < 1 || n > 4096) { // 4096 squared cells is already 16 million
                throw value();
            }
            double[][] identity = new double[n][n];
            for (int i = 0; i < n; i++) {
                identity[i][i] = 1;
            }
            return toArray(identity);
        });
    }

    private static double[][] matrix(Grid g) {
        double[][] m = new double[g.rows()][g.cols()];
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                if (!(Coerce.check(g.get(r, c)) instanceof NumberValue n)) {
                    throw value();
                }
                m[r][c] = n.value();
            }
        }
        return m;
    }

    private static double[][] square(Grid g) {
        if (g.rows() != g.cols()) {
            throw value();
        }
        return matrix(g);
    }

    private static ArrayValue toArray(double[][] m) {
        int cols = m[0].length;
        Scalar[] cells = new Scalar[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < cols; c++) {
                cells[r * cols + c] = of(m[r][c]);
            }
        }
        return ArrayValue.of(m.length, cols, cells);
    }

    /** By Gaussian elimination with partial pivoting. */
    static double determinant(double[][] m) {
        int n = m.length;
        double det = 1;
        for (int col = 0; col < n; col++) {
            int pivot = pivotRow(m, col);
            if (m[pivot][col] == 0) {
                return 0;
            }
            if (pivot != col) {
                double[] t = m[pivot];
                m[pivot] = m[col];
                m[col] = t;
                det = -det;
            }
            det *= m[col][col];
            for (int r = col + 1; r < n; r++) {
                double factor = m[r][col] / m[col][col];
                for (int c = col; c < n; c++) {
                    m[r][c] -= factor * m[col][c];
                }
            }
        }
        return det;
    }

    /** By Gauss-Jordan elimination; a singular matrix is #NUM!. */
    static double[][] inverse(double[][] m) {
        int n = m.length;
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            inv[i][i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = pivotRow(m, col);
            if (m[pivot][col] == 0) {
                throw num();
            }
            double[] t = m[pivot];
            m[pivot] = m[col];
            m[col] = t;
            t = inv[pivot];
            inv[pivot] = inv[col];
            inv[col] = t;
            double p = m[col][col];
            for (int c = 0; c < n; c++) {
                m[col][c] /= p;
                inv[col][c] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && m[r][col] != 0) {
                    double factor = m[r][col];
                    for (int c = 0; c < n; c++) {
                        m[r][c] -= factor * m[col][c];
                        inv[r][c] -= factor * inv[col][c];
                    }
                }
            }
        }
        return inv;
    }

    private static int pivotRow(double[][] m, int col) {
        int best = col;
        for (int r = col + 1; r < m.length; r++) {
            if (Math.abs(m[r][col]) > Math.abs(m[best][col])) {
                best = r;
            }
        }
        return best;
    }
}
