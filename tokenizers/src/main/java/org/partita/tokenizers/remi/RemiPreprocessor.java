package org.partita.tokenizers.remi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.SourceOrder;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.miditok.MidiTokBins;

/**
 * MidiTok 3.0.6's {@code preprocess_score} for REMI, rule for rule (including its quirks, which
 * decide the tokens): meter filtering, resolution {@code positionsPerBeat * maxDenominator / 4}
 * (symusic's resampling: times and durations rounded half away from zero independently, durations at
 * least 1; meter times truncated), merging of same-program tracks, meters moved to bar lines, onset
 * rounding per meter section (numpy half-to-even, with MidiTok's section indexing), pitch filtering,
 * velocity and duration snapping, tempo snapping in microseconds per quarter. Stateless, thread-safe.
 */
final class RemiPreprocessor {

    private final RemiConfig config;
    private final RemiVocabulary vocab;
    private final int maxPos;

    RemiPreprocessor(RemiVocabulary vocab) {
        this.vocab = vocab;
        this.config = vocab.config;
        this.maxPos = vocab.positionsPerBeat;
    }

    Prepared prepare(Score score) {
        // 1. Meters: filter, mock 4/4 at 0, choose the resolution.
        List<long[]> ts = new ArrayList<>(); // {tick, num, den}
        int newTpq;
        if (config.useTimeSignatures()) {
            for (TimeSignature t : score.timeSignatures()) {
                if (vocab.supportsTimeSignature(t.numerator(), t.denominator())) {
                    ts.add(new long[] {t.tick(), t.numerator(), t.denominator()});
                }
            }
            if (ts.isEmpty() || ts.get(0)[0] != 0) {
                ts.add(0, new long[] {0, 4, 4});
            }
            long maxDen = 0;
            for (long[] t : ts) {
                maxDen = Math.max(maxDen, t[2]);
            }
            newTpq = Math.max(1, (int) (maxPos * maxDen / 4.0));
        } else {
            ts.add(new long[] {0, 4, 4});
            newTpq = maxPos;
        }
        int oldTpq = score.ticksPerQuarter();
        boolean resample = oldTpq != newTpq;
        if (resample && config.useTimeSignatures()) {
            double ratio = newTpq / (double) oldTpq;
            for (long[] t : ts) {
                t[0] = (long) (t[0] * ratio);
            }
        }

        // 2. Notes in symusic's order, resampled.
        List<Prepared.Part> parts = new ArrayList<>();
        for (Track track : score.tracks()) {
            // symusic keeps a track's notes in the file's Note On order and MidiTok never sorts a track
            // it does not merge, so the notes go in source order (docs/tokenizers.md, "Note order").
            List<Note> notes = track.notes();
            SourceOrder order = track.sourceOrder();
            Prepared.Part part = new Prepared.Part(track.name(), track.program(), track.isDrum(), notes.size());
            for (int i = 0; i < notes.size(); i++) {
                Note n = notes.get(order.canonicalIndex(i));
                part.add(n.startTick(), n.durationTicks(), n.pitch(), n.velocity());
            }
            if (resample) {
                for (int i = 0; i < part.size; i++) {
                    part.time[i] = symusicScale(part.time[i], newTpq, oldTpq);
                    part.duration[i] = Math.max(symusicScale(part.duration[i], newTpq, oldTpq), 1);
                }
            }
            parts.add(part);
        }

        // 3. Merge tracks of the same program (drums = -1).
        if (config.usePrograms()) {
            parts = mergeSamePrograms(parts);
        }

        // 4. Meters on bar lines.
        if (config.useTimeSignatures()) {
            preprocessTimeSignatures(ts, newTpq);
        }

        // 5. Sections of ticks per beat and of onset rounding.
        long[][] tpbSections = ticksPerBeatSections(ts, newTpq);
        long[][] factors = null;
        if (config.useTimeSignatures() && distinctDenominators(ts) > 1) {
            factors = resamplingFactors(ts, newTpq);
        }

        // 6. Tracks.
        for (int t = parts.size() - 1; t >= 0; t--) {
            Prepared.Part p = parts.get(t);
            if (p.size == 0 || (config.usePrograms() && !config.programs().contains(p.programKey()))) {
                parts.remove(t);
                continue;
            }
            preprocessNotes(p, factors, tpbSections);
            if (p.size == 0) {
                parts.remove(t);
            }
        }

        // 7. Tempos.
        long[] tempoTicks = new long[0];
        int[] tempoBins = new int[0];
        if (config.useTempos()) {
            long[][] tempos = preprocessTempos(score, resample, newTpq, oldTpq, factors);
            tempoTicks = tempos[0];
            tempoBins = new int[tempos[1].length];
            for (int i = 0; i < tempoBins.length; i++) {
                tempoBins[i] = (int) tempos[1][i];
            }
        }
        long[] tsTicks = new long[ts.size()];
        int[] nums = new int[ts.size()];
        int[] dens = new int[ts.size()];
        for (int i = 0; i < ts.size(); i++) {
            tsTicks[i] = ts.get(i)[0];
            nums[i] = (int) ts.get(i)[1];
            dens[i] = (int) ts.get(i)[2];
        }
        return new Prepared(newTpq, parts, tempoTicks, tempoBins, tsTicks, nums, dens);
    }

