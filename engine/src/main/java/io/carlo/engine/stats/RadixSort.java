package io.carlo.engine.stats;

/**
 * Least-significant-digit radix sorts of finite doubles by their bit patterns: a few linear passes
 * over memory, where a comparison sort of 10^7 values makes about 23. Both sorts are stable and
 * treat -0.0 as 0.0 (they compare equal).
 */
final class RadixSort {

    /**
     * Byte digits: eight passes, but 256 buckets keep the scatter's write positions in the L1
     * cache; on 10^7 values this measured about 1.5 times faster than 11- or 16-bit digits.
     */
    private static final int DIGIT_BITS = 8;
    private static final int BUCKETS = 1 << DIGIT_BITS;
    private static final int PASSES = Long.SIZE / DIGIT_BITS;

    private RadixSort() {
    }

    /** The values in ascending order, -0.0 written as 0.0; {@code values} is left alone. */
    static double[] sortedCopy(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = sortableBits(values[i]);
            keys[i] = key;
            countDigits(counts, key);
        }
        long[] out = new long[n];
        for (int pass = 0; pass < PASSES; pass++) {
            if (!startPositions(counts[pass], keys, pass)) {
                continue;
            }
            int[] next = counts[pass];
            for (int i = 0; i < n; i++) {
                out[next[digit(keys[i], pass)]++] = keys[i];
            }
            long[] k = keys;
            keys = out;
            out = k;
        }
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = fromSortableBits(keys[i]);
        }
        return sorted;
    }

    /**
     * The positions of the values in ascending order ({@code values[order[0]]} is the smallest),
     * equal values in their original order, with the values' sortable keys in that order (equal
     * keys mean equal values).
     */
    static Ordered order(double[] values) {
        int n = values.length;
        long[] keys = new long[n];
        int[] order = new int[n];
        int[][] counts = new int[PASSES][BUCKETS];
        for (int i = 0; i < n; i++) {
            long key = sortableBits(values[i]);
            keys[i] = key;
            order[i] = i;
            countDigits(counts, key);
        }
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        for (int pass = 0; pass < PASSES; pass++) {
            if (!startPositions(counts[pass], keys, pass)) {
                continue;
            }
            int[] next = counts[pass];
            for (int i = 0; i < n; i++) {
                int to = next[digit(keys[i], pass)]++;
                keysOut[to] = keys[i];
                orderOut[to] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
        return new Ordered(order, keys);
    }

    /** Positions in ascending order and the sortable keys in that order. */
    record Ordered(int[] order, long[] sortedKeys) {
    }

    private static void countDigits(int[][] counts, long key) {
        for (int pass = 0; pass < PASSES; pass++) {
            counts[pass][digit(key, pass)]++;
        }
    }

    /**
     * Turns a pass's digit counts into the first position of each bucket. False when every key
     * has the same digit: the pass would move nothing and is skipped.
     */
    private static boolean startPositions(int[] count, long[] keys, int pass) {
        int n = keys.length;
        if (n == 0 || count[digit(keys[0], pass)] == n) {
            return false;
        }
        int start = 0;
        for (int b = 0; b < BUCKETS; b++) {
            int c = count[b];
            count[b] = start;
            start += c;
        }
        return true;
    }

    /**
     * The double's bits rearranged so that comparing them as unsigned integers orders the doubles:
     * negative numbers have all bits flipped, positive ones only the sign bit. -0.0 becomes 0.0 first
     * so that the two zeros tie.
     */
    static long sortableBits(double v) {
        long bits = Double.doubleToRawLongBits(v + 0.0);
        return bits ^ ((bits >> 63) | Long.MIN_VALUE);
    }

    private static double fromSortableBits(long key) {
        long bits = key ^ ((~key >> 63) | Long.MIN_VALUE);
        return Double.longBitsToDouble(bits);
    }

    private static int digit(long key, int pass) {
        return (int) (key >>> (pass * DIGIT_BITS)) & (BUCKETS - 1);
    }
}
