package org.partita.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/**
 * MusPy's per-piece metrics (muspy/metrics/metrics.py, version 0.5) as pure functions of a {@link Score}.
 * Time is in the score's ticks ("time steps"); resample first ({@link MetricSettings#stepsPerQuarter()}) to
 * measure at another resolution. The song length is the latest note end over all tracks, drums included, as
 * MusPy's {@code max(track.get_end_time())}. Stateless and thread-safe.
 */
public final class Metrics {

    private static final int[] MAJOR = {0, 2, 4, 5, 7, 9, 11};
    private static final int[] MINOR = {0, 2, 3, 5, 7, 8, 10};

    private Metrics() {
    }

    /** All twelve metrics of {@code score} under {@code settings}. */
    public static PieceMetrics of(Score score, MetricSettings settings) {
        Score s = settings.stepsPerQuarter() > 0 && settings.stepsPerQuarter() != score.ticksPerQuarter()
                ? score.resampled(settings.stepsPerQuarter()) : score;
        boolean muspy = settings.muspyCompatible();
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        v.put(Metric.PITCH_RANGE, (double) pitchRange(s, muspy));
        v.put(Metric.N_PITCHES_USED, (double) nPitchesUsed(s));
        v.put(Metric.N_PITCH_CLASSES_USED, (double) nPitchClassesUsed(s));
        v.put(Metric.POLYPHONY, polyphony(s));
        v.put(Metric.POLYPHONY_RATE, polyphonyRate(s, settings.polyphonyThreshold(), muspy));
        v.put(Metric.PITCH_ENTROPY, pitchEntropy(s));
        v.put(Metric.PITCH_CLASS_ENTROPY, pitchClassEntropy(s));
        v.put(Metric.SCALE_CONSISTENCY, scaleConsistency(s));
        v.put(Metric.EMPTY_BEAT_RATE, emptyBeatRate(s, muspy));
        v.put(Metric.DRUM_IN_PATTERN_RATE, drumInPatternRate(s, settings.drumMeter()));
        v.put(Metric.DRUM_PATTERN_CONSISTENCY, drumPatternConsistency(s));
        v.put(Metric.GROOVE_CONSISTENCY, grooveConsistency(s, measureResolution(s), muspy));
        return new PieceMetrics(v);
    }

    /**
     * Highest minus lowest pitch of the non-drum notes; 0 when there is none. MusPy's code returns -127 for a
     * piece whose only notes are drums ({@code muspy} true reproduces that).
     */
    public static int pitchRange(Score score, boolean muspy) {
        int highest = 0;
        int lowest = 127;
        boolean any = false;
        for (Note n : melodicNotes(score)) {
            highest = Math.max(highest, n.pitch());
            lowest = Math.min(lowest, n.pitch());
            any = true;
        }
        if (!any) {
            return muspy && score.noteCount() > 0 ? highest - lowest : 0;
        }
        return highest - lowest;
    }

    /** Distinct pitches among non-drum notes. */
    public static int nPitchesUsed(Score score) {
        BitSet used = new BitSet(128);
        melodicNotes(score).forEach(n -> used.set(n.pitch()));
        return used.cardinality();
    }

    /** Distinct pitch classes among non-drum notes. */
    public static int nPitchClassesUsed(Score score) {
        BitSet used = new BitSet(12);
        melodicNotes(score).forEach(n -> used.set(n.pitch() % 12));
        return used.cardinality();
    }

    /**
     * Mean number of distinct non-drum pitches sounding, over the time steps where at least one sounds
     * (MusPy's binary piano roll: a pitch held by two tracks counts once). NaN without such a step.
     */
    public static double polyphony(Score score) {
        long[] steps = stepsWithAtLeast(score, 1);
        if (steps[1] < 1) {
            return Double.NaN;
        }
        return steps[0] / (double) steps[1];
    }

    /**
     * Fraction of all time steps (0 to the song length) where at least {@code threshold} distinct non-drum pitches
     * sound. MusPy's code counts steps with <em>more than</em> {@code threshold} pitches; {@code muspy} true does
     * that. NaN for a song of length 0.
     */
    public static double polyphonyRate(Score score, int threshold, boolean muspy) {
        long length = length(score);
        if (length < 1) {
            return Double.NaN;
        }
        return stepsWithAtLeast(score, muspy ? threshold + 1 : threshold)[1] / (double) length;
    }

    /** Shannon entropy (bits) of the non-drum pitch histogram; NaN without a note. */
    public static double pitchEntropy(Score score) {
        long[] counts = new long[128];
        melodicNotes(score).forEach(n -> counts[n.pitch()]++);
        return entropy(counts);
    }

