package org.partita.tokenizers.remi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.partita.tokenizers.Vocabulary;

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
    final String[] tempoStrings;
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
        this.velocities = config.useVelocities() ? velocityBins(config.numVelocities()) : new int[0];
        this.durations = config.useNoteDurationPrograms().isEmpty() ? new int[0][] : timeTuples(config.beatRes());
        this.rests = config.useRests() ? timeTuples(config.beatResRest()) : new int[0][];
        if (config.useTempos()) {
            tempos = tempoBins(config);
            tempoStrings = new String[tempos.length];
            tempoMspq = new double[tempos.length];
            tempoMicros = new int[tempos.length];
            for (int i = 0; i < tempos.length; i++) {
                tempoStrings[i] = pythonFloat(tempos[i]);
                tempoMspq[i] = 60_000_000.0 / tempos[i];
                tempoMicros[i] = (int) Math.max(1, Math.min(0xFFFFFF, Math.round(tempoMspq[i])));
            }
        } else {
            tempos = new double[0];
            tempoStrings = new String[0];
            tempoMspq = new double[0];
            tempoMicros = new int[0];
        }
        List<int[]> ts = new ArrayList<>();
        if (config.useTimeSignatures()) {
            for (TimeSignatureSet set : config.timeSignatureRange()) {
                for (int n : set.numerators()) {
                    ts.add(new int[] {n, set.denominator()});
                }
            }
        }
        this.timeSignatures = ts.toArray(new int[0][]);
        int maxBeats = 4;
        if (config.useTimeSignatures()) {
            maxBeats = 0;
            for (int[] t : timeSignatures) {
                maxBeats = Math.max(maxBeats, t[0]);
            }
        }
        this.positionCount = positionsPerBeat * maxBeats;

        List<String> tokens = new ArrayList<>(config.specialTokens());
        barId = tokens.size();
        tokens.add("Bar_None");
        pitchBase = tokens.size();
        for (int p = config.pitchLow(); p <= config.pitchHigh(); p++) {
            tokens.add("Pitch_" + p);
        }
        velocityBase = tokens.size();
        for (int v : velocities) {
            tokens.add("Velocity_" + v);
        }
        durationBase = tokens.size();
        for (int[] d : durations) {
            tokens.add("Duration_" + d[0] + "." + d[1] + "." + d[2]);
        }
        positionBase = tokens.size();
        for (int i = 0; i < positionCount; i++) {
            tokens.add("Position_" + i);
        }
        pitchDrumBase = tokens.size();
        if (config.usePitchdrumTokens()) {
            for (int p = config.drumsPitchLow(); p <= config.drumsPitchHigh(); p++) {
                tokens.add("PitchDrum_" + p);
            }
        }
        chordBase = tokens.size();
        this.chords = ChordSettings.of(config);
        if (chords.enabled()) {
            tokens.addAll(chords.tokens());
        }
        restBase = tokens.size();
        for (int[] r : rests) {
            tokens.add("Rest_" + r[0] + "." + r[1] + "." + r[2]);
        }
        tempoBase = tokens.size();
        for (String t : tempoStrings) {
            tokens.add("Tempo_" + t);
        }
        programBase = tokens.size();
        Arrays.fill(programIds, -1);
        if (config.usePrograms()) {
            for (int i = 0; i < config.programs().size(); i++) {
                programIds[config.programs().get(i) + 1] = programBase + i;
                tokens.add("Program_" + config.programs().get(i));
            }
        }
        timeSigBase = tokens.size();
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
            tokens.add("TimeSig_" + timeSignatures[i][0] + "/" + timeSignatures[i][1]);
        }
        this.vocabulary = Vocabulary.of(tokens);
        for (int p : config.useNoteDurationPrograms()) {
            durationPrograms[p + 1] = true;
        }
        velocityIndex = new int[128];
        for (int v = 0; v < 128 && velocities.length > 0; v++) {
            velocityIndex[v] = RemiPreprocessor.closest(velocities, v);
        }
        precomputeTimeBins();
        types = new Type[tokens.size()];
        Arrays.fill(types, 0, barId, Type.SPECIAL);
        types[barId] = Type.BAR;
        Arrays.fill(types, pitchBase, velocityBase, Type.PITCH);
        Arrays.fill(types, velocityBase, durationBase, Type.VELOCITY);
        Arrays.fill(types, durationBase, positionBase, Type.DURATION);
        Arrays.fill(types, positionBase, pitchDrumBase, Type.POSITION);
        Arrays.fill(types, pitchDrumBase, chordBase, Type.PITCH_DRUM);
        Arrays.fill(types, chordBase, restBase, Type.CHORD);
        Arrays.fill(types, restBase, tempoBase, Type.REST);
        Arrays.fill(types, tempoBase, programBase, Type.TEMPO);
        Arrays.fill(types, programBase, timeSigBase, Type.PROGRAM);
        Arrays.fill(types, timeSigBase, tokens.size(), Type.TIME_SIG);
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

    /** MidiTok: {@code linspace(0, 127, n + 1)} truncated to ints, first dropped. */
    static int[] velocityBins(int n) {
        int[] v = new int[n];
        double step = 127.0 / n;
        for (int i = 1; i <= n; i++) {
            v[i - 1] = i == n ? 127 : (int) (i * step);
        }
        return v;
    }

    /** MidiTok's duration/rest tuples: every (beat, pos, res) of every range, plus the end, minus (0,0). */
    static int[][] timeTuples(List<BeatRange> ranges) {
        List<int[]> out = new ArrayList<>();
        for (BeatRange r : ranges) {
            for (int b = r.startBeat(); b < r.endBeat(); b++) {
                for (int p = 0; p < r.positionsPerBeat(); p++) {
                    out.add(new int[] {b, p, r.positionsPerBeat()});
                }
            }
        }
        // Python's max over (start, end) tuples: the lexicographically greatest range.
        BeatRange last = ranges.get(0);
        for (BeatRange r : ranges) {
            if (r.startBeat() > last.startBeat() || (r.startBeat() == last.startBeat() && r.endBeat() > last.endBeat())) {
                last = r;
            }
        }
        out.add(new int[] {last.endBeat(), 0, last.positionsPerBeat()});
        out.remove(0);
        return out.toArray(new int[0][]);
    }

    /** Ticks of a (beat, pos, res) value at {@code ticksPerBeat}: {@code (beat*res+pos)*tpb // res}. */
    static long ticks(int[] tuple, int ticksPerBeat) {
        return Math.floorDiv(((long) tuple[0] * tuple[2] + tuple[1]) * ticksPerBeat, tuple[2]);
    }

    /** numpy's {@code linspace}/{@code geomspace(min, max, n).round(2)}. */
    static double[] tempoBins(RemiConfig c) {
        int n = c.numTempos();
        double[] t = new double[n];
        double lo = c.tempoMinBpm();
        double hi = c.tempoMaxBpm();
        if (c.logTempos()) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double step = n > 1 ? (b - a) / (n - 1) : 0;
            for (int i = 0; i < n; i++) {
                t[i] = Math.pow(10, i * step + a);
            }
            t[0] = lo;
        } else {
            double step = n > 1 ? (hi - lo) / (n - 1) : 0;
            for (int i = 0; i < n; i++) {
                t[i] = i * step + lo;
            }
        }
        if (n > 1) {
            t[n - 1] = hi;
        }
        for (int i = 0; i < n; i++) {
            t[i] = Math.rint(t[i] * 100) / 100;
        }
        return t;
    }

    /** Python's {@code str(float)} for a value rounded to two decimals: shortest form, at least one decimal. */
    static String pythonFloat(double v) {
        String s = new BigDecimal(v).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
        return s.contains(".") ? s : s + ".0";
    }
}
