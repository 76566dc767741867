package io.carlo.engine.sampling.correlation;

import io.carlo.engine.sampling.RandomStreams;

/** One iteration's correlated standard normals L z, from one independent normal per input stream. */
final class CorrelatedNormals {

    private CorrelatedNormals() {
    }

    /**
     * @param factor a lower-triangular factor with unit rows, so each result is exactly N(0, 1)
     */
    static double[] draw(double[][] factor, long seed, long iteration, int[] streams) {
        int k = factor.length;
        double[] independent = new double[k];
        for (int j = 0; j < k; j++) {
            independent[j] = StandardNormal.inverseCdf(RandomStreams.uniform(seed, streams[j], iteration));
        }
        double[] correlated = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int m = 0; m <= i; m++) {
                sum += factor[i][m] * independent[m];
            }
            correlated[i] = sum;
        }
        return correlated;
    }
}
