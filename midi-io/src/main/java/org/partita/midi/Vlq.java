package org.partita.midi;

import java.io.ByteArrayOutputStream;

/**
 * Standard MIDI File variable-length quantities: 7 bits per byte, most significant group first,
 * the top bit set on every byte but the last. At most four bytes, so values are 0..0x0FFFFFFF.
 */
final class Vlq {

    /** Largest value four VLQ bytes hold: 268,435,455. */
    static final long MAX = 0x0FFF_FFFFL;

    private Vlq() {
    }

    /** Appends {@code value} (0..{@link #MAX}) to {@code out}. */
    static void write(ByteArrayOutputStream out, long value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(
                    "variable-length quantity must be in 0..268435455 (0x0FFFFFFF), got " + value);
        }
        int shift = 21;
        while (shift > 0 && (value >>> shift) == 0) {
            shift -= 7;
        }
        for (; shift > 0; shift -= 7) {
            out.write((int) (0x80 | ((value >>> shift) & 0x7F)));
        }
        out.write((int) (value & 0x7F));
    }

    /** The encoding of {@code value} on its own. */
    static byte[] encode(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4);
        write(out, value);
        return out.toByteArray();
    }
}
