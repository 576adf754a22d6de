package org.partita.tokenizers.miditok;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.TimeSignatureSet;

/**
 * The value bins of a MidiTok config and the token blocks they give, shared by every tokenization:
 * {@code Pitch}, {@code Velocity}, {@code PitchDrum}, {@code Duration}, {@code Rest}, {@code Tempo},
 * {@code Program} and {@code TimeSig}. A block is empty when the config turns its feature off.
 * Velocity bins are {@code linspace(0, 127, n + 1)} truncated, first dropped; tempo bins are numpy's
 * {@code linspace}/{@code geomspace(min, max, n).round(2)}, written as Python's {@code str(float)}.
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class MidiTokBins {

    private final RemiConfig config;
    private final int[] velocities;
    private final int[][] durations;
    private final int[][] rests;
    private final double[] tempoBpm;
    private final String[] tempoTexts;
    private final int[][] timeSignatures;

    private MidiTokBins(RemiConfig c) {
        this.config = c;
        this.velocities = c.useVelocities() ? velocityBins(c.numVelocities()) : new int[0];
        this.durations = c.useNoteDurationPrograms().isEmpty() ? new int[0][] : TimeValues.tuples(c.beatRes());
        this.rests = c.useRests() ? TimeValues.tuples(c.beatResRest()) : new int[0][];
        this.tempoBpm = c.useTempos() ? tempoBins(c) : new double[0];
        this.tempoTexts = new String[tempoBpm.length];
        for (int i = 0; i < tempoBpm.length; i++) {
            tempoTexts[i] = pythonFloat(tempoBpm[i]);
        }
        List<int[]> ts = new ArrayList<>();
        if (c.useTimeSignatures()) {
            for (TimeSignatureSet set : c.timeSignatureRange()) {
                for (int n : set.numerators()) {
                    ts.add(new int[] {n, set.denominator()});
                }
            }
        }
        this.timeSignatures = ts.toArray(new int[0][]);
    }

    /** The bins of {@code config}. */
    public static MidiTokBins of(RemiConfig config) {
        return new MidiTokBins(config);
    }

    /** Velocity bins, ascending (empty without velocities). */
    public int[] velocities() {
        return velocities.clone();
    }

    /** (beat, position, resolution) of each Duration token (empty when no program has durations). */
    public int[][] durations() {
        return deepCopy(durations);
    }

    /** (beat, position, resolution) of each Rest token (empty without rests). */
    public int[][] rests() {
        return deepCopy(rests);
    }

    /** Tempo bins in beats per minute, ascending (empty without tempos). */
    public double[] tempoBpm() {
        return tempoBpm.clone();
    }

    /** MidiTok's microseconds per quarter of each tempo bin: {@code 60e6 / bpm}. */
    public double[] tempoMspq() {
        double[] out = new double[tempoBpm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = 60_000_000.0 / tempoBpm[i];
        }
        return out;
    }

    /** The whole microseconds per quarter a tempo bin stands for in scores (rounded, 1..0xFFFFFF). */
    public int[] tempoMicros() {
        double[] mspq = tempoMspq();
        int[] out = new int[mspq.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (int) Math.max(1, Math.min(0xFFFFFF, Math.round(mspq[i])));
        }
        return out;
    }

    /** {numerator, denominator} of each TimeSig token, in config order (empty without meters). */
    public int[][] timeSignatures() {
        return deepCopy(timeSignatures);
    }

    /** {@code Pitch_lo..hi}. */
    public List<String> pitchTokens() {
        return prefixed("Pitch_", IntStream.rangeClosed(config.pitchLow(), config.pitchHigh()).boxed());
    }

    /** {@code Velocity_v} per bin. */
    public List<String> velocityTokens() {
        return prefixed("Velocity_", IntStream.of(velocities).boxed());
    }

    /** {@code Duration_b.p.r} per duration tuple. */
    public List<String> durationTokens() {
        return TimeValues.tokens("Duration_", durations);
    }

    /** {@code PitchDrum_lo..hi} when PitchDrum tokens are on. */
    public List<String> pitchDrumTokens() {
        return config.usePitchdrumTokens()
                ? prefixed("PitchDrum_", IntStream.rangeClosed(config.drumsPitchLow(), config.drumsPitchHigh()).boxed())
                : List.of();
    }

    /** {@code Rest_b.p.r} per rest tuple. */
    public List<String> restTokens() {
        return TimeValues.tokens("Rest_", rests);
    }

    /** {@code Tempo_x} per tempo bin. */
    public List<String> tempoTokens() {
        return prefixed("Tempo_", Stream.of(tempoTexts));
    }

    /** {@code Program_p} in config order when programs are on. */
    public List<String> programTokens() {
        return config.usePrograms() ? prefixed("Program_", config.programs().stream()) : List.of();
    }

    /** {@code TimeSig_n/d} in config order. */
    public List<String> timeSigTokens() {
        return prefixed("TimeSig_", Stream.of(timeSignatures).map(t -> t[0] + "/" + t[1]));
    }

    private static List<String> prefixed(String prefix, Stream<?> values) {
        return values.map(v -> prefix + v).collect(Collectors.toList());
    }

    /** numpy {@code np_get_closest}: index of the nearest bin, ties to the upper one. Bins sorted ascending. */
    public static int closest(long[] bins, long v) {
        int idx = lowerBound(bins.length, i -> bins[i] < v);
        return idx < bins.length && (idx == 0 || Math.abs(v - bins[idx - 1]) >= Math.abs(v - bins[idx])) ? idx : idx - 1;
    }

    /** {@link #closest(long[], long)} over int bins. */
    public static int closest(int[] bins, long v) {
        return closest(IntStream.of(bins).asLongStream().toArray(), v);
    }

    /** {@link #closest(long[], long)} over double bins. */
    public static int closest(double[] bins, double v) {
        int idx = lowerBound(bins.length, i -> bins[i] < v);
        return idx < bins.length && (idx == 0 || Math.abs(v - bins[idx - 1]) >= Math.abs(v - bins[idx])) ? idx : idx - 1;
    }

    /** The first index in 0..n at which {@code below} turns false ({@code below} true then false). */
    private static int lowerBound(int n, IntPredicate below) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (below.test(mid)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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

    private static int[][] deepCopy(int[][] a) {
        int[][] out = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
