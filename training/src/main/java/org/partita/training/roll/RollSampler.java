package org.partita.training.roll;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Fills the erased cells of a roll with a {@link RollModel}: annealed blocked Gibbs sampling as in Coconet
 * (initialise every erased cell by independent sampling, then at step {@code i} erase each originally erased cell
 * with probability {@link SamplingConfig#blockProbability} and redraw that block given the rest) or plain
 * independent sampling. Given cells are never changed; every voice gets exactly one class per step, so output
 * voices are monophonic and in the model's range. Reproducible: the same model, roll, mask and seed give the same
 * result on the same machine and thread count. A piece longer than {@link #WINDOW_STEPS} is Gibbs-sampled window by
 * window ({@link #windows}), which keeps the cost linear in its length. An interrupted thread stops at the next
 * Gibbs step with a {@link CancellationException} (the interrupt flag stays set).
 */
public final class RollSampler {
    private final RollModel model;

    public RollSampler(RollModel model) {
        this.model = model;
    }

    /**
     * @param roll the piece; pitches of given cells must be in range (erased cells are ignored)
     * @param erased {@code [voice][step]} true = to generate
     */
    public VoiceRoll fill(VoiceRoll roll, boolean[][] erased, SamplingConfig config) {
        int voices = roll.voiceCount();
        int steps = roll.stepCount();
        if (voices != model.config().voices() || erased.length != voices || erased[0].length != steps) {
            throw new IllegalArgumentException("roll is " + voices + "x" + steps + ", mask " + erased.length + "x"
                    + (erased.length == 0 ? 0 : erased[0].length) + ", model has " + model.config().voices() + " voices");
        }
        int[][] classes = new int[voices][steps];
        for (int v = 0; v < voices; v++) {
            for (int t = 0; t < steps; t++) {
                classes[v][t] = erased[v][t] ? RollGrid.REST_CLASS : RollGrid.classOf(roll.pitch(v, t));
            }
        }
        SplittableRandom rng = new SplittableRandom(config.seed());
        try (FoldedRollNet net = model.folded()) {
            if (!config.gibbs() || steps <= WINDOW_STEPS) {
                sample(net, classes, erased, config, rng);
            } else {
                sampleInWindows(net, classes, erased, config, rng);
            }
        }
        int[][] pitches = new int[voices][steps];
        for (int v = 0; v < voices; v++) {
            for (int t = 0; t < steps; t++) {
                pitches[v][t] = erased[v][t] ? RollGrid.pitchOf(classes[v][t]) : roll.pitch(v, t);
            }
        }
        return new VoiceRoll(pitches, generatedOnsets(roll, pitches, erased));
    }

    /**
     * Onsets of the result. Given cells keep theirs. The model predicts frames only, so a generated voice that keeps
     * a pitch does not say whether the note is held or struck again; it is struck again on a beat (every
     * {@link RollGrid#STEPS_PER_QUARTER} steps from the start) where a given voice starts a note, and held
     * otherwise. That is the chorale habit: in the 1,200 js_fakes chorales an alto, tenor or bass that keeps its
     * pitch across a beat where the soprano moves re-strikes it 83–92% of the time, and in every other case 0.1–3.4%
     * ({@code benchmarks/run repeats}, docs/pianoroll-model.md "Repeated notes"). A pitch change is always a new note.
     */
    static boolean[][] generatedOnsets(VoiceRoll roll, int[][] pitches, boolean[][] erased) {
        int voices = pitches.length;
        int steps = pitches[0].length;
        boolean[][] onsets = roll.onsets();
        for (int t = 0; t < steps; t++) {
            boolean givenOnset = false;
            for (int v = 0; v < voices; v++) {
                givenOnset |= !erased[v][t] && roll.onset(v, t);
            }
            boolean strikeAgain = givenOnset && t > 0 && t % RollGrid.STEPS_PER_QUARTER == 0;
            for (int v = 0; v < voices; v++) {
                if (erased[v][t]) {
                    boolean sounding = pitches[v][t] != VoiceRoll.REST;
                    boolean changed = t == 0 || pitches[v][t] != pitches[v][t - 1];
                    onsets[v][t] = sounding && (changed || strikeAgain);
                }
            }
        }
        return onsets;
    }

    /** Longest piece sampled in one piece (16 bars of 4/4); longer ones go window by window. */
    public static final int WINDOW_STEPS = 256;
    /** Steps of left context (already generated, kept) and right context (drafted, then redrawn) in a window. */
    public static final int CONTEXT_STEPS = 32;

    /**
     * A window of a long piece: Gibbs sampling runs on steps {@code [from, to)}, with the steps before
     * {@code keepFrom} (kept from the previous window) given, and only steps {@code [keepFrom, keepTo)} are kept.
     */
    public record Window(int from, int to, int keepFrom, int keepTo) {}

    /**
     * How a piece of {@code steps} steps is sampled: one window if it has at most {@link #WINDOW_STEPS} steps;
     * otherwise windows of {@link #WINDOW_STEPS} that start {@link #CONTEXT_STEPS} before the first step not yet
     * kept and keep all but their last {@link #CONTEXT_STEPS} steps (the whole rest in the last window). Each
     * step is kept exactly once.
     */
    public static List<Window> windows(int steps) {
        if (steps <= WINDOW_STEPS) {
            return List.of(new Window(0, steps, 0, steps));
        }
        List<Window> out = new ArrayList<>();
        for (int frontier = 0; frontier < steps; ) {
            int from = Math.max(0, frontier - CONTEXT_STEPS);
            int to = Math.min(steps, from + WINDOW_STEPS);
            int keepTo = to == steps ? steps : to - CONTEXT_STEPS;
            out.add(new Window(from, to, frontier, keepTo));
            frontier = keepTo;
        }
        return out;
    }

    /**
     * Gibbs sampling of a long piece window by window ({@link #windows}). Sampling the whole piece at once costs
     * a forward pass over all of it per Gibbs step, and Coconet's 4·T steps make that quadratic in its length: a
     * 5,654-step melody took 15 s per pass and would have needed 22,616 passes. Here each window runs the schedule
     * of {@code config} on its own (its step count, or 4 × the steps the window samples when the config says 0), conditioned on
     * the given cells and on the steps already kept; the shipped model (12 undilated layers) sees 12 steps either
     * side per pass, so the 32 steps of context cover it. Windows with nothing to generate are skipped.
     */
    private static void sampleInWindows(FoldedRollNet net, int[][] classes, boolean[][] erased, SamplingConfig config,
                                        SplittableRandom rng) {
        int voices = classes.length;
        for (Window w : windows(classes[0].length)) {
            int width = w.to() - w.from();
            int[][] part = new int[voices][width];
            boolean[][] partErased = new boolean[voices][width];
            boolean anyToKeep = false;
            for (int v = 0; v < voices; v++) {
                System.arraycopy(classes[v], w.from(), part[v], 0, width);
                for (int t = w.keepFrom(); t < w.to(); t++) {
                    partErased[v][t - w.from()] = erased[v][t];
                    anyToKeep |= erased[v][t] && t < w.keepTo();
                }
            }
            if (!anyToKeep) {
                continue;
            }
            int gibbsSteps = config.steps() > 0 ? config.steps() : voices * (w.to() - w.keepFrom());
            sample(net, part, partErased, config.withSteps(gibbsSteps), rng);
            for (int v = 0; v < voices; v++) {
                System.arraycopy(part[v], w.keepFrom() - w.from(), classes[v], w.keepFrom(), w.keepTo() - w.keepFrom());
            }
        }
    }

    /** Independent initialisation of the erased cells, then (if configured) annealed blocked Gibbs sampling. */
    private static void sample(FoldedRollNet net, int[][] classes, boolean[][] erased, SamplingConfig config,
                               SplittableRandom rng) {
        int voices = classes.length;
        int steps = classes[0].length;
        draw(net, classes, erased, erased, config.temperature(), rng); // independent initialisation
        if (config.gibbs()) {
            int n = config.steps() > 0 ? config.steps() : voices * steps;
            int total = RollMasks.count(erased);
            for (int i = 0; i < n && total > 0; i++) {
                if (Thread.currentThread().isInterrupted()) { // a cancelled request (the studio's time budget)
                    throw new CancellationException("sampling cancelled after " + i + " of " + n + " Gibbs steps");
                }
                double p = config.blockProbability(i, n);
                boolean[][] block = new boolean[voices][steps];
                int chosen = 0;
                for (int v = 0; v < voices; v++) {
                    for (int t = 0; t < steps; t++) {
                        if (erased[v][t] && rng.nextDouble() < p) {
                            block[v][t] = true;
                            chosen++;
                        }
                    }
                }
                if (chosen == 0) {
                    continue;
                }
                draw(net, classes, block, block, config.temperature(), rng);
            }
        }
    }

    /** Redraws the cells of {@code which} from the model's prediction with {@code hidden} erased. */
    private static void draw(FoldedRollNet net, int[][] classes, boolean[][] hidden, boolean[][] which,
                             double temperature, SplittableRandom rng) {
        int voices = classes.length;
        int steps = classes[0].length;
        int c = RollGrid.CLASS_COUNT;
        float[] logp = net.logProbabilities(new int[][][] {classes}, new boolean[][][] {hidden});
        double[] w = new double[c];
        for (int v = 0; v < voices; v++) {
            for (int t = 0; t < steps; t++) {
                if (!which[v][t]) {
                    continue;
                }
                int base = (v * steps + t) * c;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < c; k++) {
                    float value = logp[base + k];
                    if (Float.isNaN(value) || value == Float.POSITIVE_INFINITY) {
                        throw new IllegalStateException("the model predicted " + value + " for voice " + v + " step "
                                + t + " class " + k + " (its weights or batch-norm statistics are not finite)");
                    }
                    max = Math.max(max, value / temperature);
                }
                double sum = 0;
                for (int k = 0; k < c; k++) {
                    w[k] = Math.exp(logp[base + k] / temperature - max);
                    sum += w[k];
                }
                double u = rng.nextDouble() * sum;
                int k = 0;
                while (k < c - 1 && (u -= w[k]) >= 0) {
                    k++;
                }
                classes[v][t] = k;
            }
        }
    }
}
