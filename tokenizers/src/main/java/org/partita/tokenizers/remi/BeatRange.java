package org.partita.tokenizers.remi;

/**
 * A range of beats {@code [startBeat, endBeat)} and its resolution in positions per beat: one entry
 * of MidiTok's {@code beat_res} (JSON key {@code "start_end"}). Immutable.
 */
public record BeatRange(int startBeat, int endBeat, int positionsPerBeat) {
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
    }
}
