package org.partita.midi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.ControlChange;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchBend;
import org.partita.symbolic.Track;

/**
 * Turns the channel events of one MTrk chunk into {@link Track}s.
 *
 * <p>Rules (documented in {@link MidiReader}):
 * <ul>
 *   <li>One Track per (channel, program) pair that plays at least one note; a note belongs to the
 *       program in force on its channel at its note-on. Channel 10 (index 9) makes drum tracks.</li>
 *   <li>Overlapping notes of one pitch on one channel pair first-in, first-out: a note-off ends the
 *       earliest still-sounding note of that pitch.</li>
 *   <li>Notes still sounding when the chunk ends are closed at the end-of-track tick.</li>
 *   <li>Control changes and pitch bends go to the track of the program in force at their tick; if
 *       that (channel, program) never plays a note, they move to the channel's first track that does;
 *       on a channel with no notes at all they are dropped.</li>
 * </ul>
 * Not thread-safe: one per read, {@link #begin() begun} for each chunk.
 */
final class TrackAssembler {

    private static final int CHANNELS = 16;
    private static final int DRUM_CHANNEL = 9;

    /** One (channel, program) part being collected. */
    private static final class Part {
        final int channel;
        final int program;
        final List<Note> notes = new ArrayList<>();
        final List<ControlChange> controls = new ArrayList<>(0);
        final List<PitchBend> bends = new ArrayList<>(0);

        Part(int channel, int program) {
            this.channel = channel;
            this.program = program;
        }
    }

    /** A note-on waiting for its note-off. */
    private record Open(long startTick, int velocity, Part part) {
    }

    private final RepairLog log;
    private final int[] program = new int[CHANNELS];
    private final Part[] current = new Part[CHANNELS];
    private final List<Part> parts = new ArrayList<>(4);
    /** Sounding notes per (channel * 128 + pitch), created on first use; all empty between chunks. */
    private final ArrayDeque<Open>[] open;

    @SuppressWarnings("unchecked")
    TrackAssembler(RepairLog log) {
        this.log = log;
        this.open = new ArrayDeque[CHANNELS * 128];
    }

    /** Starts a new chunk: programs back to 0, no parts. */
    void begin() {
        java.util.Arrays.fill(program, 0);
        java.util.Arrays.fill(current, null);
        parts.clear();
    }

    private Part part(int channel) {
        Part p = current[channel];
        if (p == null) {
            for (Part q : parts) {
                if (q.channel == channel && q.program == program[channel]) {
                    p = q;
                    break;
                }
            }
            if (p == null) {
                p = new Part(channel, program[channel]);
                parts.add(p);
            }
            current[channel] = p;
        }
        return p;
    }

    void programChange(int channel, int newProgram) {
        if (program[channel] != newProgram) {
            program[channel] = newProgram;
            current[channel] = null;
        }
    }

    void noteOn(long tick, int channel, int pitch, int velocity) {
        int slot = channel * 128 + pitch;
        ArrayDeque<Open> q = open[slot];
        if (q == null) {
            q = new ArrayDeque<>(2);
            open[slot] = q;
        }
        q.addLast(new Open(tick, velocity, part(channel)));
    }

    void noteOff(long tick, int channel, int pitch, long byteOffset) throws MidiFormatException {
        ArrayDeque<Open> q = open[channel * 128 + pitch];
        Open o = q == null ? null : q.pollFirst();
        if (o == null) {
            log.add(Repair.Kind.NOTE_OFF_WITHOUT_NOTE_ON, byteOffset,
                    "note-off for pitch " + pitch + " on channel " + (channel + 1) + " at tick " + tick
                            + " with no sounding note; ignored");
            return;
        }
        o.part.notes.add(new Note(o.startTick, tick - o.startTick, pitch, o.velocity));
    }

    void controlChange(long tick, int channel, int controller, int value) {
        part(channel).controls.add(new ControlChange(tick, controller, value));
    }

    void pitchBend(long tick, int channel, int value) {
        part(channel).bends.add(new PitchBend(tick, value));
    }

    /**
     * Closes sounding notes at {@code endTick} and returns the tracks in channel order (parts of one
     * channel in order of first use).
     */
    List<Track> finish(long endTick, String name, long byteOffset) throws MidiFormatException {
        for (int slot = 0; slot < open.length; slot++) {
            ArrayDeque<Open> q = open[slot];
            while (q != null && !q.isEmpty()) {
                Open o = q.pollFirst();
                int pitch = slot & 127;
                log.add(Repair.Kind.NOTE_CLOSED_AT_END_OF_TRACK, byteOffset,
                        "pitch " + pitch + " on channel " + (slot / 128 + 1) + " from tick " + o.startTick
                                + " still sounding at end of track (tick " + endTick + "); closed there");
                o.part.notes.add(new Note(o.startTick, endTick - o.startTick, pitch, o.velocity));
            }
        }
        List<Track> tracks = new ArrayList<>(parts.size());
        for (int channel = 0; channel < CHANNELS; channel++) {
            Part firstWithNotes = null;
            List<Part> silent = new ArrayList<>(0);
            for (Part p : parts) {
                if (p.channel != channel) {
                    continue;
                }
                if (p.notes.isEmpty()) {
                    silent.add(p);
                } else if (firstWithNotes == null) {
                    firstWithNotes = p;
                }
            }
            if (firstWithNotes == null) {
                continue;
            }
            for (Part s : silent) {
                firstWithNotes.controls.addAll(s.controls);
                firstWithNotes.bends.addAll(s.bends);
            }
            for (Part p : parts) {
                if (p.channel == channel && !p.notes.isEmpty()) {
                    tracks.add(new Track(name, p.program, channel == DRUM_CHANNEL, p.notes, p.controls, p.bends));
                }
            }
        }
        return tracks;
    }
}
