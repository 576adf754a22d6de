package org.partita.midi;

import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>This is the reader's hot path, so notes are kept in primitive arrays in note-on order (already
 * almost in canonical order) and sounding notes in an int-linked FIFO per (channel, pitch), instead
 * of an object per event. Not thread-safe: one per read, {@link #begin(int) begun} for each chunk.
 */
final class TrackAssembler {

    private static final int CHANNELS = 16;
    private static final int DRUM_CHANNEL = 9;
    private static final int NONE = -1;

    private final RepairLog log;
    private final int[] program = new int[CHANNELS];
    private final Part[] current = new Part[CHANNELS];
    private final List<Part> parts = new ArrayList<>(4);
    /** The part of each (channel, program) in this chunk, created on first use. */
    private final Part[][] partsByProgram = new Part[CHANNELS][];
    private int firstPartCapacity = 16;

    /** FIFO of sounding notes per channel and pitch: head and tail entry, NONE when empty. */
    private final int[][] head = new int[CHANNELS][];
    private final int[][] tail = new int[CHANNELS][];
    /**
     * Sounding-note entries: owning part, index of the note in it, next entry of the same FIFO (or,
     * for a free entry, the next free one). Entries are recycled at note-off, so these arrays stay as
     * small as the most notes sounding at once.
     */
    private Part[] entryPart = new Part[64];
    private int[] entryNote = new int[64];
    private int[] entryNext = new int[64];
    private int entries;
    private int freeEntry = NONE;

    TrackAssembler(RepairLog log) {
        this.log = log;
    }

    /**
     * Starts a new chunk of {@code chunkBytes} bytes: programs back to 0, no parts. All FIFOs are
     * empty after {@link #finish}.
     */
    void begin(int chunkBytes) {
        firstPartCapacity = Math.max(16, chunkBytes / 6);
        Arrays.fill(program, 0);
        Arrays.fill(current, null);
        Arrays.fill(partsByProgram, null);
        parts.clear();
        entries = 0;
        freeEntry = NONE;
    }

    private Part part(int channel) {
        Part p = current[channel];
        if (p == null) {
            Part[] byProgram = partsByProgram[channel];
            if (byProgram == null) {
                byProgram = new Part[128];
                partsByProgram[channel] = byProgram;
            }
            p = byProgram[program[channel]];
            if (p == null) {
                // The first part of a chunk is sized for the chunk (a note takes at least 6 bytes);
                // later ones start small, so a hostile chunk of many parts cannot multiply memory.
                p = new Part(channel, program[channel], parts.isEmpty() ? firstPartCapacity : 16);
                byProgram[program[channel]] = p;
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
        Part p = part(channel);
        int note = p.add(tick, pitch, velocity);
        int e = freeEntry;
        if (e != NONE) {
            freeEntry = entryNext[e];
        } else {
            if (entries == entryPart.length) {
                int n = entries * 2;
                entryPart = Arrays.copyOf(entryPart, n);
                entryNote = Arrays.copyOf(entryNote, n);
                entryNext = Arrays.copyOf(entryNext, n);
            }
            e = entries++;
        }
        entryPart[e] = p;
        entryNote[e] = note;
        entryNext[e] = NONE;
        int[] h = head[channel];
        if (h == null) {
            h = new int[128];
            Arrays.fill(h, NONE);
            head[channel] = h;
            tail[channel] = new int[128];
        }
        if (h[pitch] == NONE) {
            h[pitch] = e;
        } else {
            entryNext[tail[channel][pitch]] = e;
        }
        tail[channel][pitch] = e;
    }

    void noteOff(long tick, int channel, int pitch, long byteOffset) throws MidiFormatException {
        int[] h = head[channel];
        int e = h == null ? NONE : h[pitch];
        if (e == NONE) {
            log.add(Repair.Kind.NOTE_OFF_WITHOUT_NOTE_ON, byteOffset,
                    () -> "note-off for pitch " + pitch + " on channel " + (channel + 1) + " at tick " + tick
                            + " with no sounding note; ignored");
            return;
        }
        h[pitch] = entryNext[e];
        entryPart[e].end(entryNote[e], tick);
        entryPart[e] = null;
        entryNext[e] = freeEntry;
        freeEntry = e;
    }

    void controlChange(long tick, int channel, int controller, int value) {
        part(channel).controls.add(new ControlChange(tick, controller, value));
    }

    void pitchBend(long tick, int channel, int value) {
        part(channel).bends.add(new PitchBend(tick, value));
    }

    /**
     * Closes sounding notes at {@code endTick} and returns the tracks in (channel, program) order,
     * each with its notes' Note On order as its {@link Track#sourceOrder() source order}.
     */
    List<Track> finish(long endTick, String name, long byteOffset) throws MidiFormatException {
        for (int channel = 0; channel < CHANNELS; channel++) {
            int[] h = head[channel];
            if (h == null) {
                continue;
            }
            for (int pitch = 0; pitch < 128; pitch++) {
                for (int e = h[pitch]; e != NONE; e = entryNext[e]) {
                    Part p = entryPart[e];
                    long start = p.start[entryNote[e]];
                    int pitchNumber = pitch;
                    int channelNumber = channel + 1;
                    log.add(Repair.Kind.NOTE_CLOSED_AT_END_OF_TRACK, byteOffset,
                            () -> "pitch " + pitchNumber + " on channel " + channelNumber + " from tick " + start
                                    + " still sounding at end of track (tick " + endTick + "); closed there");
                    p.end(entryNote[e], Math.max(endTick, start));
                }
                h[pitch] = NONE;
            }
        }
        List<Track> tracks = new ArrayList<>(parts.size());
        for (int channel = 0; channel < CHANNELS; channel++) {
            Part firstWithNotes = null;
            for (Part p : parts) {
                if (p.channel == channel && p.size > 0) {
                    firstWithNotes = p;
                    break;
                }
            }
            if (firstWithNotes == null) {
                continue;
            }
            for (Part p : parts) {
                if (p.channel == channel && p.size == 0) {
                    firstWithNotes.controls.addAll(p.controls);
                    firstWithNotes.bends.addAll(p.bends);
                }
            }
            // In program order, as symusic emits the (channel, program) tracks of a chunk (MidiTok's
            // tokens depend on it; docs/tokenizers.md); notes in Note On order for the same reason.
            Part[] byProgram = partsByProgram[channel];
            for (int prog = 0; prog < byProgram.length; prog++) {
                Part p = byProgram[prog];
                if (p != null && p.size > 0) {
                    tracks.add(Track.inSourceOrder(name, p.program, channel == DRUM_CHANNEL, p.notes(), p.controls,
                            p.bends));
                }
            }
        }
        return tracks;
    }

    /** One (channel, program) part being collected; notes in note-on order. */
    private static final class Part {
        final int channel;
        final int program;
        long[] start;
        long[] end;
        byte[] pitch;
        byte[] velocity;
        int size;
        final List<ControlChange> controls = new ArrayList<>(0);
        final List<PitchBend> bends = new ArrayList<>(0);

        Part(int channel, int program, int capacity) {
            this.channel = channel;
            this.program = program;
            start = new long[capacity];
            end = new long[capacity];
            pitch = new byte[capacity];
            velocity = new byte[capacity];
        }

        int add(long tick, int p, int v) {
            if (size == start.length) {
                int n = size * 2;
                start = Arrays.copyOf(start, n);
                end = Arrays.copyOf(end, n);
                pitch = Arrays.copyOf(pitch, n);
                velocity = Arrays.copyOf(velocity, n);
            }
            start[size] = tick;
            pitch[size] = (byte) p;
            velocity[size] = (byte) v;
            return size++;
        }

        void end(int note, long tick) {
            end[note] = tick;
        }

        /**
         * The notes in note-on order, which is canonical order except for notes within one tick
         * written out of pitch order. {@link Track#inSourceOrder} checks the order in one pass and
         * sorts (TimSort: near-linear on such runs, O(n log n) on hostile input) only when needed, so
         * no second check is done here. (An insertion sort here was quadratic on a 100,000-note chord,
         * found by the fuzz work.)
         */
        List<Note> notes() {
            Note[] notes = new Note[size];
            for (int i = 0; i < size; i++) {
                notes[i] = new Note(start[i], end[i] - start[i], pitch[i], velocity[i]);
            }
            // List.of keeps one copy of the array; Track's List.copyOf then returns that list as is.
            return List.of(notes);
        }
    }
}