    /** symusic: {@code round(tpq * v / old)}, halves away from zero. */
    static long symusicScale(long v, int newTpq, int oldTpq) {
        return Math.round((double) (newTpq * v) / (double) oldTpq);
    }

    private static List<Prepared.Part> mergeSamePrograms(List<Prepared.Part> parts) {
        TreeMap<Integer, List<Integer>> groups = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            groups.computeIfAbsent(parts.get(i).programKey(), k -> new ArrayList<>()).add(i);
        }
        boolean any = false;
        for (List<Integer> g : groups.values()) {
            any |= g.size() >= 2;
        }
        if (!any) {
            return parts;
        }
        Prepared.Part[] out = parts.toArray(new Prepared.Part[0]);
        boolean[] deleted = new boolean[out.length];
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) {
                continue;
            }
            Prepared.Part first = parts.get(g.get(0));
            StringBuilder name = new StringBuilder(first.name);
            int total = 0;
            for (int i : g) {
                total += parts.get(i).size;
                if (i != g.get(0)) {
                    name.append(" / ").append(parts.get(i).name);
                }
            }
            Prepared.Part merged = new Prepared.Part(name.toString(), first.program, first.isDrum, total);
            for (int i : g) {
                Prepared.Part p = parts.get(i);
                System.arraycopy(p.time, 0, merged.time, merged.size, p.size);
                System.arraycopy(p.duration, 0, merged.duration, merged.size, p.size);
                System.arraycopy(p.pitch, 0, merged.pitch, merged.size, p.size);
                System.arraycopy(p.velocity, 0, merged.velocity, merged.size, p.size);
                merged.size += p.size;
            }
            sortDefault(merged);
            out[g.get(0)] = merged;
            for (int k = 1; k < g.size(); k++) {
                deleted[g.get(k)] = true;
            }
        }
        List<Prepared.Part> result = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            if (!deleted[i]) {
                result.add(out[i]);
            }
        }
        return result;
    }

    /** symusic's default note order: time, duration, pitch, velocity. */
    private static void sortDefault(Prepared.Part p) {
        sortBy(p, false);
    }

    private static void sortBy(Prepared.Part p, boolean pitchBeforeDuration) {
        NoteOrder.sort(p, pitchBeforeDuration);
    }

    static int ticksPerBeat(int denominator, int tpq) {
        return denominator == 4 ? tpq : (int) (tpq * (4.0 / denominator));
    }

    static int ticksPerBar(int numerator, int denominator, int tpq) {
        return ticksPerBeat(denominator, tpq) * numerator;
    }

    /** MidiTok's {@code _preprocess_time_signatures}: dedupe, delay to bar lines, last of a tick wins. */
    private void preprocessTimeSignatures(List<long[]> ts, int tpq) {
        int i = 0;
        long ticksPerBar = ticksPerBar((int) ts.get(0)[1], (int) ts.get(0)[2], tpq);
        long previousTick = 0;
        while (i < ts.size()) {
            if (i >= 1 && same(ts.get(i), ts.get(i - 1))) {
                ts.remove(i);
                continue;
            }
            if (i >= 1 && ts.get(i)[0] < ts.get(i - 1)[0]) {
                ts.get(i)[0] = ts.get(i - 1)[0];
            }
            long diff = ts.get(i)[0] - previousTick;
            long barOffset = Math.floorDiv(diff, ticksPerBar);
            long rest = Math.floorMod(diff, ticksPerBar);
            if (rest > 0) {
                ts.get(i)[0] = previousTick + (barOffset + 1) * ticksPerBar;
            }
            ticksPerBar = ticksPerBar((int) ts.get(i)[1], (int) ts.get(i)[2], tpq);
            previousTick = ts.get(i)[0];
            if (i >= 1 && ts.get(i)[0] == ts.get(i - 1)[0]) {
                ts.remove(i - 1);
                if (i >= 2 && same(ts.get(i - 1), ts.get(i - 2))) {
                    ts.remove(i - 1);
                    ticksPerBar = ticksPerBar((int) ts.get(i - 2)[1], (int) ts.get(i - 2)[2], tpq);
                    previousTick = ts.get(i - 2)[0];
                    i -= 1;
                }
                continue;
            }
            i++;
        }
        if (!ts.isEmpty()) {
            if (config.deleteEqualSuccessiveTimeSigChanges() && ts.get(0)[1] == 4 && ts.get(0)[2] == 4) {
                ts.get(0)[0] = 0;
            } else if (ts.get(0)[0] != 0) {
                ts.add(0, new long[] {0, 4, 4});
            }
        } else {
            ts.add(new long[] {0, 4, 4});
        }
    }

    private static boolean same(long[] a, long[] b) {
        return a[1] == b[1] && a[2] == b[2];
    }

    private static int distinctDenominators(List<long[]> ts) {
        return (int) ts.stream().mapToLong(t -> t[2]).distinct().count();
    }

    /** {@code get_score_ticks_per_beat}: {end tick, ticks per beat} per section, equal neighbours merged. */
    private static long[][] ticksPerBeatSections(List<long[]> ts, int tpq) {
        List<long[]> s = new ArrayList<>();
        for (int i = 0; i < ts.size() - 1; i++) {
            s.add(new long[] {ts.get(i + 1)[0], ticksPerBeat((int) ts.get(i)[2], tpq)});
        }
        s.add(new long[] {Long.MAX_VALUE / 4, ticksPerBeat((int) ts.get(ts.size() - 1)[2], tpq)});
        return mergeEqual(s);
    }

    /** {@code _get_score_resampling_factor}: {end tick, rounding factor} per section. */
    private long[][] resamplingFactors(List<long[]> ts, int tpq) {
        List<long[]> s = new ArrayList<>();
        for (int i = 0; i < ts.size() - 1; i++) {
            s.add(new long[] {ts.get(i + 1)[0], factor(tpq, (int) ts.get(i)[2])});
        }
        s.add(new long[] {Long.MAX_VALUE / 4, factor(tpq, (int) ts.get(ts.size() - 1)[2])});
        return mergeEqual(s);
    }

    private long factor(int tpq, int den) {
        return (long) Math.floor(tpq / (maxPos * (den / 4.0)));
    }

    private static long[][] mergeEqual(List<long[]> s) {
        for (int i = s.size() - 1; i > 0; i--) {
            if (s.get(i)[1] == s.get(i - 1)[1]) {
                s.get(i - 1)[0] = s.get(i)[0];
                s.remove(i);
            }
        }
        return s.toArray(new long[0][]);
    }

    private void preprocessNotes(Prepared.Part p, long[][] factors, long[][] tpbSections) {
        // Pitch filter.
        int lo = p.isDrum && config.usePitchdrumTokens() ? config.drumsPitchLow() : config.pitchLow();
        int hi = p.isDrum && config.usePitchdrumTokens() ? config.drumsPitchHigh() : config.pitchHigh();
        int n = 0;
        for (int i = 0; i < p.size; i++) {
            if (p.pitch[i] >= lo && p.pitch[i] <= hi) {
                p.copyNote(i, n++);
            }
        }
        p.size = n;
        if (n == 0) {
            return;
        }
        if (config.useVelocities()) {
            for (int i = 0; i < n; i++) {
                int v = p.velocity[i];
                p.velocity[i] = vocab.velocities[v >= 0 && v < 128 ? vocab.velocityIndex[v] : MidiTokBins.closest(vocab.velocities, v)];
            }
        }
        if (factors != null) {
            long[][] idx = factorsToIndexes(factors, p.time, n);
            adjustTimes(p.time, n, idx);
        }
        if (vocab.hasDurations(p.programKey())) {
            adjustDurations(p, tpbSections);
        }
        if (config.removeDuplicatedNotes()) {
            sortBy(p, true);
            int m = 0;
            for (int i = 0; i < p.size; i++) {
                if (m > 0 && p.time[m - 1] == p.time[i] && p.pitch[m - 1] == p.pitch[i]) {
                    continue;
                }
                p.copyNote(i, m++);
            }
            p.size = m;
        }
    }

    /** MidiTok's {@code __convert_resampling_ratios_ticks_to_idx}, including its relative indexes. */
    private static long[][] factorsToIndexes(long[][] factors, long[] times, int n) {
        long[][] out = new long[factors.length][];
        int first = 0;
        for (int k = 0; k < factors.length; k++) {
            int last;
            if (k + 1 == factors.length) {
                last = n - 1;
            } else {
                last = 0; // numpy argmax of an all-false mask
                for (int i = first; i < n; i++) {
                    if (times[i] >= factors[k][0]) {
                        last = i - first;
                        break;
                    }
                }
            }
            out[k] = new long[] {last, factors[k][1]};
            first = last;
        }
        return out;
    }

    /** MidiTok's {@code _adjust_time_to_tpb}: round to the section factor (numpy half-to-even) by index slices. */
    static void adjustTimes(long[] times, int n, long[][] idxFactors) {
        int first = 0;
        for (int k = 0; k < idxFactors.length; k++) {
            boolean lastSection = k == idxFactors.length - 1;
            int end = lastSection ? n : (int) Math.min(Math.max(idxFactors[k][0], 0), n);
            long f = idxFactors[k][1];
            if (f != 1 && f != 0) {
                for (int i = Math.min(first, n); i < end; i++) {
                    times[i] = (long) (Math.rint(times[i] / (double) f) * f);
                }
            }
            if (lastSection) {
                break;
            }
            first = (int) Math.min(Math.max(idxFactors[k][0], 0), Integer.MAX_VALUE);
        }
    }

    /** MidiTok's {@code _adjust_durations}: durations snapped to the bins of their section's ticks per beat. */
    private void adjustDurations(Prepared.Part p, long[][] sections) {
        int first = 0;
        long lastTime = p.time[p.size - 1];
        for (int s = 0; s < sections.length; s++) {
            int end;
            boolean toEnd = s + 1 == sections.length || sections[s][0] > lastTime;
            if (toEnd) {
                end = p.size;
            } else {
                end = first;
                for (int i = first; i < p.size; i++) {
                    if (p.time[i] >= sections[s][0]) {
                        end = i;
                        break;
                    }
                }
            }
            TimeBins bins = vocab.durationBins((int) sections[s][1]);
            for (int i = first; i < end; i++) {
                p.duration[i] = bins.ticks[bins.nearest(p.duration[i])];
            }
            first = end;
            if (toEnd) {
                break;
            }
        }
    }

    /** {@code _preprocess_tempos}; returns {ticks, bin indexes}. */
    private long[][] preprocessTempos(Score score, boolean resample, int newTpq, int oldTpq, long[][] factors) {
        List<TempoChange> in = score.tempos();
        int defaultBin = vocab.defaultTempoBin();
        if (in.isEmpty()) {
            return new long[][] {{0}, {defaultBin}};
        }
        int n = in.size();
        long[] ticks = new long[n];
        long[] bins = new long[n];
        double[] ascending = vocab.tempoMspqAscending;
        for (int i = 0; i < n; i++) {
            TempoChange t = in.get(i);
            ticks[i] = resample ? symusicScale(t.tick(), newTpq, oldTpq) : t.tick();
            bins[i] = vocab.tempoBinOfAscending(MidiTokBins.closest(ascending, t.microsPerQuarter()));
        }
        if (factors != null) {
            adjustTimes(ticks, n, factors); // MidiTok passes tick-based sections here, used as indexes
        }
        // Keep the last of each group at one tick.
        List<long[]> kept = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (i + 1 < n && ticks[i + 1] == ticks[i]) {
                continue;
            }
            kept.add(new long[] {ticks[i], bins[i]});
        }
        if (config.deleteEqualSuccessiveTempoChanges()) {
            List<long[]> d = new ArrayList<>();
            for (long[] k : kept) {
                if (!d.isEmpty() && d.get(d.size() - 1)[1] == k[1]) {
                    continue;
                }
                d.add(k);
            }
            kept = d;
        }
        if (!kept.isEmpty()) {
            if (config.deleteEqualSuccessiveTempoChanges() && kept.get(0)[1] == defaultBin) {
                kept.get(0)[0] = 0;
            } else if (kept.get(0)[0] != 0) {
                kept.add(0, new long[] {0, defaultBin});
            }
        } else {
            kept.add(new long[] {0, defaultBin});
        }
        long[][] out = new long[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }
}
