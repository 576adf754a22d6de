package org.partita.tokenizers;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts, per kind, what a decoder met that a well-formed sequence never holds. Each count says what
 * the decoder did about it (see {@link Violation}). Immutable and thread-safe.
 */
public record DecodeReport(Map<Violation, Integer> counts) {

    /** Kinds of rule breaks, with what the decoder does. */
    public enum Violation {
        /** An id outside the vocabulary: skipped. */
        UNKNOWN_ID,
        /** A pitch not followed by its velocity: note dropped. */
        NOTE_WITHOUT_VELOCITY,
        /** A pitch (and velocity) not followed by its duration: note dropped. */
        NOTE_WITHOUT_DURATION,
        /** A velocity or duration token not preceded by its pitch: skipped. */
        STRAY_NOTE_ATTRIBUTE,
        /** A position earlier in the bar than the previous one: kept (time goes back). */
        POSITION_BACKWARDS,
        /** A position at or past the end of the current bar: kept (lands in the next bar's time). */
        POSITION_BEYOND_BAR,
        /** A time-signature token after a position in the same bar: ignored. */
        TIME_SIGNATURE_INSIDE_BAR,
        /** A pitch token of the wrong kind for the current program (drum vs pitched): note kept. */
        PITCH_KIND_MISMATCH,
        /** A special token (PAD, MASK, ...) other than a leading BOS or a trailing EOS/PAD: skipped. */
        MISPLACED_SPECIAL_TOKEN,
        /** A compound row without a value (or with a value out of range) in a field a note needs, or a trailing partial row: row skipped. */
        MISSING_FIELD,
        /** A compound note row whose instrument was not listed before start-of-notes: note kept. */
        UNDECLARED_INSTRUMENT
    }

    public DecodeReport {
        Objects.requireNonNull(counts, "counts");
        EnumMap<Violation, Integer> copy = new EnumMap<>(Violation.class);
        for (Map.Entry<Violation, Integer> e : counts.entrySet()) {
            if (e.getValue() < 0) {
                throw new IllegalArgumentException("count of " + e.getKey() + " must be >= 0, got " + e.getValue());
            }
            if (e.getValue() > 0) {
                copy.put(e.getKey(), e.getValue());
            }
        }
        counts = Collections.unmodifiableMap(copy);
    }

    /** A report with no violation. */
    public static DecodeReport clean() {
        return new DecodeReport(Map.of());
    }

    /** The count of one kind (0 when absent). */
    public int count(Violation kind) {
        return counts.getOrDefault(kind, 0);
    }

    /** Sum of all counts. */
    public int total() {
        int t = 0;
        for (int c : counts.values()) {
            t += c;
        }
        return t;
    }

    /** True when nothing was wrong. */
    public boolean isClean() {
        return counts.isEmpty();
    }
}
