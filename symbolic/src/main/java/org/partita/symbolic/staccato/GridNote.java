package org.partita.symbolic.staccato;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/**
 * A note on a grid of {@code stepsPerWhole} steps per whole note (16: sixteenth notes, 12: eighth-note
 * triplets, 48: both): what {@link StaccatoWriter} writes and what reading its text back gives. Immutable.
 *
 * @param startStep     onset, in steps from the start
 * @param durationSteps length in steps, at least 1
 * @param pitch         MIDI pitch 0..127
 * @param velocity      1..127
 */
public record GridNote(long startStep, long durationSteps, int pitch, int velocity) implements Comparable<GridNote> {

    public GridNote {
        if (startStep < 0 || durationSteps < 1) {
            throw new IllegalArgumentException("need startStep >= 0 and durationSteps >= 1, got " + startStep + ", "
                    + durationSteps);
        }
    }

    /**
     * {@code notes} on the grid: onset and end each rounded to the nearest step (half up), a note shorter than
     * half a step lasting one step. Sorted like {@link Note}s (start, pitch, duration, velocity).
     *
     * @throws IllegalArgumentException if {@code ticksPerQuarter} or {@code stepsPerWhole} is below 1
     */
    public static List<GridNote> quantise(List<Note> notes, int ticksPerQuarter, int stepsPerWhole) {
        if (ticksPerQuarter < 1 || stepsPerWhole < 1) {
            throw new IllegalArgumentException("ticksPerQuarter and stepsPerWhole must be >= 1, got "
                    + ticksPerQuarter + ", " + stepsPerWhole);
        }
        List<GridNote> out = new ArrayList<>(notes.size());
        for (Note n : notes) {
            long start = step(n.startTick(), ticksPerQuarter, stepsPerWhole);
            long end = step(n.endTick(), ticksPerQuarter, stepsPerWhole);
            out.add(new GridNote(start, Math.max(1, end - start), n.pitch(), n.velocity()));
        }
        out.sort(null);
        return out;
    }

    /**
     * What a Staccato round trip keeps of {@code score}: its notes on the grid, by part ("drums" for all drum
     * tracks, "program N" for the melodic tracks of program N), each part's notes sorted.
     */
    public static Map<String, List<GridNote>> byPart(Score score, int stepsPerWhole) {
        Map<String, List<GridNote>> parts = new TreeMap<>();
        for (Track t : score.tracks()) {
            if (!t.notes().isEmpty()) {
                parts.computeIfAbsent(t.isDrum() ? "drums" : "program " + t.program(), k -> new ArrayList<>())
                        .addAll(quantise(t.notes(), score.ticksPerQuarter(), stepsPerWhole));
            }
        }
        parts.values().forEach(l -> l.sort(null));
        return parts;
    }

    /** {@code tick} rounded half up to the nearest step. */
    static long step(long tick, int ticksPerQuarter, int stepsPerWhole) {
        long ticksPerWhole = 4L * ticksPerQuarter;
        return Math.floorDiv(Math.addExact(Math.multiplyExact(tick, 2L * stepsPerWhole), ticksPerWhole),
                2 * ticksPerWhole);
    }

    @Override
    public int compareTo(GridNote o) {
        int c = Long.compare(startStep, o.startStep);
        if (c == 0) {
            c = Integer.compare(pitch, o.pitch);
        }
        if (c == 0) {
            c = Long.compare(durationSteps, o.durationSteps);
        }
        return c != 0 ? c : Integer.compare(velocity, o.velocity);
    }
}
