package org.partita.cli.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.training.roll.RollGrid;
import org.partita.training.roll.RollModel;
import org.partita.training.roll.RollSampler;
import org.partita.training.roll.SamplingConfig;
import org.partita.training.roll.ScoreRolls;
import org.partita.training.roll.VoiceRoll;

/**
 * Harmonising a melody and regenerating bars with the piano-roll model: score in, score out, with a note for
 * every change made to the input (chords reduced, octave moves, meter). Never prints. Bad input raises
 * {@link IllegalArgumentException} with a one-line reason.
 */
public final class RollHarmony {
    public static final int VOICES = 4;
    public static final List<String> VOICE_NAMES = List.of("Soprano", "Alto", "Tenor", "Bass");
    /** Default GM programs: violin, violin, viola, cello (a string quartet rather than Magenta's organ-like winds). */
    public static final List<Integer> DEFAULT_PROGRAMS = List.of(40, 40, 41, 42);
    private static final int VELOCITY = 80;

    private RollHarmony() {}

    /**
     * The bars of {@code text}, "A-B" or "A" (1-based, inclusive), as {@code {A, B}}.
     *
     * @throws IllegalArgumentException "expected A-B with 1 <= A <= B (e.g. 5-8), got 'text'"
     */
    public static int[] parseBars(String text) {
        String[] parts = text.trim().split("-", -1);
        try {
            int a = Integer.parseInt(parts[0].trim());
            int b = parts.length == 1 ? a : Integer.parseInt(parts[1].trim());
            if (parts.length > 2 || a < 1 || b < a) {
                throw new NumberFormatException();
            }
            return new int[] {a, b};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected A-B with 1 <= A <= B (e.g. 5-8), got '" + text + "'");
        }
    }

    /** What is wrong with {@code programs} (GM programs of soprano..bass) given as {@code option}, or null. */
    public static String programsProblem(String option, List<Integer> programs) {
        if (programs == null) {
            return null;
        }
        if (programs.size() != VOICES) {
            return option + " needs 4 values (soprano, alto, tenor, bass), got " + programs.size();
        }
        for (Integer p : programs) {
            if (p == null || p < 0 || p > 127) {
                return option + ": GM programs are 0..127, got " + p;
            }
        }
        return null;
    }

