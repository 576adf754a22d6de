package org.partita.tokenizers.remi;

/**
 * A range of beats {@code [startBeat, endBeat)} and its resolution in positions per beat: one entry
 * of MidiTok's {@code beat_res} (JSON key {@code "start_end"}). Every (beat, position) of a range becomes
 * a token, so a range may give at most {@link #MAX_TIME_VALUES} of them: a config such as
 * {@code {"0_100000": 1000}} is refused here rather than building a vocabulary of 10^8 tokens. Immutable.
 */
public record BeatRange(int startBeat, int endBeat, int positionsPerBeat) {

    /** The most (beat, position) values one range may give (MidiTok's defaults give 40). */
    public static final int MAX_TIME_VALUES = 1 << 16;

    public BeatRange {
        if (startBeat < 0) {
            throw new IllegalArgumentException("beat range start must be >= 0, got " + startBeat);
        }
        if (endBeat <= startBeat) {
            throw new IllegalArgumentException("beat range end must be > start " + startBeat + ", got " + endBeat);
        }
        if (positionsPerBeat < 1) {
            throw new IllegalArgumentException("positions per beat must be >= 1, got " + positionsPerBeat
                    + " (range " + startBeat + "_" + endBeat + ")");
        }
        long values = ((long) endBeat - startBeat) * positionsPerBeat;
        if (values > MAX_TIME_VALUES) {
            throw new IllegalArgumentException("beat range " + startBeat + "_" + endBeat + " at " + positionsPerBeat
                    + " positions per beat gives " + values + " time values (tokens), above the limit of "
                    + MAX_TIME_VALUES);
        }
    }
}
