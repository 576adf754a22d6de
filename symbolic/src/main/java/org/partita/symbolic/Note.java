package org.partita.symbolic;

/**
 * One sounding note. Immutable and thread-safe.
 *
 * <p>Invariants: {@code startTick >= 0}, {@code durationTicks >= 0} (zero-length notes occur in real
 * files and are kept), {@code 0 <= pitch <= 127}, {@code 1 <= velocity <= 127} (a MIDI note-on with
 * velocity 0 is a note-off, so it never makes a note).
 */
public record Note(long startTick, long durationTicks, int pitch, int velocity) implements Comparable<Note> {

    public Note {
        if (startTick < 0) {
            throw new IllegalArgumentException("startTick must be >= 0, got " + startTick);
        }
        if (durationTicks < 0) {
            throw new IllegalArgumentException("durationTicks must be >= 0, got " + durationTicks);
        }
        if (pitch < 0 || pitch > 127) {
            throw new IllegalArgumentException("pitch must be in 0..127, got " + pitch);
        }
        if (velocity < 1 || velocity > 127) {
            throw new IllegalArgumentException("velocity must be in 1..127, got " + velocity);
        }
    }

    /** The tick at which the note stops sounding: {@code startTick + durationTicks}. */
    public long endTick() {
        return startTick + durationTicks;
    }

    /** A copy starting at another tick. */
    public Note withStartTick(long newStartTick) {
        return new Note(newStartTick, durationTicks, pitch, velocity);
    }

    /** A copy with another duration. */
    public Note withDurationTicks(long newDurationTicks) {
        return new Note(startTick, newDurationTicks, pitch, velocity);
    }

    /** A copy with another pitch. */
    public Note withPitch(int newPitch) {
        return new Note(startTick, durationTicks, newPitch, velocity);
    }

    /** A copy with another velocity. */
    public Note withVelocity(int newVelocity) {
        return new Note(startTick, durationTicks, pitch, newVelocity);
    }

    /** Canonical order inside a track: start, then pitch, then duration, then velocity. */
    @Override
    public int compareTo(Note o) {
        int c = Long.compare(startTick, o.startTick);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(pitch, o.pitch);
        if (c != 0) {
            return c;
        }
        c = Long.compare(durationTicks, o.durationTicks);
        if (c != 0) {
            return c;
        }
        return Integer.compare(velocity, o.velocity);
    }
}
