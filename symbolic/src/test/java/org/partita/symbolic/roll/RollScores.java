package org.partita.symbolic.roll;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/** Scores built for piano-roll tests. */
final class RollScores {

    private RollScores() {
    }

    static Score of(int ticksPerQuarter, Track... tracks) {
        return Score.empty(ticksPerQuarter).withTracks(List.of(tracks));
    }

    static Track piano(Note... notes) {
        return Track.of("Piano", 0, false, List.of(notes));
    }

    /**
     * A seeded multitrack piece on the grid of {@code stepsPerQuarter} at {@code ticksPerQuarter}
     * (a multiple of it): melodic tracks and a drum track, repeated and held notes, tempo and meter
     * changes, no two notes of one track and pitch overlapping. Same seed, same piece.
     */
    static Score onGrid(long seed, int ticksPerQuarter, int stepsPerQuarter) {
        Random random = new Random(seed);
        int ticksPerStep = ticksPerQuarter / stepsPerQuarter;
        int[] programs = {0, 33, 40, 73};
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < 1 + random.nextInt(4); t++) {
            tracks.add(Track.of("track " + t, programs[t], false, gridNotes(random, 30, 110, ticksPerStep)));
        }
        tracks.add(Track.of("drums", 0, true, gridNotes(random, 35, 52, ticksPerStep)));
        List<TempoChange> tempos = List.of(new TempoChange(0, 500_000),
                new TempoChange(ticksPerStep * (long) (1 + random.nextInt(200)), 400_000 + random.nextInt(200_000)));
        List<TimeSignature> meters = List.of(new TimeSignature(0, 4, 4),
                new TimeSignature(ticksPerQuarter * 8L, 3, 4), new TimeSignature(ticksPerQuarter * 14L, 6, 8));
        return new Score(ticksPerQuarter, tracks, tempos, meters, List.of(), List.of());
    }

    /** Notes per pitch laid one after another with random gaps (0 gaps make repeated notes). */
    private static List<Note> gridNotes(Random random, int lowPitch, int highPitch, int ticksPerStep) {
        List<Note> notes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            int pitch = lowPitch + random.nextInt(highPitch - lowPitch);
            long step = random.nextInt(8);
            for (int k = 0; k < 2 + random.nextInt(10); k++) {
                int length = 1 + random.nextInt(random.nextBoolean() ? 3 : 60);
                notes.add(new Note(step * ticksPerStep, (long) length * ticksPerStep, pitch, 1 + random.nextInt(127)));
                step += length + (random.nextInt(3) == 0 ? 0 : random.nextInt(20));
            }
        }
        // Distinct pitch draws may repeat a pitch; drop later notes that overlap an earlier one there.
        List<Note> kept = new ArrayList<>();
        for (Note n : notes) {
            boolean overlaps = kept.stream().anyMatch(k -> k.pitch() == n.pitch()
                    && k.startTick() < n.endTick() && n.startTick() < k.endTick());
            if (!overlaps) {
                kept.add(n);
            }
        }
        return kept;
    }

    /** Seeded notes anywhere in time, of any length including zero, overlapping freely. */
    static Score offGrid(long seed, int ticksPerQuarter) {
        Random random = new Random(seed);
        List<Track> tracks = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            List<Note> notes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                notes.add(new Note(random.nextInt(ticksPerQuarter * 32), random.nextInt(ticksPerQuarter * 3),
                        60 + random.nextInt(6), 1 + random.nextInt(127)));
            }
            tracks.add(Track.of("t" + t, t * 8, t == 2, notes));
        }
        return Score.empty(ticksPerQuarter).withTracks(tracks);
    }
}
