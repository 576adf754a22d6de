package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/**
 * Cuts out the music sounding in {@code [startTick, endTick)} and moves it to start at tick 0.
 *
 * <ul>
 *   <li>A note is kept if it sounds in the range: {@code max(start, startTick) < endTick} and
 *       ({@code end > startTick} or {@code start >= startTick}); the second clause keeps zero-length
 *       notes that lie in the range. An empty range keeps no notes. Kept notes are cut to the range, so a note ending exactly at
 *       {@code startTick} or starting exactly at {@code endTick} is dropped.</li>
 *   <li>Tempo, meter and key in force at {@code startTick} are re-stated at tick 0 (one event each,
 *       only when the score declares one at or before {@code startTick}); later ones inside the range
 *       are kept and shifted. If {@code startTick} is mid-bar, bar 0 of the result starts there.</li>
 *   <li>Controls, pitch bends and texts inside the range are kept and shifted. Like a sequencer
 *       "chasing" controllers, each track's last value of every controller and its last pitch bend
 *       before {@code startTick} are re-stated at tick 0 (unless that controller, or a bend, has an
 *       event exactly at {@code startTick}), so a held sustain pedal stays held.</li>
 *   <li>All tracks are kept, even if empty, so track indices stay valid.</li>
 * </ul>
 */
final class Clip {

    private Clip() {
    }

    static Score clip(Score score, long startTick, long endTick) {
        if (startTick < 0) {
            throw new IllegalArgumentException("startTick must be >= 0, got " + startTick);
        }
        if (endTick < startTick) {
            throw new IllegalArgumentException("endTick must be >= startTick (" + startTick + "), got " + endTick);
        }
        List<Track> tracks = new ArrayList<>(score.tracks().size());
        for (Track t : score.tracks()) {
            tracks.add(clip(t, startTick, endTick));
        }
        return new Score(score.ticksPerQuarter(), tracks,
                clipStateful(score.tempos(), TempoChange::tick, TempoChange::withTick, startTick, endTick),
                clipStateful(score.timeSignatures(), TimeSignature::tick, TimeSignature::withTick, startTick, endTick),
                clipStateful(score.keySignatures(), KeySignature::tick, KeySignature::withTick, startTick, endTick),
                clipEvents(score.texts(), TextEvent::tick, TextEvent::withTick, startTick, endTick));
    }

    private static Track clip(Track t, long startTick, long endTick) {
        List<Note> notes = new ArrayList<>();
        for (Note n : t.notes()) {
            long start = Math.max(n.startTick(), startTick);
            if (start < endTick && (n.endTick() > startTick || n.startTick() >= startTick)) {
                long end = Math.min(n.endTick(), endTick);
                notes.add(new Note(start - startTick, end - start, n.pitch(), n.velocity()));
            }
        }
        List<ControlChange> controls = new ArrayList<>();
        Map<Integer, ControlChange> lastBefore = new TreeMap<>();
        for (ControlChange c : t.controls()) {
            if (c.tick() < startTick) {
                lastBefore.put(c.controller(), c);
            } else if (c.tick() == startTick) {
                lastBefore.remove(c.controller());
            }
        }
        for (ControlChange c : lastBefore.values()) {
            controls.add(c.withTick(0));
        }
        controls.addAll(clipEvents(t.controls(), ControlChange::tick, ControlChange::withTick, startTick, endTick));
        List<PitchBend> bends = new ArrayList<>();
        PitchBend lastBend = null;
        for (PitchBend b : t.pitchBends()) {
            if (b.tick() < startTick) {
                lastBend = b;
            } else if (b.tick() == startTick) {
                lastBend = null;
            }
        }
        if (lastBend != null) {
            bends.add(lastBend.withTick(0));
        }
        bends.addAll(clipEvents(t.pitchBends(), PitchBend::tick, PitchBend::withTick, startTick, endTick));
        return new Track(t.name(), t.program(), t.isDrum(), notes, controls, bends);
    }

    /** Events in {@code [startTick, endTick)}, shifted. */
    private static <T> List<T> clipEvents(List<T> events, ToLongFunction<T> tick, Retick<T> retick,
                                          long startTick, long endTick) {
        List<T> out = new ArrayList<>();
        for (T e : events) {
            long at = tick.applyAsLong(e);
            if (at >= startTick && at < endTick) {
                out.add(retick.withTick(e, at - startTick));
            }
        }
        return out;
    }

    /** The event in force at {@code startTick} re-stated at 0, then later events in range, shifted. */
    private static <T> List<T> clipStateful(List<T> events, ToLongFunction<T> tick, Retick<T> retick,
                                            long startTick, long endTick) {
        List<T> out = new ArrayList<>();
        T inForce = null;
        for (T e : events) {
            long at = tick.applyAsLong(e);
            if (at <= startTick) {
                inForce = e;
            } else if (at < endTick) {
                out.add(retick.withTick(e, at - startTick));
            }
        }
        if (inForce != null) {
            out.add(0, retick.withTick(inForce, 0));
        }
        return out;
    }

    @FunctionalInterface
    private interface Retick<T> {
        T withTick(T event, long newTick);
    }
}
