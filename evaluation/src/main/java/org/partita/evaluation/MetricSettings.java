package org.partita.evaluation;

import java.util.Objects;

/**
 * How the per-piece metrics are computed. Immutable.
 *
 * @param stepsPerQuarter time steps per quarter note the score is resampled to before measuring; 0 keeps the
 *                        file's own resolution, as {@code muspy.read_midi} does
 * @param polyphonyThreshold pitches that count as "several" in {@code polyphony_rate} (MusPy's {@code threshold})
 * @param drumMeter       the drum pattern {@code drum_in_pattern_rate} checks against (MusPy's {@code meter})
 * @param muspyCompatible true reproduces MusPy 0.5's code where it departs from its own definitions
 *                        (docs/evaluation.md lists the four places); false (the default) follows the definitions
 */
public record MetricSettings(int stepsPerQuarter, int polyphonyThreshold, DrumMeter drumMeter,
                             boolean muspyCompatible) {

    /** The two drum patterns of MusPy's {@code drum_in_pattern_rate}. */
    public enum DrumMeter {
        /** Onsets on the sixteenth-note grid (quarter split in 4, else in 2). */
        DUPLE,
        /** Onsets on the eighth-note-triplet grid (quarter split in 3). */
        TRIPLE
    }

    public MetricSettings {
        if (stepsPerQuarter < 0) {
            throw new IllegalArgumentException("stepsPerQuarter must be >= 0 (0 = the file's own), got " + stepsPerQuarter);
        }
        if (polyphonyThreshold < 1) {
            throw new IllegalArgumentException("polyphonyThreshold must be >= 1, got " + polyphonyThreshold);
        }
        Objects.requireNonNull(drumMeter, "drumMeter");
    }

    /** The file's own resolution, threshold 2, duple drum pattern, MusPy's definitions as documented. */
    public static MetricSettings defaults() {
        return new MetricSettings(0, 2, DrumMeter.DUPLE, false);
    }

    public MetricSettings withStepsPerQuarter(int newStepsPerQuarter) {
        return new MetricSettings(newStepsPerQuarter, polyphonyThreshold, drumMeter, muspyCompatible);
    }

    public MetricSettings withPolyphonyThreshold(int newThreshold) {
        return new MetricSettings(stepsPerQuarter, newThreshold, drumMeter, muspyCompatible);
    }

    public MetricSettings withDrumMeter(DrumMeter newDrumMeter) {
        return new MetricSettings(stepsPerQuarter, polyphonyThreshold, newDrumMeter, muspyCompatible);
    }

    public MetricSettings withMuspyCompatible(boolean newMuspyCompatible) {
        return new MetricSettings(stepsPerQuarter, polyphonyThreshold, drumMeter, newMuspyCompatible);
    }
}
