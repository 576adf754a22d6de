package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.miditok.TimeValues;

/**
 * MidiTok 3.0.6's TSD {@code _add_time_events} over the events of a preprocessed score.
 *
 * <p>Events are MidiTok's: every TimeSig, every Tempo, then per track per note
 * {@code Program Pitch|PitchDrum Velocity Duration}, stable-sorted by time. Between two event times:
 * Rest tokens from the previous note end when the gap is at least the smallest rest (rests on), then
 * TimeShift tokens for what is left, each decomposition greedy (the largest value not above what
 * remains, MidiTok's {@code _time_ticks_to_tokens}); ticks per beat follow the last TimeSig event.
 *
 * <p>One deliberate difference: MidiTok drops a remainder smaller than the smallest TimeShift and
 * measures the next shift from the true time, so its decoder falls behind for the rest of the piece.
 * That happens for events off the grid (tempo changes, which MidiTok does not round onto it, and a
 * few notes in files mixing meter denominators). Here the remainder is carried into the next shift:
 * such an event lands on the grid tick below it (its tokens' {@code tick}, the tick a decoder reads),
 * everything after stays exact.
 * Stateless and thread-safe.
 */
final class TsdEncoder {

    private final TsdVocabulary vocab;

    TsdEncoder(TsdVocabulary vocab) {
        this.vocab = vocab;
    }

    /** Growable parallel arrays of the output. */
    private static final class Out {
        int[] ids = new int[256];
        int[] notes = new int[256];
        long[] ticks = new long[256];
        int n;

        void add(int id, int note, long tick) {
            if (n == ids.length) {
                ids = java.util.Arrays.copyOf(ids, n * 2);
                notes = java.util.Arrays.copyOf(notes, n * 2);
                ticks = java.util.Arrays.copyOf(ticks, n * 2);
            }
            ids[n] = id;
            notes[n] = note;
            ticks[n] = tick;
            n++;
        }
    }

    /**
     * Tokens of {@code pre} (a REMI-preprocessed score); {@code noteOrder} lists note indexes
     * (tracks in order, canonical order) in MidiTok's event order.
     */
    TokenSequence encode(Score pre, int[] noteOrder) {
        int tpq = pre.ticksPerQuarter();
        List<Note> notes = TokenSequence.notes(pre);
        int[] trackOf = new int[notes.size()];
        int k = 0;
        for (int t = 0; t < pre.tracks().size(); t++) {
            for (int i = 0; i < pre.tracks().get(t).notes().size(); i++) {
                trackOf[k++] = t;
            }
        }
        List<TimeSignature> meters = vocab.config.useTimeSignatures() ? pre.timeSignatures() : List.of();
        List<TempoChange> tempos = vocab.config.useTempos() ? pre.tempos() : List.of();
        Out out = new Out();
        long previousTick = 0;
        long clock = 0; // where a decoder is: previousTick minus the remainder carried forward
        long previousNoteEnd = 0;
        long tpb = tpq;
        int mi = 0;
        int ti = 0;
        int ni = 0;
        while (mi < meters.size() || ti < tempos.size() || ni < noteOrder.length) {
            // At one tick: meters, then tempos, then notes (MidiTok's stable sort of global events first).
            long tm = mi < meters.size() ? meters.get(mi).tick() : Long.MAX_VALUE;
            long tt = ti < tempos.size() ? tempos.get(ti).tick() : Long.MAX_VALUE;
            long tn = ni < noteOrder.length ? notes.get(noteOrder[ni]).startTick() : Long.MAX_VALUE;
            long time = Math.min(tm, Math.min(tt, tn));
            if (time != previousTick) {
                if (vocab.config.useRests() && vocab.rests.length > 0) {
                    long[] restBins = TimeValues.ticks(vocab.rests, tpb);
                    if (time - previousNoteEnd >= restBins[0]) {
                        clock = emit(out, restBins, vocab.restBase, time - previousNoteEnd, previousNoteEnd);
                    }
                }
                if (time != clock) {
                    long[] bins = TimeValues.ticks(vocab.durations, tpb);
                    clock = emit(out, bins, vocab.timeShiftBase, time - clock, clock);
                }
                previousTick = time;
            }
            if (tm == time) {
                TimeSignature m = meters.get(mi++);
                out.add(vocab.timeSigId(m.numerator(), m.denominator()), -1, clock);
                tpb = tpq * 4L / m.denominator();
                previousNoteEnd = Math.max(previousNoteEnd, time);
            } else if (tt == time) {
                TempoChange c = tempos.get(ti++);
                // The tick a decoder reads: below it only when the tempo is off the time-shift grid.
                out.add(vocab.tempoBase + vocab.tempoIndex(c.microsPerQuarter()), -1, clock);
                previousNoteEnd = Math.max(previousNoteEnd, time);
            } else {
                int index = noteOrder[ni++];
                Note note = notes.get(index);
                Track track = pre.tracks().get(trackOf[index]);
                int programKey = track.isDrum() ? -1 : track.program();
                out.add(vocab.programId(programKey), index, clock);
                boolean drumTokens = track.isDrum() && vocab.config.usePitchdrumTokens();
                out.add(drumTokens ? vocab.pitchDrumBase + note.pitch() - vocab.config.drumsPitchLow()
                        : vocab.pitchBase + note.pitch() - vocab.config.pitchLow(), index, clock);
                out.add(vocab.velocityBase + vocab.velocityIndex(note.velocity()), index, clock);
                out.add(vocab.durationBase + durationIndex(tpb, note.durationTicks()), index, clock);
                previousNoteEnd = Math.max(previousNoteEnd, note.endTick());
            }
        }
        return withBarsAndPositions(out, pre, meters, tpq);
    }

