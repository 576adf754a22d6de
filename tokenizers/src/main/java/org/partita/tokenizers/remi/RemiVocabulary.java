package org.partita.tokenizers.remi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.miditok.MidiTokBins;
import org.partita.tokenizers.miditok.TokenBlocks;

/**
 * The REMI vocabulary of a {@link RemiConfig}, in MidiTok 3.0.6's id order, with the bins behind the
 * tokens (velocities, durations, rests, tempos, meters) and fast id lookups per token type.
 *
 * <p>Order: special tokens, {@code Bar_None}, {@code Pitch_lo..hi}, {@code Velocity_v},
 * {@code Duration_b.p.r}, {@code Position_0..}, {@code PitchDrum_lo..hi}, {@code Chord_..} (chord-map order,
 * each quality for the 12 roots when roots are on, then unknown chords), {@code Rest_b.p.r},
 * {@code Tempo_x}, {@code Program_p} (config order, so -1 last by default), {@code TimeSig_n/d}
 * (config order). Immutable and thread-safe.
 */
public final class RemiVocabulary {

    /** Token types; {@link #type(int)} gives one per id. */
    enum Type { SPECIAL, BAR, PITCH, VELOCITY, DURATION, POSITION, PITCH_DRUM, CHORD, REST, TEMPO, PROGRAM, TIME_SIG }

    final RemiConfig config;
    final int positionsPerBeat;
    final int[] velocities;
    /** (beat, position, resolution) per Duration token. */
    final int[][] durations;
    final int[][] rests;
    final double[] tempos;
    /** Microseconds per quarter of each tempo bin, as MidiTok computes them (60e6 / bpm). */
    final double[] tempoMspq;
    /** The integer microseconds per quarter a tempo bin stands for in scores. */
    final int[] tempoMicros;
    final int[][] timeSignatures;
    final int positionCount;
    /** Chord settings (the Chord block is empty when chords are off). */
    final ChordSettings chords;

    final int barId;
    final int pitchBase;
    final int velocityBase;
    final int durationBase;
    final int positionBase;
    final int pitchDrumBase;
    final int chordBase;
    final int restBase;
    final int tempoBase;
    final int programBase;
    final int timeSigBase;
    private final Type[] types;
    /** Program id by program + 1 (drums at 0); -1 when not in the vocabulary. */
    private final int[] programIds = new int[129];
    /** TimeSig id by [denominator][numerator]; -1 when not in the vocabulary. */
    private final int[][] timeSigIds;
    /** Velocity bin index by velocity 0..127 (numpy's closest, ties upward). */
    final int[] velocityIndex;
    private final boolean[] durationPrograms = new boolean[129];
    private final Vocabulary vocabulary;

    RemiVocabulary(RemiConfig config) {
        this.config = config;
        this.positionsPerBeat = config.positionsPerBeat();
        MidiTokBins bins = MidiTokBins.of(config);
        this.velocities = bins.velocities();
        this.durations = bins.durations();
        this.rests = bins.rests();
        this.tempos = bins.tempoBpm();
        this.tempoMspq = bins.tempoMspq();
        this.tempoMicros = bins.tempoMicros();
        this.timeSignatures = bins.timeSignatures();
        int maxBeats = 4;
        if (config.useTimeSignatures()) {
            maxBeats = 0;
            for (int[] t : timeSignatures) {
                maxBeats = Math.max(maxBeats, t[0]);
            }
        }
        this.positionCount = positionsPerBeat * maxBeats;

        List<String> positions = new ArrayList<>();
        for (int i = 0; i < positionCount; i++) {
            positions.add("Position_" + i);
        }
        this.chords = ChordSettings.of(config);
        TokenBlocks<Type> blocks = new TokenBlocks<>();
        blocks.add(Type.SPECIAL, config.specialTokens());
        barId = blocks.add(Type.BAR, List.of("Bar_None"));
        pitchBase = blocks.add(Type.PITCH, bins.pitchTokens());
        velocityBase = blocks.add(Type.VELOCITY, bins.velocityTokens());
        durationBase = blocks.add(Type.DURATION, bins.durationTokens());
        positionBase = blocks.add(Type.POSITION, positions);
        pitchDrumBase = blocks.add(Type.PITCH_DRUM, bins.pitchDrumTokens());
        chordBase = blocks.add(Type.CHORD, chords.enabled() ? chords.tokens() : List.of());
        restBase = blocks.add(Type.REST, bins.restTokens());
        tempoBase = blocks.add(Type.TEMPO, bins.tempoTokens());
        programBase = blocks.add(Type.PROGRAM, bins.programTokens());
        timeSigBase = blocks.add(Type.TIME_SIG, bins.timeSigTokens());
        this.vocabulary = blocks.vocabulary();
        this.types = blocks.types(Type[]::new);
        Arrays.fill(programIds, -1);
        if (config.usePrograms()) {
            for (int i = 0; i < config.programs().size(); i++) {
                programIds[config.programs().get(i) + 1] = programBase + i;
            }
        }
        int maxDen = 0;
        int maxNum = 0;
        for (int[] t : timeSignatures) {
            maxNum = Math.max(maxNum, t[0]);
            maxDen = Math.max(maxDen, t[1]);
        }
        timeSigIds = new int[maxDen + 1][maxNum + 1];
        for (int[] row : timeSigIds) {
            Arrays.fill(row, -1);
        }
        for (int i = 0; i < timeSignatures.length; i++) {
            timeSigIds[timeSignatures[i][1]][timeSignatures[i][0]] = timeSigBase + i;
        }
        for (int p : config.useNoteDurationPrograms()) {
            durationPrograms[p + 1] = true;
        }
        velocityIndex = new int[128];
        for (int v = 0; v < 128 && velocities.length > 0; v++) {
            velocityIndex[v] = MidiTokBins.closest(velocities, v);
        }
        precomputeTimeBins();
    }

