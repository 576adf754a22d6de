package org.partita.symbolic;

/**
 * How {@link SyntheticCorpus} makes pieces. Immutable and thread-safe; change it with the
 * {@code withX} copies.
 *
 * <p>Invariants: {@code ticksPerQuarter} a positive multiple of 4 (the generator writes sixteenth
 * notes); {@code 1 <= minBars <= maxBars <= 1024}; {@code tempoChangeEvery >= 0} (0: no piece has a
 * tempo change; n: pieces n-1, 2n-1, ... have one).
 *
 * @param seed             seed of the {@link java.util.SplittableRandom} the pieces are drawn from
 * @param ticksPerQuarter  resolution of every piece
 * @param minBars          fewest bars in a piece
 * @param maxBars          most bars in a piece
 * @param tempoChangeEvery every how many pieces one has a tempo change mid-piece
 */
public record SyntheticConfig(long seed, int ticksPerQuarter, int minBars, int maxBars, int tempoChangeEvery) {

    public SyntheticConfig {
        if (ticksPerQuarter < 4 || ticksPerQuarter % 4 != 0) {
            throw new IllegalArgumentException("ticksPerQuarter must be a positive multiple of 4, got " + ticksPerQuarter);
        }
        if (minBars < 1 || minBars > 1024) {
            throw new IllegalArgumentException("minBars must be in 1..1024, got " + minBars);
        }
        if (maxBars < minBars || maxBars > 1024) {
            throw new IllegalArgumentException("maxBars must be in minBars (" + minBars + ")..1024, got " + maxBars);
        }
        if (tempoChangeEvery < 0) {
            throw new IllegalArgumentException("tempoChangeEvery must be >= 0, got " + tempoChangeEvery);
        }
    }

    /** Seed 0, 480 ticks per quarter, 8 to 16 bars, a tempo change in every third piece. */
    public static SyntheticConfig defaults() {
        return new SyntheticConfig(0L, 480, 8, 16, 3);
    }

    public SyntheticConfig withSeed(long newSeed) {
        return new SyntheticConfig(newSeed, ticksPerQuarter, minBars, maxBars, tempoChangeEvery);
    }

    public SyntheticConfig withTicksPerQuarter(int newTicksPerQuarter) {
        return new SyntheticConfig(seed, newTicksPerQuarter, minBars, maxBars, tempoChangeEvery);
    }

    public SyntheticConfig withBars(int newMinBars, int newMaxBars) {
        return new SyntheticConfig(seed, ticksPerQuarter, newMinBars, newMaxBars, tempoChangeEvery);
    }

    public SyntheticConfig withTempoChangeEvery(int newTempoChangeEvery) {
        return new SyntheticConfig(seed, ticksPerQuarter, minBars, maxBars, newTempoChangeEvery);
    }
}
