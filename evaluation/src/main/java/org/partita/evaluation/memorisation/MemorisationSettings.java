package org.partita.evaluation.memorisation;

/**
 * How pieces are compared with a training corpus. Immutable.
 *
 * @param stepsPerQuarter quantisation grid: onsets and durations are rounded to this many steps per quarter note
 *                        before comparing, so tempo, resolution and small timing differences do not matter
 * @param seedNotes       notes in the n-grams the index is keyed on; a copied passage shorter than this is not found
 * @param minBars         a passage at least this many bars long flags the piece; 0 turns the bar rule off
 * @param minNotes        a passage of at least this many notes flags the piece; 0 turns the note rule off
 */
public record MemorisationSettings(int stepsPerQuarter, int seedNotes, double minBars, int minNotes) {

    public MemorisationSettings {
        if (stepsPerQuarter < 1 || stepsPerQuarter > 96) {
            throw new IllegalArgumentException("stepsPerQuarter must be in 1..96, got " + stepsPerQuarter);
        }
        if (seedNotes < 3 || seedNotes > 64) {
            throw new IllegalArgumentException("seedNotes must be in 3..64, got " + seedNotes);
        }
        if (!(minBars >= 0) || Double.isInfinite(minBars)) {
            throw new IllegalArgumentException("minBars must be >= 0, got " + minBars);
        }
        if (minNotes < 0) {
            throw new IllegalArgumentException("minNotes must be >= 0, got " + minNotes);
        }
        if (minBars == 0 && minNotes == 0) {
            throw new IllegalArgumentException("minBars and minNotes cannot both be 0 (nothing would be flagged)");
        }
    }

    /** A sixteenth-note grid, 8-note seeds; flagged at 2 bars or 12 notes. */
    public static MemorisationSettings defaults() {
        return new MemorisationSettings(4, 8, 2.0, 12);
    }

    public MemorisationSettings withStepsPerQuarter(int newStepsPerQuarter) {
        return new MemorisationSettings(newStepsPerQuarter, seedNotes, minBars, minNotes);
    }

    public MemorisationSettings withSeedNotes(int newSeedNotes) {
        return new MemorisationSettings(stepsPerQuarter, newSeedNotes, minBars, minNotes);
    }

    public MemorisationSettings withMinBars(double newMinBars) {
        return new MemorisationSettings(stepsPerQuarter, seedNotes, newMinBars, minNotes);
    }

    public MemorisationSettings withMinNotes(int newMinNotes) {
        return new MemorisationSettings(stepsPerQuarter, seedNotes, minBars, newMinNotes);
    }

    /** True when a passage of {@code bars} bars and {@code notes} notes is long enough to flag a piece. */
    public boolean flags(double bars, int notes) {
        return (minBars > 0 && bars >= minBars - 1e-9) || (minNotes > 0 && notes >= minNotes);
    }
}