    /** Greedy decomposition of {@code ticks}; remainders below the smallest value are dropped as MidiTok does. */
    private static long emit(Out out, long[] bins, int base, long ticks, long from) {
        long tick = from;
        long left = ticks;
        while (left >= bins[0]) {
            int index = 0;
            for (int i = 0; i < bins.length && bins[i] <= left; i++) {
                index = i;
            }
            out.add(base + index, -1, tick);
            tick += bins[index];
            left -= bins[index];
        }
        return tick;
    }

    /** The Duration token of a duration already snapped to a bin: the last tuple with those ticks, else the closest. */
    private int durationIndex(long tpb, long duration) {
        long[] bins = TimeValues.ticks(vocab.durations, tpb);
        int found = -1;
        int closest = 0;
        for (int i = 0; i < bins.length; i++) {
            if (bins[i] == duration) {
                found = i;
            }
            if (Math.abs(bins[i] - duration) < Math.abs(bins[closest] - duration)) {
                closest = i;
            }
        }
        return found >= 0 ? found : closest;
    }

    private TokenSequence withBarsAndPositions(Out out, Score pre, List<TimeSignature> meters, int tpq) {
        List<TimeSignature> m = meters.isEmpty() ? List.of(TimeSignature.DEFAULT) : meters;
        if (m.get(0).tick() != 0) {
            List<TimeSignature> withStart = new ArrayList<>();
            withStart.add(TimeSignature.DEFAULT);
            withStart.addAll(m);
            m = withStart;
        }
        int[] bars = new int[out.n];
        int[] positions = new int[out.n];
        int current = 0;
        long barsBefore = 0;
        for (int i = 0; i < out.n; i++) {
            long tick = out.ticks[i];
            while (current + 1 < m.size() && m.get(current + 1).tick() <= tick) {
                barsBefore += ceilDiv(m.get(current + 1).tick() - m.get(current).tick(), barTicks(m.get(current), tpq));
                current++;
            }
            TimeSignature ts = m.get(current);
            long bar = barTicks(ts, tpq);
            long into = tick - ts.tick();
            bars[i] = (int) (barsBefore + into / bar);
            long tpp = Math.max(1, tpq * 4L / ts.denominator() / vocab.positionsPerBeat);
            positions[i] = (int) ((into % bar) / tpp);
        }
        return new TokenSequence(java.util.Arrays.copyOf(out.ids, out.n), java.util.Arrays.copyOf(out.notes, out.n),
                java.util.Arrays.copyOf(out.ticks, out.n), bars, positions, tpq);
    }

    private static long barTicks(TimeSignature ts, int tpq) {
        return Math.max(1, tpq * 4L * ts.numerator() / ts.denominator());
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
