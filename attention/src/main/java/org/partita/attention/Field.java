package org.partita.attention;

import java.util.Locale;

/**
 * What relation between a query and a key is measured (ATTENTION.md, "Fields"). A pair counts only
 * when both units have the field's attribute.
 */
public enum Field {
    /** beat(t) − beat(q): −4 is four beats back. */
    BEAT("beat"),
    /** position(t) − position(q), positions being steps within the beat. */
    POSITION("position"),
    /** bar(t) − bar(q). */
    BAR("bar"),
    /** pitch(t) − pitch(q), a signed interval in semitones. */
    PITCH("pitch"),
    /** abs(pitch(t) − pitch(q)) mod 12. */
    INTERVAL_CLASS("interval-class"),
    /** 1 when program(t) = program(q), else 0. */
    INSTRUMENT("instrument");

    private final String label;

    Field(String label) {
        this.label = label;
    }

    /** The name used on the command line and in every output, e.g. {@code interval-class}. */
    public String label() {
        return label;
    }

    /** The field named {@code label} (case-insensitive). */
    public static Field parse(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT);
        for (Field f : values()) {
            if (f.label.equals(s)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown field '" + label
                + "', expected one of beat, position, bar, pitch, interval-class, instrument");
    }
}
