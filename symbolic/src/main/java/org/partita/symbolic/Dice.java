package org.partita.symbolic;

import java.util.SplittableRandom;

/**
 * Seeded choices for the synthetic corpus. Uses only {@link SplittableRandom#nextLong()} and
 * {@link SplittableRandom#split()}, whose algorithms (SplitMix64) are specified, and does its own
 * bounding, so a seed gives the same choices on every JVM. Not thread-safe; each piece has its own.
 */
final class Dice {

    private final SplittableRandom random;

    Dice(SplittableRandom random) {
        this.random = random;
    }

    /** Uniform in {@code 0..bound-1} (multiply-shift of the top 32 bits; bias below 2^-32 * bound). */
    int below(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be >= 1, got " + bound);
        }
        return (int) (((random.nextLong() >>> 32) * bound) >>> 32);
    }

    /** True with probability 1/n. */
    boolean oneIn(int n) {
        return below(n) == 0;
    }

    int pick(int... values) {
        return values[below(values.length)];
    }

    <T> T pick(T[] values) {
        return values[below(values.length)];
    }
}
