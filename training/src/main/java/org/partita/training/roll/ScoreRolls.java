package org.partita.training.roll;

import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

import java.util.ArrayList;
import java.util.List;

/**
 * Conversions between {@link Score} tracks and a {@link VoiceRoll}: quantised by beats (4 steps per quarter note
 * at the score's own resolution, whatever the tempo), one track per voice. Pure; no I/O.
 */
public final class ScoreRolls {
    private ScoreRolls() {}

    /**
     * A voice roll and what had to be changed to make it.
     *
     * @param roll the roll
     * @param chordSteps cells where a track sounded more than one pitch (the highest was kept)
     * @param octaveShift semitones (a multiple of 12) added to fit the model's range; 0 if none
     */
    public record Conversion(VoiceRoll roll, int chordSteps, int octaveShift) {}

    /** Indices of the tracks that hold notes and are not drums, in file order. */
    public static List<Integer> noteTracks(Score score) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < score.tracks().size(); i++) {
            Track t = score.tracks().get(i);
            if (!t.isDrum() && !t.notes().isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    /** Step of {@code tick}: nearest 16th note. */
    public static int stepOf(long tick, int ticksPerQuarter) {
        return (int) Math.round(tick * (double) RollGrid.STEPS_PER_QUARTER / ticksPerQuarter);
    }

    /** Tick of {@code step}. */
    public static long tickOf(int step, int ticksPerQuarter) {
        return Math.round(step * (double) ticksPerQuarter / RollGrid.STEPS_PER_QUARTER);
    }

    /**
     * The roll of {@code tracks} (one voice each) over {@code steps} steps (0 = up to the last note). Where a
     * track sounds several pitches at a step the highest is kept. No range change is made.
     */
    public static Conversion toRoll(Score score, List<Integer> tracks, int steps) {
        int tpq = score.ticksPerQuarter();
        if (steps <= 0) {
            steps = 1;
            for (int ti : tracks) {
                steps = Math.max(steps, stepOf(score.tracks().get(ti).endTick(), tpq));
            }
        }
        int[][] pitches = new int[tracks.size()][steps];
        boolean[][] onsets = new boolean[tracks.size()][steps];
        int chords = 0;
        for (int v = 0; v < tracks.size(); v++) {
            java.util.Arrays.fill(pitches[v], VoiceRoll.REST);
            boolean[] struck = new boolean[steps];
            for (Note n : score.tracks().get(tracks.get(v)).notes()) {
                int start = stepOf(n.startTick(), tpq);
                int end = Math.max(start + 1, stepOf(n.endTick(), tpq));
                for (int t = start; t < Math.min(end, steps); t++) {
                    if (pitches[v][t] != VoiceRoll.REST) {
                        if (!struck[t]) {
                            chords++;
                            struck[t] = true;
                        }
                        if (n.pitch() < pitches[v][t]) {
                            continue;
                        }
                    }
                    pitches[v][t] = n.pitch();
                    onsets[v][t] = t == start;
                }
            }
        }
        return new Conversion(new VoiceRoll(pitches, onsets), chords, 0);
    }

    /**
     * Moves {@code roll} by whole octaves so every pitch lies in the model's range, choosing the shift closest to
     * 0; null if no octave shift fits (the roll spans more than the range allows).
     */
    public static Integer octaveShiftIntoRange(VoiceRoll roll) {
        int[] range = roll.pitchRange();
        if (range == null) {
            return 0;
        }
        Integer best = null;
        for (int k = -10; k <= 10; k++) {
            int s = 12 * k;
            if (RollGrid.inRange(range[0] + s) && RollGrid.inRange(range[1] + s)
                    && (best == null || Math.abs(s) < Math.abs(best))) {
                best = s;
            }
        }
        return best;
    }

    /**
     * A score with one track per voice: consecutive cells of one pitch form a note unless an onset splits them.
     * Tempo, meter, key and resolution are taken from {@code template}.
     *
     * @param names track name per voice
     * @param programs GM program (0..127) per voice
     * @param velocity velocity of every note
     */
    public static Score toScore(VoiceRoll roll, Score template, List<String> names, List<Integer> programs,
                                int velocity) {
        if (names.size() != roll.voiceCount() || programs.size() != roll.voiceCount()) {
            throw new IllegalArgumentException("need one name and program per voice (" + roll.voiceCount()
                    + "), got " + names.size() + " names and " + programs.size() + " programs");
        }
        int tpq = template.ticksPerQuarter();
        List<Track> tracks = new ArrayList<>();
        for (int v = 0; v < roll.voiceCount(); v++) {
            List<Note> notes = new ArrayList<>();
            int t = 0;
            while (t < roll.stepCount()) {
                int p = roll.pitch(v, t);
                if (p == VoiceRoll.REST) {
                    t++;
                    continue;
                }
                int end = t + 1;
                while (end < roll.stepCount() && roll.pitch(v, end) == p && !roll.onset(v, end)) {
                    end++;
                }
                long startTick = tickOf(t, tpq);
                notes.add(new Note(startTick, tickOf(end, tpq) - startTick, p, velocity));
                t = end;
            }
            tracks.add(Track.of(names.get(v), programs.get(v), false, notes));
        }
        return new Score(tpq, tracks, template.tempos(), template.timeSignatures(), template.keySignatures(),
                List.of());
    }
}