    /**
     * @param score the output (one track per voice, the input's tempo map, meter and resolution)
     * @param roll the output roll (in the input's octave)
     * @param notes what was changed or assumed, one line each
     */
    public record Result(Score score, VoiceRoll roll, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Generates alto, tenor and bass under the melody in track {@code track} (null = the first note track).
     */
    public static Result harmonize(Score input, Integer track, RollModel model, SamplingConfig sampling,
                                   List<Integer> programs) {
        List<String> notes = new ArrayList<>();
        List<Integer> noteTracks = ScoreRolls.noteTracks(input);
        if (noteTracks.isEmpty()) {
            throw new IllegalArgumentException("no melody: the file has no non-drum track with notes (empty or drums only)");
        }
        int melody;
        if (track == null) {
            melody = noteTracks.get(0);
        } else {
            if (track < 0 || track >= input.tracks().size()) {
                throw new IllegalArgumentException("--track " + track + " is not a track (the file has tracks 0.."
                        + (input.tracks().size() - 1) + ")");
            }
            if (!noteTracks.contains(track)) {
                throw new IllegalArgumentException("track " + track + " has no notes or is a drum track");
            }
            melody = track;
        }
        ScoreRolls.Conversion c = ScoreRolls.toRoll(input, List.of(melody), 0);
        if (c.chordSteps() > 0) {
            notes.add("the melody track sounds chords at " + c.chordSteps() + " sixteenth steps: kept the top line");
        }
        meterNote(input, notes);
        VoiceRoll soprano = c.roll();
        int steps = soprano.stepCount();
        int[][] pitches = new int[VOICES][steps];
        boolean[][] onsets = new boolean[VOICES][steps];
        boolean[][] erased = new boolean[VOICES][steps];
        pitches[0] = soprano.pitches()[0];
        onsets[0] = soprano.onsets()[0];
        for (int v = 1; v < VOICES; v++) {
            java.util.Arrays.fill(pitches[v], VoiceRoll.REST);
            java.util.Arrays.fill(erased[v], true);
        }
        VoiceRoll roll = new VoiceRoll(pitches, onsets);
        Result r = fillInRange(input, roll, erased, model, sampling, notes);
        return new Result(ScoreRolls.toScore(r.roll(), input, VOICE_NAMES, programs, VELOCITY), r.roll(), r.notes());
    }

    /**
     * Regenerates {@code voices} (0-based, soprano first) in bars {@code firstBar..lastBar} (1-based, inclusive)
     * of a piece with exactly four note tracks; everything else is kept (on the 16th grid).
     */
    public static Result infill(Score input, int firstBar, int lastBar, List<Integer> voices, RollModel model,
                                SamplingConfig sampling, List<Integer> programs) {
        List<String> notes = new ArrayList<>();
        List<Integer> noteTracks = ScoreRolls.noteTracks(input);
        if (noteTracks.size() != VOICES) {
            throw new IllegalArgumentException("infill needs exactly 4 note tracks (soprano, alto, tenor, bass), the file has "
                    + noteTracks.size());
        }
        for (int v : voices) {
            if (v < 0 || v >= VOICES) {
                throw new IllegalArgumentException("voice " + (v + 1) + " does not exist (voices are 1..4, soprano first)");
            }
        }
        ScoreRolls.Conversion c = ScoreRolls.toRoll(input, noteTracks, 0);
        if (c.chordSteps() > 0) {
            notes.add("voice tracks sound chords at " + c.chordSteps() + " sixteenth steps: kept each track's top line");
        }
        meterNote(input, notes);
        TimeGrid grid = input.timeGrid();
        int bars = grid.barAt(input.endTick() == 0 ? 0 : input.endTick() - 1) + 1;
        if (firstBar < 1 || lastBar < firstBar || lastBar > bars) {
            throw new IllegalArgumentException("bars " + firstBar + "-" + lastBar + " outside the piece (bars 1-" + bars + ")");
        }
        int from = ScoreRolls.stepOf(grid.barStartTick(firstBar - 1), input.ticksPerQuarter());
        int to = Math.min(c.roll().stepCount(), ScoreRolls.stepOf(grid.barStartTick(lastBar), input.ticksPerQuarter()));
        boolean[][] erased = new boolean[VOICES][c.roll().stepCount()];
        for (int v : voices) {
            for (int t = from; t < to; t++) {
                erased[v][t] = true;
            }
        }
        Result r = fillInRange(input, c.roll(), erased, model, sampling, notes);
        List<String> names = new ArrayList<>();
        for (int ti : noteTracks) {
            Track t = input.tracks().get(ti);
            names.add(t.name().isEmpty() ? VOICE_NAMES.get(names.size()) : t.name());
        }
        List<Integer> progs = programs != null ? programs
                : noteTracks.stream().map(ti -> input.tracks().get(ti).program()).toList();
        return new Result(ScoreRolls.toScore(r.roll(), input, names, progs, VELOCITY), r.roll(), r.notes());
    }

    /** Moves the roll by octaves into the model's range if needed, samples, and moves the result back. */
    private static Result fillInRange(Score input, VoiceRoll roll, boolean[][] erased, RollModel model,
                                      SamplingConfig sampling, List<String> notes) {
        VoiceRoll given = givenOnly(roll, erased);
        Integer shift = ScoreRolls.octaveShiftIntoRange(given);
        if (shift == null) {
            int[] range = given.pitchRange();
            int width = range[1] - range[0] + 1;
            throw new IllegalArgumentException("the given notes span " + range[0] + ".." + range[1] + " (" + width
                    + " pitches), " + (width > RollGrid.PITCH_COUNT ? "wider than the model's range 36..81 (46 pitches)"
                    : "and no whole number of octaves moves them into the model's range 36..81"));
        }
        if (shift != 0) {
            notes.add("moved the given notes by " + shift + " semitones into the model's range 36..81 for sampling, "
                    + "and the result back by " + (-shift));
        }
        int windows = RollSampler.windows(roll.stepCount()).size();
        if (sampling.gibbs() && windows > 1) {
            notes.add(roll.stepCount() + " steps are more than " + RollSampler.WINDOW_STEPS + ": sampled window by "
                    + "window (" + windows + " windows, " + (sampling.steps() > 0 ? sampling.steps()
                    + " Gibbs steps each" : "4 Gibbs steps per step sampled") + "; docs/pianoroll-model.md \"Long pieces\")");
        }
        VoiceRoll filled = new RollSampler(model).fill(given.transposed(shift), erased, sampling);
        VoiceRoll back = filled.transposed(-shift);
        int[] range = back.pitchRange();
        if (range != null && (range[0] < 0 || range[1] > 127)) {
            back = filled;
            notes.add("kept the result in the model's range (moving it back would leave MIDI's 0..127)");
        }
        return new Result(input, back, notes);
    }

    private static VoiceRoll givenOnly(VoiceRoll roll, boolean[][] erased) {
        int[][] p = roll.pitches();
        for (int v = 0; v < p.length; v++) {
            for (int t = 0; t < p[v].length; t++) {
                if (erased[v][t]) {
                    p[v][t] = VoiceRoll.REST;
                }
            }
        }
        return new VoiceRoll(p, roll.onsets());
    }

    private static void meterNote(Score input, List<String> notes) {
        for (TimeSignature ts : input.timeSignatures()) {
            if (ts.numerator() != 4 || ts.denominator() != 4) {
                notes.add("meter " + ts.numerator() + "/" + ts.denominator() + " at tick " + ts.tick()
                        + ": the model learnt 4/4 chorales; it is used on the 16th-note grid all the same, so beat "
                        + "and bar accents may fall in 4/4 places");
                return;
            }
        }
    }
}
