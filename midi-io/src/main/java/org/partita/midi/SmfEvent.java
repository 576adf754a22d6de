package org.partita.midi;

import java.util.Arrays;

/**
 * One track-chunk event before it is encoded: absolute tick plus message. Pure data, so the order
 * logic ({@link TrackEventOrder}, {@link ConductorEvents}) is testable without bytes.
 */
sealed interface SmfEvent permits SmfEvent.Channel, SmfEvent.Meta {

    long tick();

    /**
     * A channel voice message. {@code status} is 0x80..0xEF (kind in the high nibble, channel in the
     * low); {@code data2} is ignored for the one-data-byte kinds (program change, channel pressure).
     */
    record Channel(long tick, int status, int data1, int data2) implements SmfEvent {

        static final int NOTE_OFF = 0x80;
        static final int NOTE_ON = 0x90;
        static final int CONTROL_CHANGE = 0xB0;
        static final int PROGRAM_CHANGE = 0xC0;
        static final int PITCH_BEND = 0xE0;

        /** Release velocity of written note-offs: 64, the spec's value for "no velocity sensing". */
        static final int NOTE_OFF_VELOCITY = 64;

        public Channel {
            if (status < 0x80 || status > 0xEF) {
                throw new IllegalArgumentException("channel status must be in 0x80..0xEF, got 0x"
                        + Integer.toHexString(status));
            }
        }

        /** Number of data bytes after the status byte. */
        int dataLength() {
            int kind = status & 0xF0;
            return kind == PROGRAM_CHANGE || kind == 0xD0 ? 1 : 2;
        }

        @Override
        public String toString() {
            return String.format("%d:%02X %d %d", tick, status, data1, data2);
        }
    }

    /** A meta event (0xFF {@code type} length payload). */
    record Meta(long tick, int type, byte[] payload) implements SmfEvent {

        static final int TRACK_NAME = 0x03;
        static final int END_OF_TRACK = 0x2F;
        static final int TEMPO = 0x51;
        static final int TIME_SIGNATURE = 0x58;
        static final int KEY_SIGNATURE = 0x59;

        public Meta {
            payload = payload.clone();
        }

        @Override
        public byte[] payload() {
            return payload.clone();
        }

        int payloadLength() {
            return payload.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Meta m && m.tick == tick && m.type == type && Arrays.equals(m.payload, payload);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(tick) * 31 * 31 + type * 31 + Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return String.format("%d:FF %02X %s", tick, type, Arrays.toString(payload));
        }
    }
}
