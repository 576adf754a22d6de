package org.partita.tokenizers.mmt;

import java.util.List;

/**
 * Configuration of the Multitrack Music Transformer's compound representation (Dong et al., 2023;
 * {@code mmt/representation.py}). Immutable; change it with {@code withX(..)} copies. Thread-safe.
 *
 * <p>Invariants (checked, messages name the value): {@code resolution >= 1}; {@code maxBeat >= 0};
 * known durations non-empty, positive, strictly increasing.
 *
 * @param resolution time steps per beat (a beat is a quarter note); MMT uses 12
 * @param maxBeat last beat index kept; notes starting later are dropped (MMT: 1024)
 * @param knownDurations the duration bins in time steps; longer notes are clipped to the last (MMT: 1..384)
 */
public record MmtConfig(int resolution, int maxBeat, List<Integer> knownDurations) {

    /** MMT's {@code KNOWN_DURATIONS}. */
    public static final List<Integer> MMT_DURATIONS = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15, 16, 18, 20,
            21, 24, 30, 36, 40, 42, 48, 60, 72, 84, 96, 120, 144, 168, 192, 384);

    public MmtConfig {
        // upper bounds keep a config from describing a vocabulary that cannot be built (issue 14)
        if (resolution < 1 || resolution > 1 << 16) {
            throw new IllegalArgumentException("resolution must be in 1..65536, got " + resolution);
        }
        if (maxBeat < 0 || maxBeat > 1 << 16) {
            throw new IllegalArgumentException("max_beat must be in 0..65536, got " + maxBeat);
        }
        knownDurations = List.copyOf(knownDurations);
        if (knownDurations.isEmpty()) {
            throw new IllegalArgumentException("known_durations must not be empty");
        }
        int previous = 0;
        for (int d : knownDurations) {
            if (d <= previous) {
                throw new IllegalArgumentException("known_durations must be positive and strictly increasing, got "
                        + d + " after " + previous);
            }
            previous = d;
        }
    }

    /** MMT's settings: resolution 12, max beat 1024, its 32 known durations. */
    public static MmtConfig defaults() {
        return new MmtConfig(12, 1024, MMT_DURATIONS);
    }

    /** The longest duration kept before binning (MMT's {@code MAX_DURATION}): the last known duration. */
    public int maxDuration() {
        return knownDurations.get(knownDurations.size() - 1);
    }

    public MmtConfig withResolution(int newResolution) {
        return new MmtConfig(newResolution, maxBeat, knownDurations);
    }

    public MmtConfig withMaxBeat(int newMaxBeat) {
        return new MmtConfig(resolution, newMaxBeat, knownDurations);
    }

    public MmtConfig withKnownDurations(List<Integer> durations) {
        return new MmtConfig(resolution, maxBeat, durations);
    }
}
