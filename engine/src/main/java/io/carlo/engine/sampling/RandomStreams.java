package io.carlo.engine.sampling;

/**
 * Counter-based random numbers: the uniform for (seed, stream, index) is a pure function of the
 * three, so any iteration of any input can be drawn by any thread, block or shard, in any order,
 * and a run is bit-identical however it is split. A stream is one input (or one use of randomness,
 * such as a Latin hypercube permutation); the index is the iteration.
 *
 * <p>The function is two rounds of the SplitMix64/Stafford "mix13" finalizer over the key, which
 * passes BigCrush as a counter-based generator (it is the output function of SplitMix64, whose
 * state is simply a counter).
 */
public final class RandomStreams {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double TO_UNIT = 0x1.0p-52;

    private RandomStreams() {
    }

    /**
     * A uniform in the open interval (0, 1): never 0 or 1, so every inverse CDF is finite. 52 bits
     * plus a half: with 53 bits the largest value would round up to exactly 1.
     */
    public static double uniform(long seed, long stream, long index) {
        long bits = bits(seed, stream, index);
        return ((bits >>> 12) + 0.5) * TO_UNIT;
    }

    /** 64 random bits for (seed, stream, index). */
    public static long bits(long seed, long stream, long index) {
        long key = mix(seed * GOLDEN + stream);
        return mix(key + (index + 1) * GOLDEN);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
