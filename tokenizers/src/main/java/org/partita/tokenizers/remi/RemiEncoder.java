package org.partita.tokenizers.remi;

import java.util.Arrays;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.miditok.MidiTokBins;

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
    private static final int CHORD = 2;
    private static final int NOTE = 3;
    private static final int INDEX_BITS = 26;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    private final RemiVocabulary vocab;
    private final RemiConfig config;
    private final ChordDetector chords;

    RemiEncoder(RemiVocabulary vocab) {
        this.vocab = vocab;
        this.config = vocab.config;
        this.chords = vocab.chords.enabled()
                ? new ChordDetector(vocab.chords, config.beatRes().get(0).positionsPerBeat(), vocab.chordBase) : null;
    }

    /**
     * Events in MidiTok's insertion order (meters, tempos, then per track its chords and notes), one
     * per note rather than one per token: a note's Program/Pitch/Velocity/Duration tokens are
     * consecutive after the stable sort by time anyway. {@code ref} is a token id, or for notes the
     * index into the note arrays.
     */
    private static final class Events {
        int[] kind;
        int[] ref;
        int[] aux;
        long[] time;
        int size;

        Events(int capacity) {
            kind = new int[capacity];
            ref = new int[capacity];
            aux = new int[capacity];
            time = new long[capacity];
        }

        void add(int k, int r, int a, long t) {
            if (size == kind.length) {
                int cap = Math.max(16, size * 2);
                kind = Arrays.copyOf(kind, cap);
                ref = Arrays.copyOf(ref, cap);
                aux = Arrays.copyOf(aux, cap);
                time = Arrays.copyOf(time, cap);
            }
            kind[size] = k;
            ref[size] = r;
            aux[size] = a;
            time[size] = t;
            size++;
        }
    }

    /** Per-note token ids (-1 = absent), end tick and note index, by note number. */
    private static final class Notes {
        final int[] program;
        final int[] pitch;
        final int[] velocity;
        final int[] duration;
        final int[] noteIndex;
        final long[] end;

        Notes(int n) {
            program = new int[n];
            pitch = new int[n];
            velocity = new int[n];
            duration = new int[n];
            noteIndex = new int[n];
            end = new long[n];
        }
    }

    TokenSequence encode(Prepared s) {
        int notesTotal = 0;
        for (Prepared.Part p : s.parts) {
            notesTotal += p.size;
        }
        Notes notes = new Notes(notesTotal);
        Events ev = new Events(notesTotal + s.tempoTicks.length + s.tsTicks.length + 16);
        if (config.useTimeSignatures()) {
            for (int i = 0; i < s.tsTicks.length; i++) {
                ev.add(TS, vocab.timeSigId(s.tsNumerators[i], s.tsDenominators[i]), -1, s.tsTicks[i]);
            }
        }
        for (int i = 0; i < s.tempoTicks.length; i++) {
            ev.add(TEMPO, vocab.tempoBase + s.tempoBins[i], -1, s.tempoTicks[i]);
        }
        long[][] tpbSections = tpbSections(s);
        int g = 0;
        int binsTpb = -1;
        TimeBins bins = null;
        for (Prepared.Part p : s.parts) {
            int programKey = p.programKey();
            int programId = config.usePrograms() ? vocab.programId(programKey) : -1;
            if (chords != null && !p.isDrum) {
                long[] found = chords.detect(p, tpbSections);
                for (int c = 0; c < found.length; c += 2) {
                    ev.add(CHORD, (int) found[c + 1], programId, found[c]);
                }
            }
            boolean drumTokens = p.isDrum && config.usePitchdrumTokens();
            boolean durations = vocab.hasDurations(programKey);
            int pitchBase = drumTokens ? vocab.pitchDrumBase - config.drumsPitchLow() : vocab.pitchBase - config.pitchLow();
            int[] rank = canonicalRanks(p);
            int firstNote = g;
            for (int k = 0; k < p.size; k++, g++) {
                long t = p.time[k];
                notes.program[g] = programId;
                notes.pitch[g] = pitchBase + p.pitch[k];
                notes.end[g] = t + p.duration[k];
                notes.noteIndex[g] = firstNote + rank[k];
                int v = p.velocity[k];
                notes.velocity[g] = !config.useVelocities() ? -1 : vocab.velocityBase
                        + (v >= 0 && v < 128 ? vocab.velocityIndex[v] : MidiTokBins.closest(vocab.velocities, v));
                if (durations) {
                    int tpb = tpbSections.length == 1 ? (int) tpbSections[0][1] : sectionValue(tpbSections, t);
                    if (tpb != binsTpb) {
                        bins = vocab.durationBins(tpb);
                        binsTpb = tpb;
                    }
                    notes.duration[g] = vocab.durationBase + bins.tokenIndex(p.duration[k]);
                } else {
                    notes.duration[g] = -1;
                }
                ev.add(NOTE, g, -1, t);
            }
        }
        // Stable sort by time: (time, insertion index) packed in one long.
        int n = ev.size;
        if (n > INDEX_MASK) {
            throw new IllegalArgumentException("too many events to encode in one sequence: " + n);
        }
        long[] keys = new long[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            keys[i] = (ev.time[i] << INDEX_BITS) | i;
            sorted &= i == 0 || keys[i - 1] < keys[i];
        }
        if (!sorted) {
            Arrays.sort(keys);
        }
        return addTimeTokens(keys, ev, notes, s.ticksPerQuarter, notesTotal);
    }

    /**
     * MidiTok's note event order of {@code s}: canonical note indexes (tracks in order, canonical order
     * within a track) sorted stably by onset, ties in track then MidiTok note order, as {@link #encode}
     * emits them.
     */
    static int[] noteEventOrder(Prepared s) {
        int total = 0;
        for (Prepared.Part p : s.parts) {
            total += p.size;
        }
        if (total > INDEX_MASK) {
            throw new IllegalArgumentException("too many notes to encode in one sequence: " + total);
        }
        long[] keys = new long[total];
        int[] canonical = new int[total];
        int g = 0;
        for (Prepared.Part p : s.parts) {
            int[] rank = canonicalRanks(p);
            int first = g;
            for (int k = 0; k < p.size; k++, g++) {
                keys[g] = (p.time[k] << INDEX_BITS) | g;
                canonical[g] = first + rank[k];
            }
        }
        Arrays.sort(keys);
        int[] order = new int[total];
        for (int i = 0; i < total; i++) {
            order[i] = canonical[(int) (keys[i] & INDEX_MASK)];
        }
        return order;
    }

    /** Each note's index in the canonical Track order (time, pitch, duration, velocity). */
    private static int[] canonicalRanks(Prepared.Part p) {
        return NoteOrder.ranks(p.time, p.duration, p.pitch, p.velocity, p.size, true);
    }

    /** {end tick, ticks per beat} per meter section, equal neighbours merged (MidiTok's get_score_ticks_per_beat). */
    static long[][] tpbSections(Prepared s) {
        int m = s.tsTicks.length;
        long[][] out = new long[m][];
        int k = 0;
        for (int i = 0; i < m; i++) {
            long endTick = i + 1 < m ? s.tsTicks[i + 1] : Long.MAX_VALUE;
            long tpb = RemiPreprocessor.ticksPerBeat(s.tsDenominators[i], s.ticksPerQuarter);
            if (k > 0 && out[k - 1][1] == tpb) {
                out[k - 1][0] = endTick; // same ticks per beat: one section (lookups give the same value)
            } else {
                out[k++] = new long[] {endTick, tpb};
            }
        }
        return Arrays.copyOf(out, k);
    }

    static int sectionValue(long[][] sections, long tick) {
        for (long[] sec : sections) {
            if (tick < sec[0]) {
                return (int) sec[1];
            }
        }
        return (int) sections[sections.length - 1][1];
    }

    private TokenSequence addTimeTokens(long[] keys, Events ev, Notes notes, int tpq, int notesTotal) {
        // About 4.7 tokens per note in POP909; growing the five arrays costs more than a generous start.
        TokenSequence.Builder out = TokenSequence.builder(notesTotal * 5 + keys.length + 64, tpq);
        int[] kind = ev.kind;
        long[] time = ev.time;
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
                int e = (int) (key & INDEX_MASK);
                if (kind[e] == TS) {
                    tsNum = vocab.timeSigNumerator(ev.ref[e]);
                    tsDen = vocab.timeSigDenominator(ev.ref[e]);
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
            int e = (int) (key & INDEX_MASK);
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
                long newBars;
                if (currentBar >= 0 && t >= tickAtCurrentBar && t - tickAtCurrentBar < ticksPerBar
                        && tickAtCurrentBar == tickAtLastTs + (currentBar - barAtLastTs) * ticksPerBar) {
                    newBars = 0; // still in the current bar: skip the 64-bit division
                } else {
                    newBars = barAtLastTs + Math.floorDiv(t - tickAtLastTs, ticksPerBar) - currentBar;
                }
                for (long i = 0; i < newBars; i++) {
                    currentBar++;
                    tickAtCurrentBar = tickAtLastTs + (currentBar - barAtLastTs) * ticksPerBar;
                    out.add(vocab.barId, -1, tickAtCurrentBar, currentBar, 0);
                    if (config.useTimeSignatures() && !(kind[e] == TS && i + 1 == newBars)) {
                        out.add(currentTsId, -1, tickAtCurrentBar, currentBar, 0);
                    }
                }
                if (kind[e] != TS) {
                    long inBar = t - tickAtCurrentBar;
                    position = inBar >= 0 && inBar <= Integer.MAX_VALUE ? (int) inBar / ticksPerPos
                            : (int) Math.floorDiv(inBar, (long) ticksPerPos);
                    out.add(vocab.positionBase + position, -1, t, Math.max(currentBar, 0), position);
                }
                previousTick = t;
            }
            int bar = Math.max(currentBar, 0);
            switch (kind[e]) {
                case TS -> {
                    barAtLastTs += Math.floorDiv(t - tickAtLastTs, ticksPerBar);
                    tickAtLastTs = t;
                    currentTsId = ev.ref[e];
                    tsNum = vocab.timeSigNumerator(currentTsId);
                    tsDen = vocab.timeSigDenominator(currentTsId);
                    tpb = RemiPreprocessor.ticksPerBeat(tsDen, tpq);
                    ticksPerBar = (long) tpb * tsNum;
                    ticksPerPos = tpb / maxPos;
                    previousTick -= 1;
                    position = 0;
                    out.add(ev.ref[e], -1, t, Math.max(currentBar, 0), position);
                    previousNoteEnd = Math.max(previousNoteEnd, t);
                }
                case TEMPO -> {
                    out.add(ev.ref[e], -1, t, bar, position);
                    previousNoteEnd = Math.max(previousNoteEnd, t);
                }
                case CHORD -> {
                    if (ev.aux[e] >= 0) {
                        out.add(ev.aux[e], -1, t, bar, position);
                    }
                    out.add(ev.ref[e], -1, t, bar, position);
                    previousNoteEnd = Math.max(previousNoteEnd, t);
                }
                default -> {
                    int g = ev.ref[e];
                    int note = notes.noteIndex[g];
                    if (notes.program[g] >= 0) {
                        out.add(notes.program[g], note, t, bar, position);
                    }
                    out.add(notes.pitch[g], note, t, bar, position);
                    if (notes.velocity[g] >= 0) {
                        out.add(notes.velocity[g], note, t, bar, position);
                    }
                    if (notes.duration[g] >= 0) {
                        out.add(notes.duration[g], note, t, bar, position);
                    }
                    previousNoteEnd = Math.max(previousNoteEnd, Math.max(t, notes.end[g]));
                }
            }
        }
        return out.build();
    }
}