    /** Shannon entropy (bits) of the non-drum pitch-class histogram; NaN without a note. */
    public static double pitchClassEntropy(Score score) {
        long[] counts = new long[12];
        melodicNotes(score).forEach(n -> counts[n.pitch() % 12]++);
        return entropy(counts);
    }

    /**
     * The largest fraction of non-drum notes inside one major or natural-minor scale, over the 24 scales; NaN
     * without a note.
     */
    public static double scaleConsistency(Score score) {
        long[] classes = new long[12];
        long total = 0;
        for (Note n : melodicNotes(score)) {
            classes[n.pitch() % 12]++;
            total++;
        }
        if (total == 0) {
            return Double.NaN;
        }
        long best = 0;
        for (int[] scale : new int[][] {MAJOR, MINOR}) {
            for (int root = 0; root < 12; root++) {
                long in = 0;
                for (int degree : scale) {
                    in += classes[(root + degree) % 12];
                }
                best = Math.max(best, in);
            }
        }
        return best / (double) total;
    }

    /**
     * Fraction of beats (quarter notes, MusPy's resolution unit) in which no note of any track sounds; NaN for a
     * song of length 0. Beats are {@code ceil(length / ticksPerQuarter)}, a note {@code [start, end)} fills the
     * beats it overlaps, a zero-length note the beat of its onset. MusPy's code counts {@code length // tpq + 1}
     * beats and marks the beat a note ends on as filled even when the note ends exactly at its start
     * ({@code muspy} true does that), which makes every beat after a note ending on a beat boundary look filled.
     */
    public static double emptyBeatRate(Score score, boolean muspy) {
        long length = length(score);
        if (length < 1) {
            return Double.NaN;
        }
        long r = score.ticksPerQuarter();
        List<Note> all = allNotes(score);
        long beats = muspy ? length / r + 1 : ceilDiv(length, r);
        if (!muspy) {
            for (Note n : all) {
                beats = Math.max(beats, n.startTick() / r + 1);
            }
        }
        BitSet filled = new BitSet();
        for (Note n : all) {
            long first = n.startTick() / r;
            long last = muspy || n.durationTicks() == 0 ? n.endTick() / r : (n.endTick() - 1) / r;
            filled.set((int) first, (int) last + 1);
        }
        return 1.0 - filled.cardinality() / (double) beats;
    }

    /**
     * Fraction of drum notes whose onset falls on {@code meter}'s pattern inside the quarter note (duple: steps
     * {@code 0, r/4, r/2, 3r/4} when {@code r} allows; triple: {@code 0, r/3, 2r/3}), as MusPy; NaN without a
     * drum note.
     */
    public static double drumInPatternRate(Score score, MetricSettings.DrumMeter meter) {
        int r = score.ticksPerQuarter();
        boolean[] pattern = drumPattern(r, meter);
        long total = 0;
        long in = 0;
        for (Track t : score.tracks()) {
            if (!t.isDrum()) {
                continue;
            }
            for (Note n : t.notes()) {
                total++;
                if (pattern[(int) (n.startTick() % r)]) {
                    in++;
                }
            }
        }
        return total == 0 ? Double.NaN : in / (double) total;
    }

    /** The larger of the duple and triple drum-in-pattern rates; NaN without a drum note. */
    public static double drumPatternConsistency(Score score) {
        double duple = drumInPatternRate(score, MetricSettings.DrumMeter.DUPLE);
        if (Double.isNaN(duple)) {
            return Double.NaN;
        }
        return Math.max(duple, drumInPatternRate(score, MetricSettings.DrumMeter.TRIPLE));
    }

    /**
     * One minus the mean Hamming distance between the onset patterns of neighbouring bars, divided by the steps
     * per bar; onsets of all tracks, drums included. Bars are {@code measureResolution} steps long from tick 0;
     * their number is {@code ceil(length / measureResolution)} (at least up to the last onset). MusPy's code uses
     * {@code length // measureResolution + 1} bars ({@code muspy} true), adding an empty bar after a piece that
     * ends on a bar line. NaN with fewer than two bars.
     */
    public static double grooveConsistency(Score score, int measureResolution, boolean muspy) {
        if (measureResolution < 1) {
            throw new IllegalArgumentException("measureResolution must be >= 1, got " + measureResolution);
        }
        long length = length(score);
        List<Note> all = allNotes(score);
        long bars = muspy ? length / measureResolution + 1 : ceilDiv(length, measureResolution);
        for (Note n : all) {
            bars = Math.max(bars, n.startTick() / measureResolution + 1);
        }
        if (bars < 2) {
            return Double.NaN;
        }
        BitSet[] patterns = new BitSet[(int) bars];
        for (int i = 0; i < bars; i++) {
            patterns[i] = new BitSet(measureResolution);
        }
        for (Note n : all) {
            patterns[(int) (n.startTick() / measureResolution)].set((int) (n.startTick() % measureResolution));
        }
        long hamming = 0;
        for (int i = 0; i + 1 < bars; i++) {
            BitSet x = (BitSet) patterns[i].clone();
            x.xor(patterns[i + 1]);
            hamming += x.cardinality();
        }
        return 1.0 - hamming / ((double) measureResolution * (bars - 1));
    }

