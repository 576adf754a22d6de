package org.partita.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Changes a score's resolution (ticks per quarter).
 *
 * <p>Rounding rule: every time {@code t} becomes {@code round(t * newTpq / oldTpq)}, rounding halves
 * up, computed exactly in integers. A note's new duration is {@code round(end) - round(start)}, so notes
 * that touched still touch and never overlap more than before; a note whose duration was positive but
 * rounds to zero gets 1 tick, so no note vanishes. Resampling to a multiple of the old resolution is
 * exact and reversible.
 */
final class Resample {

    private Resample() {
    }

    static Score resample(Score score, int newTicksPerQuarter) {
        if (newTicksPerQuarter < 1) {
            throw new IllegalArgumentException("ticksPerQuarter must be >= 1, got " + newTicksPerQuarter);
        }
        int oldTpq = score.ticksPerQuarter();
        if (oldTpq == newTicksPerQuarter) {
            return score;
        }
        List<Track> tracks = new ArrayList<>(score.tracks().size());
        for (Track t : score.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                long start = scale(n.startTick(), oldTpq, newTicksPerQuarter);
                long duration = scale(n.endTick(), oldTpq, newTicksPerQuarter) - start;
                if (duration == 0 && n.durationTicks() > 0) {
                    duration = 1;
                }
                notes.add(new Note(start, duration, n.pitch(), n.velocity()));
            }
            List<ControlChange> controls = new ArrayList<>(t.controls().size());
            for (ControlChange c : t.controls()) {
                controls.add(c.withTick(scale(c.tick(), oldTpq, newTicksPerQuarter)));
            }
            List<PitchBend> bends = new ArrayList<>(t.pitchBends().size());
            for (PitchBend b : t.pitchBends()) {
                bends.add(b.withTick(scale(b.tick(), oldTpq, newTicksPerQuarter)));
            }
            tracks.add(new Track(t.name(), t.program(), t.isDrum(), notes, controls, bends));
        }
        List<TempoChange> tempos = new ArrayList<>();
        for (TempoChange x : score.tempos()) {
            tempos.add(x.withTick(scale(x.tick(), oldTpq, newTicksPerQuarter)));
        }
        List<TimeSignature> meters = new ArrayList<>();
        for (TimeSignature x : score.timeSignatures()) {
            meters.add(x.withTick(scale(x.tick(), oldTpq, newTicksPerQuarter)));
        }
        List<KeySignature> keys = new ArrayList<>();
        for (KeySignature x : score.keySignatures()) {
            keys.add(x.withTick(scale(x.tick(), oldTpq, newTicksPerQuarter)));
        }
        List<TextEvent> texts = new ArrayList<>();
        for (TextEvent x : score.texts()) {
            texts.add(x.withTick(scale(x.tick(), oldTpq, newTicksPerQuarter)));
        }
        return new Score(newTicksPerQuarter, tracks, tempos, meters, keys, texts);
    }

    /** {@code round(tick * to / from)} with halves rounded up, exact for every non-negative long tick. */
    static long scale(long tick, int from, int to) {
        long num;
        try {
            num = Math.addExact(Math.multiplyExact(Math.multiplyExact(tick, (long) to), 2L), from);
        } catch (ArithmeticException overflow) {
            BigInteger n = BigInteger.valueOf(tick).multiply(BigInteger.valueOf(2L * to)).add(BigInteger.valueOf(from));
            return n.divide(BigInteger.valueOf(2L * from)).longValueExact();
        }
        return Math.floorDiv(num, 2L * from);
    }
}
