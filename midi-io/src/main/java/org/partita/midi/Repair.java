package org.partita.midi;

/**
 * One thing the lenient reader found wrong (or unusual) in a file and what it did about it.
 *
 * @param kind       what was found
 * @param byteOffset where in the file, or -1 when not at one place
 * @param detail     the values seen and the action taken
 */
public record Repair(Kind kind, long byteOffset, String detail) {

    /** The kinds of problem the reader handles. */
    public enum Kind {
        /** A data byte had its top bit set; the low 7 bits were used. */
        DATA_BYTE_ABOVE_127(true),
        /** A track chunk ended without the End of Track meta event; the track ends at its last event. */
        MISSING_END_OF_TRACK(true),
        /** Running status was used right after a meta or sysex event; the previous channel status was reused. */
        RUNNING_STATUS_AFTER_META_OR_SYSEX(true),
        /** A data byte came where a status byte was needed and no running status was in force; the byte was skipped. */
        DATA_BYTE_WITHOUT_STATUS(true),
        /** The header's track count differs from the number of MTrk chunks; the chunks found were read. */
        TRACK_COUNT_MISMATCH(true),
        /** A chunk's declared length runs past the end of the file; what is there was read. */
        CHUNK_TRUNCATED(true),
        /** An event was cut off by the end of its track chunk; it was dropped. */
        EVENT_TRUNCATED(true),
        /** Bytes after the last chunk that are not a chunk; ignored. */
        TRAILING_GARBAGE(true),
        /** Bytes between chunks that are not a chunk; skipped up to the next MTrk chunk. */
        GARBAGE_BETWEEN_CHUNKS(true),
        /** A track chunk's declared length disagrees with where its End of Track and the next MTrk are; the real boundary was used. */
        CHUNK_LENGTH_MISMATCH(true),
        /** A variable-length quantity longer than 4 bytes; the rest of that track chunk was dropped. */
        VARIABLE_LENGTH_TOO_LONG(true),
        /** A status byte that has no meaning in a file (0xF1..0xFE except 0xF7); skipped with its data bytes. */
        ILLEGAL_STATUS_BYTE(true),
        /** The header chunk is longer than 6 bytes; the extra bytes were skipped. */
        HEADER_TOO_LONG(true),
        /** A tempo, time-signature or key-signature meta event with impossible length or values; dropped. */
        INVALID_META_EVENT(true),
        /** Events after End of Track inside the same chunk; ignored. */
        EVENTS_AFTER_END_OF_TRACK(true),
        /** A chunk with an unknown type; skipped as the specification requires. */
        UNKNOWN_CHUNK_SKIPPED(false),
        /** The file was wrapped in a RIFF RMID container; unwrapped. */
        RIFF_UNWRAPPED(false),
        /** SMPTE time division converted to ticks per quarter (see MidiReader). */
        SMPTE_DIVISION_CONVERTED(false),
        /** A note was still sounding at the end of its track; closed there. */
        NOTE_CLOSED_AT_END_OF_TRACK(false),
        /** A note-off for a pitch that was not sounding; ignored. */
        NOTE_OFF_WITHOUT_NOTE_ON(false);

        private final boolean refusedWhenStrict;

        Kind(boolean refusedWhenStrict) {
            this.refusedWhenStrict = refusedWhenStrict;
        }

        /** Whether strict mode refuses the file instead of repairing it (a breach of the SMF specification). */
        public boolean refusedWhenStrict() {
            return refusedWhenStrict;
        }
    }

    @Override
    public String toString() {
        return kind + (byteOffset >= 0 ? " at byte " + byteOffset : "") + ": " + detail;
    }
}
