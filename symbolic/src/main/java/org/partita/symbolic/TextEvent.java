package org.partita.symbolic;

import java.util.Objects;

/**
 * A text meta event that belongs to the piece rather than to one track: a marker, a lyric, a cue
 * point or free text. Track names are kept on {@link Track}. Invariant: {@code tick >= 0}.
 * Immutable and thread-safe.
 */
public record TextEvent(long tick, Kind kind, String text) {

    /** The kinds of text a Standard MIDI File distinguishes and Partita keeps. */
    public enum Kind {
        /** Meta event 0x01. */
        TEXT(0x01),
        /** Meta event 0x02. */
        COPYRIGHT(0x02),
        /** Meta event 0x04 when it occurs outside a track that has notes. */
        INSTRUMENT(0x04),
        /** Meta event 0x05. */
        LYRIC(0x05),
        /** Meta event 0x06. */
        MARKER(0x06),
        /** Meta event 0x07. */
        CUE_POINT(0x07);

        private final int metaType;

        Kind(int metaType) {
            this.metaType = metaType;
        }

        /** The SMF meta event type byte. */
        public int metaType() {
            return metaType;
        }

        /** The kind for a meta type byte, or {@code null} if it is not one of these. */
        public static Kind ofMetaType(int type) {
            for (Kind k : values()) {
                if (k.metaType == type) {
                    return k;
                }
            }
            return null;
        }
    }

    public TextEvent {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** A copy at another tick. */
    public TextEvent withTick(long newTick) {
        return new TextEvent(newTick, kind, text);
    }
}
