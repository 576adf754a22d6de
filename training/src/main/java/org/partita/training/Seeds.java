package org.partita.training;

/** Derives independent seeds from (seed, stream) so every step's randomness is a pure function of both. */
public final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser of {@code seed ⊕ golden·(stream+1)}. */
    public static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
