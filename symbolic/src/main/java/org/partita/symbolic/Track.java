package org.partita.symbolic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One instrument part: a General MIDI program (0..127; for drum tracks the drum kit number), a drum
 * flag (MIDI channel 10), its notes, control changes and pitch bends. Immutable and thread-safe.
 *
 * <p>Invariants: notes are in canonical order ({@link Note#compareTo}: start, pitch, duration,
 * velocity); controls and pitch bends are in tick order (stable: events at one tick keep their
 * relative order). Lists given out of order are sorted on construction, so two tracks with the same
 * content and source order are {@code equals}.
 *
 * <p>{@code sourceOrder} records the order in which the notes were listed where they came from (the
 * Note On order of a MIDI file; see {@link SourceOrder}); it is {@link SourceOrder#canonical()} for
 * tracks built in code, and a transformation that changes the notes ({@link #withNotes}) resets it.
 * A non-canonical order must cover exactly the track's notes, given in canonical order.
 */
public record Track(String name, int program, boolean isDrum, List<Note> notes,
                    List<ControlChange> controls, List<PitchBend> pitchBends, SourceOrder sourceOrder) {

    public Track {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceOrder, "sourceOrder");
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be in 0..127, got " + program + " (track '" + name + "')");
        }
        notes = List.copyOf(notes);
        if (!sourceOrder.isCanonical() && (notes.size() != sourceOrder.size() || !isCanonical(notes))) {
            throw new IllegalArgumentException("a source order of " + sourceOrder.size() + " notes needs those "
                    + "notes in canonical order, got " + notes.size() + " notes"
                    + (notes.size() == sourceOrder.size() ? " out of order" : "") + " (track '" + name + "')");
        }
        notes = sortedCopy(notes, Comparator.naturalOrder());
        controls = sortedCopy(controls, Comparator.comparingLong(ControlChange::tick));
        pitchBends = sortedCopy(pitchBends, Comparator.comparingLong(PitchBend::tick));
    }

    /** A track whose notes were listed in canonical order. */
    public Track(String name, int program, boolean isDrum, List<Note> notes, List<ControlChange> controls,
                 List<PitchBend> pitchBends) {
        this(name, program, isDrum, notes, controls, pitchBends, SourceOrder.canonical());
    }

    /**
     * A track from notes in the order their source listed them (a MIDI file's Note On order): the
     * notes are kept in canonical order and that order is recorded as the track's {@link #sourceOrder()}.
     */
    public static Track inSourceOrder(String name, int program, boolean isDrum, List<Note> notesInSourceOrder,
                                      List<ControlChange> controls, List<PitchBend> pitchBends) {
        SourceOrder[] order = new SourceOrder[1];
        List<Note> canonical = SourceOrder.sortRecording(notesInSourceOrder, order);
        return new Track(name, program, isDrum, canonical, controls, pitchBends, order[0]);
    }

    /** The notes in the order their source listed them (the canonical list when that order is canonical). */
    public List<Note> notesInSourceOrder() {
        return sourceOrder.apply(notes);
    }

    /** A track with notes only. */
    public static Track of(String name, int program, boolean isDrum, List<Note> notes) {
        return new Track(name, program, isDrum, notes, List.of(), List.of());
    }

    /** A copy with other notes (sorted on construction; the source order is reset to canonical). */
    public Track withNotes(List<Note> newNotes) {
        return new Track(name, program, isDrum, newNotes, controls, pitchBends);
    }

    /** A copy with another name. */
    public Track withName(String newName) {
        return new Track(newName, program, isDrum, notes, controls, pitchBends, sourceOrder);
    }

    /** A copy with another program. */
    public Track withProgram(int newProgram) {
        return new Track(name, newProgram, isDrum, notes, controls, pitchBends, sourceOrder);
    }

    /** The tick after the last note ends, control or bend; 0 for an empty track. */
    public long endTick() {
        long end = 0;
        for (Note n : notes) {
            end = Math.max(end, n.endTick());
        }
        if (!controls.isEmpty()) {
            end = Math.max(end, controls.get(controls.size() - 1).tick());
        }
        if (!pitchBends.isEmpty()) {
            end = Math.max(end, pitchBends.get(pitchBends.size() - 1).tick());
        }
        return end;
    }

    /** True when the track has no notes, controls or pitch bends. */
    public boolean isEmpty() {
        return notes.isEmpty() && controls.isEmpty() && pitchBends.isEmpty();
    }

    private static boolean isCanonical(List<Note> notes) {
        for (int i = 1; i < notes.size(); i++) {
            if (notes.get(i - 1).compareTo(notes.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Copies {@code list} into an unmodifiable list, sorting it (stably) only when it is out of
     * order, so the common already-sorted case costs one pass.
     */
    static <T> List<T> sortedCopy(List<T> list, Comparator<? super T> order) {
        Objects.requireNonNull(list, "list");
        List<T> copy = List.copyOf(list);
        for (int i = 1; i < copy.size(); i++) {
            if (order.compare(copy.get(i - 1), copy.get(i)) > 0) {
                List<T> sorted = new ArrayList<>(copy);
                sorted.sort(order);
                return List.copyOf(sorted);
            }
        }
        return copy;
    }
}
