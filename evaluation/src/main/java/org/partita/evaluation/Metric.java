package org.partita.evaluation;

/**
 * The per-piece metrics, named as MusPy's functions ({@link #jsonName()}). docs/evaluation.md defines each one
 * and the places where Partita's default differs from MusPy's code.
 */
public enum Metric {
    PITCH_RANGE("pitch_range"),
    N_PITCHES_USED("n_pitches_used"),
    N_PITCH_CLASSES_USED("n_pitch_classes_used"),
    POLYPHONY("polyphony"),
    POLYPHONY_RATE("polyphony_rate"),
    PITCH_ENTROPY("pitch_entropy"),
    PITCH_CLASS_ENTROPY("pitch_class_entropy"),
    SCALE_CONSISTENCY("scale_consistency"),
    EMPTY_BEAT_RATE("empty_beat_rate"),
    DRUM_IN_PATTERN_RATE("drum_in_pattern_rate"),
    DRUM_PATTERN_CONSISTENCY("drum_pattern_consistency"),
    GROOVE_CONSISTENCY("groove_consistency");

    private final String jsonName;

    Metric(String jsonName) {
        this.jsonName = jsonName;
    }

    /** MusPy's function name, used as the key in JSON and CSV output. */
    public String jsonName() {
        return jsonName;
    }
}