    /** Steps in a bar of the score's first time signature (4/4 without one), rounded to whole steps. */
    public static int measureResolution(Score score) {
        TimeSignature first = score.timeSignatures().isEmpty() ? TimeSignature.DEFAULT : score.timeSignatures().get(0);
        return (int) Math.max(1, Math.round(first.ticksPerBar(score.ticksPerQuarter())));
    }

    /** The latest note end over all tracks, drums included (MusPy's song length); 0 without a note. */
    public static long length(Score score) {
        long end = 0;
        for (Track t : score.tracks()) {
            for (Note n : t.notes()) {
                end = Math.max(end, n.endTick());
            }
        }
        return end;
    }

    static boolean[] drumPattern(int r, MetricSettings.DrumMeter meter) {
        boolean[] pattern = new boolean[r];
        pattern[0] = true;
        if (meter == MetricSettings.DrumMeter.DUPLE) {
            if (r % 4 == 0) {
                for (int i = 0; i < r; i += r / 4) {
                    pattern[i] = true;
                }
            }
            if (r % 2 == 0) {
                for (int i = 0; i < r; i += r / 2) {
                    pattern[i] = true;
                }
            }
        } else if (r % 3 == 0) {
            for (int i = 0; i < r; i += r / 3) {
                pattern[i] = true;
            }
        }
        return pattern;
    }

    /**
     * {@code [cells, steps]}: cells = sum over steps of the distinct non-drum pitches sounding (when at least
     * {@code atLeast} sound), steps = steps with at least {@code atLeast} pitches sounding. A sweep over the
     * union of each pitch's notes, so long pieces at fine resolutions cost no piano roll.
     */
    private static long[] stepsWithAtLeast(Score score, int atLeast) {
        List<List<long[]>> byPitch = new ArrayList<>();
        for (int p = 0; p < 128; p++) {
            byPitch.add(new ArrayList<>());
        }
        for (Note n : melodicNotes(score)) {
            if (n.durationTicks() > 0) {
                byPitch.get(n.pitch()).add(new long[] {n.startTick(), n.endTick()});
            }
        }
        List<long[]> edges = new ArrayList<>();
        for (List<long[]> spans : byPitch) {
            spans.sort((a, b) -> Long.compare(a[0], b[0]));
            long s = -1;
            long e = -1;
            for (long[] span : spans) {
                if (span[0] > e) {
                    if (e > s) {
                        edges.add(new long[] {s, 1});
                        edges.add(new long[] {e, -1});
                    }
                    s = span[0];
                    e = span[1];
                } else {
                    e = Math.max(e, span[1]);
                }
            }
            if (e > s) {
                edges.add(new long[] {s, 1});
                edges.add(new long[] {e, -1});
            }
        }
        edges.sort((a, b) -> Long.compare(a[0], b[0]));
        long cells = 0;
        long steps = 0;
        int sounding = 0;
        for (int i = 0; i < edges.size(); i++) {
            sounding += (int) edges.get(i)[1];
            if (i + 1 < edges.size()) {
                long span = edges.get(i + 1)[0] - edges.get(i)[0];
                if (span > 0 && sounding >= atLeast) {
                    steps += span;
                    cells += span * sounding;
                }
            }
        }
        return new long[] {cells, steps};
    }

    private static double entropy(long[] counts) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) {
            return Double.NaN;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / (double) total;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }

    private static List<Note> melodicNotes(Score score) {
        List<Note> notes = new ArrayList<>();
        for (Track t : score.tracks()) {
            if (!t.isDrum()) {
                notes.addAll(t.notes());
            }
        }
        return notes;
    }

    private static List<Note> allNotes(Score score) {
        List<Note> notes = new ArrayList<>();
        score.tracks().forEach(t -> notes.addAll(t.notes()));
        return notes;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
