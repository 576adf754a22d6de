package org.partita.symbolic;

import java.util.Comparator;
import java.util.List;

/**
 * A piece of music in ticks: the one value type everything in Partita converts to and from.
 * Immutable and thread-safe.
 *
 * <p>Invariants: {@code ticksPerQuarter >= 1}; tempo, time-signature, key-signature and text lists
 * are in tick order (stable, sorted on construction when given out of order). An empty tempo list
 * means 120 bpm throughout and an empty meter list means 4/4 throughout (see {@link TimeGrid}).
 * Transformations return new scores and never change this one.
 */
public record Score(int ticksPerQuarter, List<Track> tracks, List<TempoChange> tempos,
                    List<TimeSignature> timeSignatures, List<KeySignature> keySignatures,
                    List<TextEvent> texts) {

    public Score {
        if (ticksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + ticksPerQuarter);
        }
        tracks = List.copyOf(tracks);
        tempos = Track.sortedCopy(tempos, Comparator.comparingLong(TempoChange::tick));
        timeSignatures = Track.sortedCopy(timeSignatures, Comparator.comparingLong(TimeSignature::tick));
        keySignatures = Track.sortedCopy(keySignatures, Comparator.comparingLong(KeySignature::tick));
        texts = Track.sortedCopy(texts, Comparator.comparingLong(TextEvent::tick));
    }

    /** An empty score with no tracks and no tempo or meter events. */
    public static Score empty(int ticksPerQuarter) {
        return new Score(ticksPerQuarter, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** A copy with other tracks. */
    public Score withTracks(List<Track> newTracks) {
        return new Score(ticksPerQuarter, newTracks, tempos, timeSignatures, keySignatures, texts);
    }

    /** A copy with another tempo map. */
    public Score withTempos(List<TempoChange> newTempos) {
        return new Score(ticksPerQuarter, tracks, newTempos, timeSignatures, keySignatures, texts);
    }

    /** A copy with another meter map. */
    public Score withTimeSignatures(List<TimeSignature> newTimeSignatures) {
        return new Score(ticksPerQuarter, tracks, tempos, newTimeSignatures, keySignatures, texts);
    }

    /** Total number of notes over all tracks. */
    public int noteCount() {
        int n = 0;
        for (Track t : tracks) {
            n += t.notes().size();
        }
        return n;
    }

    /** The tick at which the last note, control or pitch bend ends; 0 for a score without any. */
    public long endTick() {
        long end = 0;
        for (Track t : tracks) {
            end = Math.max(end, t.endTick());
        }
        return end;
    }

    /**
     * The same music at another resolution; see {@link Resample} for the exact rounding rule
     * (round half up; positive durations never become zero).
     */
    public Score resampled(int newTicksPerQuarter) {
        return Resample.resample(this, newTicksPerQuarter);
    }

    /**
     * This score with every melodic note moved by {@code semitones}; drum tracks are unchanged.
     * Same as {@code transposed(semitones, OutOfRangePolicy.FAIL)}.
     *
     * @throws IllegalArgumentException if a melodic note would leave 0..127; the message names the
     *     note, the track (index and name) and the resulting pitch
     */
    public Score transposed(int semitones) {
        return Transpose.transpose(this, semitones, OutOfRangePolicy.FAIL);
    }

    /**
     * This score with every melodic note moved by {@code semitones}; drum tracks are unchanged. Notes
     * that would leave 0..127 make it fail ({@link OutOfRangePolicy#FAIL}) or are left out
     * ({@link OutOfRangePolicy#DROP}).
     */
    public Score transposed(int semitones, OutOfRangePolicy policy) {
        return Transpose.transpose(this, semitones, policy);
    }

    /**
     * The music sounding in {@code [startTick, endTick)}, shifted so that {@code startTick} becomes 0.
     * Notes crossing a boundary are cut to it; the tempo, meter and key in force at {@code startTick}
     * are re-stated at tick 0, as is each track's controller and pitch-bend state; all tracks are kept
     * (possibly empty). The exact rules are in docs/score-model.md ("Transformations").
     *
     * @throws IllegalArgumentException if {@code startTick < 0} or {@code endTick < startTick}
     */
    public Score clipped(long startTick, long endTick) {
        return Clip.clip(this, startTick, endTick);
    }

    /**
     * The tracks at {@code trackIndices} merged into one track called {@code name}, with the program
     * and drum flag of the first index listed, placed where the lowest of the indices was.
     *
     * @throws IllegalArgumentException if the list is empty, an index is out of range or repeated, or
     *     drum and melodic tracks are mixed
     */
    public Score mergedTracks(List<Integer> trackIndices, String name) {
        return MergeTracks.merge(this, trackIndices, name);
    }

    /**
     * Track {@code trackIndex} split by pitch: notes below {@code splitPitch} into
     * {@code "<name> (low)"} placed after {@code "<name> (high)"}, which holds the rest; a part
     * without notes is dropped (so a one-sided split just renames the track); a track without notes
     * is left as it is. Both parts keep all controls and pitch bends.
     *
     * @throws IllegalArgumentException if the index is out of range or {@code splitPitch} is not in 0..128
     */
    public Score splitTrack(int trackIndex, int splitPitch) {
        return SplitTrack.split(this, trackIndex, splitPitch);
    }

    /**
     * Tracks sharing (program, isDrum) merged into one, in order of first appearance, each group
     * named after its first track. Returns this score when no two tracks share a program.
     */
    public Score mergedByProgram() {
        return MergeByProgram.merge(this);
    }

    /** The tempo and meter map of this score. */
    public TimeGrid timeGrid() {
        return TimeGrid.of(this);
    }

    /** Length in seconds up to {@link #endTick()}, through the tempo map. */
    public double durationSeconds() {
        return timeGrid().tickToSeconds(endTick());
    }
}
