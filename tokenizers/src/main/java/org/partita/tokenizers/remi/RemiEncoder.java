package org.partita.tokenizers.remi;

import java.util.Arrays;
import org.partita.tokenizers.TokenSequence;

/**
 * Turns a {@link Prepared} score into REMI tokens as MidiTok 3.0.6 does: global events (every
 * TimeSig, then every Tempo), then per track per note {@code [Program] Pitch|PitchDrum [Velocity]
 * [Duration]}, all stably sorted by time; then time tokens: {@code Bar_None} per bar crossed (each
 * followed by the current {@code TimeSig} except the bar a TimeSig event starts), {@code Position}
 * at every change of time except before a TimeSig, and {@code Rest}s from the previous note end when
 * enabled. Stateless and thread-safe.
 */
final class RemiEncoder {

    private static final int TS = 0;
    private static final int TEMPO = 1;
    private static final int PROGRAM = 2;
    private static final int PITCH = 3;
    private static final int VELOCITY = 4;
    private static final int DURATION = 5;

    private final RemiVocabulary vocab;
    private final RemiConfig config;

    RemiEncoder(RemiVocabulary vocab) {
        this.vocab = vocab;
        this.config = vocab.config;
    }

    /** Growable output with per-token metadata. */
    private static final class Out {
        int[] ids;
        int[] notes;
        long[] ticks;
        int[] bars;
        int[] positions;
        int size;

        Out(int capacity) {
            ids = new int[capacity];
            notes = new int[capacity];
            ticks = new long[capacity];
            bars = new int[capacity];
            positions = new int[capacity];
        }

        void add(int id, int note, long tick, int bar, int position) {
            if (size == ids.length) {
                int cap = Math.max(16, size * 2);
                ids = Arrays.copyOf(ids, cap);
                notes = Arrays.copyOf(notes, cap);
                ticks = Arrays.copyOf(ticks, cap);
                bars = Arrays.copyOf(bars, cap);
                positions = Arrays.copyOf(positions, cap);
            }
            ids[size] = id;
            notes[size] = note;
            ticks[size] = tick;
            bars[size] = bar;
            positions[size] = position;
            size++;
        }
    }

