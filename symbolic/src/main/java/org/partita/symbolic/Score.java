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

    /** The tempo and meter map of this score. */
    public TimeGrid timeGrid() {
        return TimeGrid.of(this);
    }

    /** Length in seconds up to {@link #endTick()}, through the tempo map. */
    public double durationSeconds() {
        return timeGrid().tickToSeconds(endTick());
    }
}