    /** Tempo bins' microseconds per quarter in ascending order (MidiTok's sorted {@code _tempos_mspq}). */
    double[] tempoMspqAscending;
    /** Duration and rest bins for ticks per beat {@code positionsPerBeat << k}, k = 0..CACHED_SHIFTS. */
    private static final int CACHED_SHIFTS = 5;
    private final TimeBins[] durationBinsByShift = new TimeBins[CACHED_SHIFTS + 1];
    private final TimeBins[] restBinsByShift = new TimeBins[CACHED_SHIFTS + 1];

    private void precomputeTimeBins() {
        tempoMspqAscending = new double[tempoMspq.length];
        for (int i = 0; i < tempoMspq.length; i++) {
            tempoMspqAscending[i] = tempoMspq[tempoMspq.length - 1 - i];
        }
        for (int k = 0; k <= CACHED_SHIFTS; k++) {
            int tpb = positionsPerBeat << k;
            durationBinsByShift[k] = new TimeBins(durations, tpb);
            restBinsByShift[k] = new TimeBins(rests, tpb);
        }
    }

    private static int shiftOf(int ticksPerBeat, int positionsPerBeat) {
        if (ticksPerBeat % positionsPerBeat != 0) {
            return -1;
        }
        int q = ticksPerBeat / positionsPerBeat;
        return Integer.bitCount(q) == 1 && Integer.numberOfTrailingZeros(q) <= CACHED_SHIFTS
                ? Integer.numberOfTrailingZeros(q) : -1;
    }

    /** The Duration bins at {@code ticksPerBeat}. */
    TimeBins durationBins(int ticksPerBeat) {
        int k = shiftOf(ticksPerBeat, positionsPerBeat);
        return k >= 0 ? durationBinsByShift[k] : new TimeBins(durations, ticksPerBeat);
    }

    /** The Rest bins at {@code ticksPerBeat}. */
    TimeBins restBins(int ticksPerBeat) {
        int k = shiftOf(ticksPerBeat, positionsPerBeat);
        return k >= 0 ? restBinsByShift[k] : new TimeBins(rests, ticksPerBeat);
    }

    /** Ticks of every Duration token at {@code ticksPerBeat} (non-decreasing). */
    long[] durationTicks(int ticksPerBeat) {
        return durationBins(ticksPerBeat).ticks;
    }

    /** Ticks of every Rest token at {@code ticksPerBeat}. */
    long[] restTicks(int ticksPerBeat) {
        return restBins(ticksPerBeat).ticks;
    }

    /** The Duration token index for a duration already snapped to a bin: the last tuple with those ticks. */
    int durationIndex(int ticksPerBeat, long durationTicks) {
        return durationBins(ticksPerBeat).tokenIndex(durationTicks);
    }

    /** Index of the tempo bin closest to 120 bpm (MidiTok's default tempo). */
    int defaultTempoBin() {
        int best = 0;
        for (int i = 1; i < tempos.length; i++) {
            if (Math.abs(tempos[i] - 120) < Math.abs(tempos[best] - 120)) {
                best = i;
            }
        }
        return best;
    }

    /** The tempo bin of an index into {@link #tempoMspqAscending}. */
    int tempoBinOfAscending(int ascendingIndex) {
        return tempos.length - 1 - ascendingIndex;
    }

    /** The token strings and ids. */
    public Vocabulary vocabulary() {
        return vocabulary;
    }

    /** The type of an id, or null when out of range. */
    Type type(int id) {
        return id >= 0 && id < types.length ? types[id] : null;
    }

    int size() {
        return types.length;
    }

    int programId(int program) {
        return program >= -1 && program <= 127 ? programIds[program + 1] : -1;
    }

    /** True when notes of {@code programKey} (-1 = drums) get Duration tokens. */
    boolean hasDurations(int programKey) {
        return programKey >= -1 && programKey <= 127 && durationPrograms[programKey + 1];
    }

    int program(int id) {
        return config.programs().get(id - programBase);
    }

    int timeSigId(int numerator, int denominator) {
        return denominator >= 0 && denominator < timeSigIds.length && numerator >= 0
                && numerator < timeSigIds[denominator].length ? timeSigIds[denominator][numerator] : -1;
    }

    boolean supportsTimeSignature(int numerator, int denominator) {
        return timeSigId(numerator, denominator) >= 0;
    }

    /** Numerator of a TimeSig id. */
    int timeSigNumerator(int id) {
        return timeSignatures[id - timeSigBase][0];
    }

    /** Denominator of a TimeSig id. */
    int timeSigDenominator(int id) {
        return timeSignatures[id - timeSigBase][1];
    }
}
