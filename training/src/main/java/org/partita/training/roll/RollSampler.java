package org.partita.training.roll;

import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;

/**
 * Fills the erased cells of a roll with a {@link RollModel}: annealed blocked Gibbs sampling as in Coconet
 * (initialise every erased cell by independent sampling, then at step {@code i} erase each originally erased cell
 * with probability {@link SamplingConfig#blockProbability} and redraw that block given the rest) or plain
 * independent sampling. Given cells are never changed; every voice gets exactly one class per step, so output
 * voices are monophonic and in the model's range. Reproducible: the same model, roll, mask and seed give the same
 * result on the same machine and thread count. An interrupted thread stops at the next Gibbs step with a
 * {@link CancellationException} (the interrupt flag stays set).
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
            sample(net, classes, erased, config, rng);
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