    TokenSequence encode(Prepared s) {
        int tpq = s.ticksPerQuarter;
        // Events as parallel arrays: kind, token id, time, note end (pitch/program), note index.
        int count = config.useTimeSignatures() ? s.tsTicks.length : 0;
        count += s.tempoTicks.length;
        int notesTotal = 0;
        for (Prepared.Part p : s.parts) {
            notesTotal += p.size;
        }
        count += notesTotal * 4;
        int[] kind = new int[count];
        int[] id = new int[count];
        long[] time = new long[count];
        long[] end = new long[count];
        int[] note = new int[count];
        int n = 0;
        if (config.useTimeSignatures()) {
            for (int i = 0; i < s.tsTicks.length; i++) {
                kind[n] = TS;
                id[n] = vocab.timeSigId(s.tsNumerators[i], s.tsDenominators[i]);
                time[n] = s.tsTicks[i];
                note[n] = -1;
                n++;
            }
        }
        for (int i = 0; i < s.tempoTicks.length; i++) {
            kind[n] = TEMPO;
            id[n] = vocab.tempoBase + s.tempoBins[i];
            time[n] = s.tempoTicks[i];
            note[n] = -1;
            n++;
        }
        long[][] tpbSections = tpbSections(s);
        int noteOffset = 0;
        int binsTpb = -1;
        TimeBins bins = null;
        for (Prepared.Part p : s.parts) {
            int programKey = p.programKey();
            int programId = vocab.programId(programKey);
            boolean drumTokens = p.isDrum && config.usePitchdrumTokens();
            boolean durations = vocab.hasDurations(programKey);
            int[] rank = canonicalRanks(p);
            for (int k = 0; k < p.size; k++) {
                long t = p.time[k];
                long e = t + p.duration[k];
                int noteIndex = noteOffset + rank[k];
                if (config.usePrograms()) {
                    kind[n] = PROGRAM;
                    id[n] = programId;
                    time[n] = t;
                    end[n] = e;
                    note[n] = noteIndex;
                    n++;
                }
                kind[n] = PITCH;
                id[n] = drumTokens ? vocab.pitchDrumBase + p.pitch[k] - config.drumsPitchLow()
                        : vocab.pitchBase + p.pitch[k] - config.pitchLow();
                time[n] = t;
                end[n] = e;
                note[n] = noteIndex;
                n++;
                if (config.useVelocities()) {
                    kind[n] = VELOCITY;
                    int v = p.velocity[k];
                    id[n] = vocab.velocityBase + (v >= 0 && v < 128 ? vocab.velocityIndex[v]
                            : RemiPreprocessor.closest(vocab.velocities, v));
                    time[n] = t;
                    note[n] = noteIndex;
                    n++;
                }
                if (durations) {
                    int tpb = sectionValue(tpbSections, t);
                    if (tpb != binsTpb) {
                        bins = vocab.durationBins(tpb);
                        binsTpb = tpb;
                    }
                    kind[n] = DURATION;
                    id[n] = vocab.durationBase + bins.tokenIndex(p.duration[k]);
                    time[n] = t;
                    note[n] = noteIndex;
                    n++;
                }
            }
            noteOffset += p.size;
        }
        // Stable sort by time.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (time[i] << 26) | i;
        }
        boolean sorted = true;
        for (int i = 1; i < n && sorted; i++) {
            sorted = keys[i - 1] < keys[i];
        }
        if (!sorted) {
            Arrays.sort(keys);
        }
        return addTimeTokens(keys, kind, id, time, end, note, tpq);
    }

    /** Each note's index in the canonical Track order (time, pitch, duration, velocity). */
    private static int[] canonicalRanks(Prepared.Part p) {
        return NoteOrder.ranks(p.time, p.duration, p.pitch, p.velocity, p.size, true);
    }

    /** {end tick, ticks per beat} per meter section (MidiTok's get_score_ticks_per_beat). */
    static long[][] tpbSections(Prepared s) {
        int m = s.tsTicks.length;
        long[][] out = new long[m][];
        for (int i = 0; i < m; i++) {
            long endTick = i + 1 < m ? s.tsTicks[i + 1] : Long.MAX_VALUE;
            out[i] = new long[] {endTick, RemiPreprocessor.ticksPerBeat(s.tsDenominators[i], s.ticksPerQuarter)};
        }
        return out;
    }

    static int sectionValue(long[][] sections, long tick) {
        for (long[] sec : sections) {
            if (tick < sec[0]) {
                return (int) sec[1];
            }
        }
        return (int) sections[sections.length - 1][1];
    }

    private TokenSequence addTimeTokens(long[] keys, int[] kind, int[] id, long[] time, long[] end, int[] note, int tpq) {
        Out out = new Out(keys.length + keys.length / 2 + 64);
        int maxPos = vocab.positionsPerBeat;
        int currentBar = -1;
        long barAtLastTs = 0;
        long previousTick = -1;
        long previousNoteEnd = 0;
        long tickAtLastTs = 0;
        long tickAtCurrentBar = 0;
        int tsNum = 4;
        int tsDen = 4;
        if (config.useTimeSignatures()) {
            for (long key : keys) {
                int e = (int) (key & ((1L << 26) - 1));
                if (kind[e] == TS) {
                    tsNum = vocab.timeSigNumerator(id[e]);
                    tsDen = vocab.timeSigDenominator(id[e]);
                    break;
                }
            }
        }
        int tpb = RemiPreprocessor.ticksPerBeat(tsDen, tpq);
        long ticksPerBar = (long) tpb * tsNum;
        int ticksPerPos = tpb / maxPos;
        int currentTsId = vocab.timeSigId(tsNum, tsDen);
        int position = 0;
        for (long key : keys) {
            int e = (int) (key & ((1L << 26) - 1));
            long t = time[e];
            if (t != previousTick) {
                if (config.useRests()) {
                    long[] restBins = vocab.restTicks(tpb);
                    long minRest = restBins.length > 0 ? restBins[0] : 0;
                    if (minRest > 0 && t - previousNoteEnd >= minRest) {
                        previousTick = previousNoteEnd;
                        long remaining = t - previousTick;
                        while (remaining >= minRest) {
                            int idx = 0;
                            for (int r = 0; r < restBins.length; r++) {
                                if (restBins[r] <= remaining) {
                                    idx = r;
                                }
                            }
                            out.add(vocab.restBase + idx, -1, previousTick, Math.max(currentBar, 0), position);
                            previousTick += restBins[idx];
                            remaining -= restBins[idx];
                        }
                        long realCurrentBar = barAtLastTs + Math.floorDiv(previousTick - tickAtLastTs, ticksPerBar);
                        if (realCurrentBar > currentBar) {
                            if (currentBar == -1) {
                                currentBar = 0;
                            }
                            tickAtCurrentBar += (realCurrentBar - currentBar) * ticksPerBar;
                            currentBar = (int) realCurrentBar;
                        }
                    }
                }
                long newBars = barAtLastTs + Math.floorDiv(t - tickAtLastTs, ticksPerBar) - currentBar;
                for (long i = 0; i < newBars; i++) {
                    currentBar++;
                    tickAtCurrentBar = tickAtLastTs + (currentBar - barAtLastTs) * ticksPerBar;
                    out.add(vocab.barId, -1, tickAtCurrentBar, currentBar, 0);
                    if (config.useTimeSignatures() && !(kind[e] == TS && i + 1 == newBars)) {
                        out.add(currentTsId, -1, tickAtCurrentBar, currentBar, 0);
                    }
                }
                if (kind[e] != TS) {
                    position = (int) Math.floorDiv(t - tickAtCurrentBar, (long) ticksPerPos);
                    out.add(vocab.positionBase + position, -1, t, Math.max(currentBar, 0), position);
                }
                previousTick = t;
            }
            if (kind[e] == TS) {
                barAtLastTs += Math.floorDiv(t - tickAtLastTs, ticksPerBar);
                tickAtLastTs = t;
                currentTsId = id[e];
                tsNum = vocab.timeSigNumerator(id[e]);
                tsDen = vocab.timeSigDenominator(id[e]);
                tpb = RemiPreprocessor.ticksPerBeat(tsDen, tpq);
                ticksPerBar = (long) tpb * tsNum;
                ticksPerPos = tpb / maxPos;
                previousTick -= 1;
                position = 0;
            }
            out.add(id[e], note[e], t, Math.max(currentBar, 0), position);
            switch (kind[e]) {
                case PITCH -> previousNoteEnd = Math.max(previousNoteEnd, end[e]);
                case PROGRAM, TEMPO, TS -> previousNoteEnd = Math.max(previousNoteEnd, t);
                default -> { }
            }
        }
        return new TokenSequence(Arrays.copyOf(out.ids, out.size), Arrays.copyOf(out.notes, out.size),
                Arrays.copyOf(out.ticks, out.size), Arrays.copyOf(out.bars, out.size),
                Arrays.copyOf(out.positions, out.size), tpq);
    }
}
