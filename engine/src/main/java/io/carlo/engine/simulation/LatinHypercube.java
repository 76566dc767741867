package io.carlo.engine.simulation;

import io.carlo.engine.sampling.RandomStreams;

/**
 * Latin hypercube strata: a seeded permutation of 0..n-1 per input, so that iteration i of the
 * input falls in stratum {@code strata[i]} and every one of the n equal-probability strata is used
 * exactly once. The permutation is a pure function of (seed, stream, n), so every thread and shard
 * computes the same one.
 */
final class LatinHypercube {

    private LatinHypercube() {
    }

    static int[] strata(long seed, long stream, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        // Fisher–Yates, driven by the counter-based stream instead of a stateful generator
        for (int i = n - 1; i > 0; i--) {
            int j = (int) Long.remainderUnsigned(RandomStreams.bits(seed, stream, i), i + 1L);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
