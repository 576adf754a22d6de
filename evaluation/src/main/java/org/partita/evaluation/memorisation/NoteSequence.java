package org.partita.evaluation.memorisation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;

/**
 * One line of notes of a piece in the transposition- and tempo-free form the memorisation check compares:
 * notes ordered by (quantised onset, pitch), and for each note after the first a token holding the pitch interval
 * from the previous note, the onset step from it and its own duration, all on the quantisation grid. Token 0 is
 * {@link #NO_TOKEN}, so no match crosses the start of a line. The arrays are shared, not copied: callers must not change them.
 *
 * @param label     the track ("track 2: Piano") or {@code "melody"} (the highest note at each onset over all
 *                  non-drum tracks)
 */
public record NoteSequence(String label, int[] tokens, byte[] pitches, int[] bars, long[] startTicks, long[] endTicks) {

    /** The label of the melody line. */
    public static final String MELODY = "melody";

    /** The token before a line's first note; it never equals a real token. */
    public static final int NO_TOKEN = -1;

    private static final int MAX_STEP = (1 << 12) - 1;
    private static final int MAX_DURATION = (1 << 10) - 1;

    /** True for the melody line. */
    public boolean isMelody() {
        return MELODY.equals(label);
    }

    /** Number of notes. */
    public int size() {
        return tokens.length;
    }

    /**
     * The lines of {@code score}: each non-drum track with at least two notes, then the melody line. Drum tracks
     * are left out: their patterns are common property, and pitch intervals mean nothing on a drum kit.
     */
    public static List<NoteSequence> of(Score score, int stepsPerQuarter) {
        TimeGrid grid = score.timeGrid();
        List<NoteSequence> lines = new ArrayList<>();
        List<Note> melodic = new ArrayList<>();
        for (int i = 0; i < score.tracks().size(); i++) {
            Track t = score.tracks().get(i);
            if (t.isDrum()) {
                continue;
            }
            melodic.addAll(t.notes());
            if (t.notes().size() >= 2) {
                String label = "track " + (i + 1) + (t.name().isBlank() ? "" : ": " + t.name());
                lines.add(line(label, t.notes(), score.ticksPerQuarter(), stepsPerQuarter, grid, false));
            }
        }
        if (melodic.size() >= 2) {
            lines.add(line(MELODY, melodic, score.ticksPerQuarter(), stepsPerQuarter, grid, true));
        }
        return lines;
    }

    private static NoteSequence line(String label, List<Note> notes, int tpq, int spq, TimeGrid grid, boolean top) {
        List<Note> sorted = new ArrayList<>(notes);
        // onset step, then pitch (highest first for the melody, so the first of an onset is its top note)
        Comparator<Note> order = Comparator.comparingLong(n -> step(n.startTick(), tpq, spq));
        order = order.thenComparingInt(n -> top ? -n.pitch() : n.pitch());
        sorted.sort(order);
        List<Note> kept = new ArrayList<>();
        long lastStep = Long.MIN_VALUE;
        int lastPitch = -1;
        for (Note n : sorted) {
            long s = step(n.startTick(), tpq, spq);
            boolean sameOnset = s == lastStep;
            if (sameOnset && (top || n.pitch() == lastPitch)) {
                continue; // the melody keeps one note per onset; a line keeps one note per (onset, pitch)
            }
            kept.add(n);
            lastStep = s;
            lastPitch = n.pitch();
        }
        int size = kept.size();
        int[] tokens = new int[size];
        byte[] pitches = new byte[size];
        int[] bars = new int[size];
        long[] starts = new long[size];
        long[] ends = new long[size];
        for (int i = 0; i < size; i++) {
            Note n = kept.get(i);
            pitches[i] = (byte) n.pitch();
            bars[i] = grid.barAt(n.startTick());
            starts[i] = n.startTick();
            ends[i] = n.endTick();
            if (i == 0) {
                tokens[i] = NO_TOKEN;
                continue;
            }
            Note prev = kept.get(i - 1);
            long onsetSteps = step(n.startTick(), tpq, spq) - step(prev.startTick(), tpq, spq);
            long durationSteps = step(n.durationTicks(), tpq, spq);
            tokens[i] = token(n.pitch() - prev.pitch(), onsetSteps, durationSteps);
        }
        return new NoteSequence(label, tokens, pitches, bars, starts, ends);
    }

    /** Interval (-127..127), onset step (clamped to 0..4095) and duration (clamped to 0..1023) in 30 bits. */
    static int token(int interval, long onsetSteps, long durationSteps) {
        int step = (int) Math.min(onsetSteps, MAX_STEP);
        int duration = (int) Math.min(durationSteps, MAX_DURATION);
        return (interval + 127) | step << 8 | duration << 20;
    }

    private static long step(long ticks, int tpq, int spq) {
        return Math.round(ticks * (double) spq / tpq);
    }
}
