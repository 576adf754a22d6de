package org.partita.midi;

/**
 * A Standard MIDI File could not be read: names the source, the byte offset where the problem was
 * found and the rule broken. Checked, because malformed files are an expected outcome in batch jobs.
 */
public final class MidiFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long byteOffset;
    private final String rule;

    /**
     * @param source     what was read (a path, or a description such as {@code "<bytes>"})
     * @param byteOffset offset in the file where the problem was found, or -1 when not at one place
     * @param rule       the rule broken, with the values seen
     */
    public MidiFormatException(String source, long byteOffset, String rule) {
        super(source + (byteOffset >= 0 ? " at byte " + byteOffset : "") + ": " + rule);
        this.source = source;
        this.byteOffset = byteOffset;
        this.rule = rule;
    }

    /** Same, keeping an underlying cause (an I/O error). */
    public MidiFormatException(String source, long byteOffset, String rule, Throwable cause) {
        this(source, byteOffset, rule);
        initCause(cause);
    }

    /** What was read. */
    public String source() {
        return source;
    }

    /** Byte offset of the problem, or -1 when it is not at one place. */
    public long byteOffset() {
        return byteOffset;
    }

    /** The rule broken, without the source and offset. */
    public String rule() {
        return rule;
    }
}
