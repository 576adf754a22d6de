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
 * content are {@code equals}.
 */
public record Track(String name, int program, boolean isDrum, List<Note> notes,
                    List<ControlChange> controls, List<PitchBend> pitchBends) {

    public Track {
        Objects.requireNonNull(name, "name");
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be in 0..127, got " + program + " (track '" + name + "')");
        }
        notes = sortedCopy(notes, Comparator.naturalOrder());
        controls = sortedCopy(controls, Comparator.comparingLong(ControlChange::tick));
        pitchBends = sortedCopy(pitchBends, Comparator.comparingLong(PitchBend::tick));
    }

    /** A track with notes only. */
    public static Track of(String name, int program, boolean isDrum, List<Note> notes) {
        return new Track(name, program, isDrum, notes, List.of(), List.of());
    }

    /** A copy with other notes (sorted on construction). */
    public Track withNotes(List<Note> newNotes) {
        return new Track(name, program, isDrum, newNotes, controls, pitchBends);
    }

    /** A copy with another name. */
    public Track withName(String newName) {
        return new Track(newName, program, isDrum, notes, controls, pitchBends);
    }

    /** A copy with another program. */
    public Track withProgram(int newProgram) {
        return new Track(name, newProgram, isDrum, notes, controls, pitchBends);
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
