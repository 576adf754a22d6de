package org.partita.training.roll;

import org.partita.training.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Negative log-likelihood of whole pieces under a {@link RollModel}, beside a baseline of per-voice class
 * frequencies. Two views, both in nats and both orderless-NADE estimates (one model pass per mask, see
 * docs/pianoroll-model.md):
 * <ul>
 *   <li>frame: erase {@code k ~ U(1..V·T)} random cells, average {@code -log p} over the erased cells; the
 *       expectation over {@code k} equals the expected per-cell NLL of the chain rule under a random cell order;</li>
 *   <li>note: erase {@code k ~ U(1..notes)} random whole notes (runs of one pitch from an onset), sum
 *       {@code -log p} over each erased note's cells, average per erased note.</li>
 * </ul>
 * The baseline predicts each cell from its voice's class frequencies counted over the evaluated pieces themselves
 * (add-one smoothed), so it is if anything optimistic.
 */
public final class RollEvaluation {
    private RollEvaluation() {}

    /**
     * @param pieces pieces evaluated
     * @param frameNll model, nats per erased cell
     * @param noteNll model, nats per erased note
     * @param baselineFrameNll baseline, nats per cell
     * @param baselineNoteNll baseline, nats per note
     */
    public record Result(int pieces, double frameNll, double noteNll, double baselineFrameNll, double baselineNoteNll) {}

    /** Evaluates every piece with {@code masksPerPiece} frame masks and as many note masks, seeded by {@code seed}. */
    public static Result evaluate(RollModel model, List<VoiceRoll> pieces, int masksPerPiece, long seed) {
        if (pieces.isEmpty()) {
            throw new IllegalArgumentException("no pieces to evaluate");
        }
        double[][] freq = frequencies(pieces, model.config().voices());
        double frameSum = 0;
        double noteSum = 0;
        int noteMasks = 0;
        double baseFrameSum = 0;
        long baseCells = 0;
        double baseNoteSum = 0;
        long baseNotes = 0;
        for (int p = 0; p < pieces.size(); p++) {
            VoiceRoll piece = pieces.get(p);
            int[][] classes = RollBatch.classesOf(piece);
            List<int[]> notes = notes(piece);
            for (int v = 0; v < classes.length; v++) {
                for (int t = 0; t < classes[v].length; t++) {
                    baseFrameSum -= freq[v][classes[v][t]];
                    baseCells++;
                }
            }
            for (int[] n : notes) {
                for (int t = n[1]; t < n[2]; t++) {
                    baseNoteSum -= freq[n[0]][classes[n[0]][t]];
                }
                baseNotes++;
            }
            for (int m = 0; m < masksPerPiece; m++) {
                SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, (long) p * masksPerPiece + m));
                boolean[][] erased = RollMasks.orderless(rng, classes.length, classes[0].length);
                float[] logp = model.logProbabilities(new int[][][] {classes}, new boolean[][][] {erased});
                double sum = 0;
                int count = 0;
                for (int v = 0; v < classes.length; v++) {
                    for (int t = 0; t < classes[v].length; t++) {
                        if (erased[v][t]) {
                            sum -= logp[index(classes, v, t)];
                            count++;
                        }
                    }
                }
                frameSum += sum / count;
                if (!notes.isEmpty()) {
                    int k = 1 + rng.nextInt(notes.size());
                    int[] order = RollMasks.shuffled(rng, notes.size());
                    boolean[][] noteMask = new boolean[classes.length][classes[0].length];
                    for (int i = 0; i < k; i++) {
                        int[] n = notes.get(order[i]);
                        for (int t = n[1]; t < n[2]; t++) {
                            noteMask[n[0]][t] = true;
                        }
                    }
                    float[] lp = model.logProbabilities(new int[][][] {classes}, new boolean[][][] {noteMask});
                    double s = 0;
                    for (int i = 0; i < k; i++) {
                        int[] n = notes.get(order[i]);
                        for (int t = n[1]; t < n[2]; t++) {
                            s -= lp[index(classes, n[0], t)];
                        }
                    }
                    noteSum += s / k;
                    noteMasks++;
                }
            }
        }
        return new Result(pieces.size(), frameSum / (pieces.size() * (double) masksPerPiece),
                noteMasks == 0 ? Double.NaN : noteSum / noteMasks, baseFrameSum / baseCells,
                baseNotes == 0 ? Double.NaN : baseNoteSum / baseNotes);
    }

    private static int index(int[][] classes, int v, int t) {
        return (v * classes[0].length + t) * RollGrid.CLASS_COUNT + classes[v][t];
    }

    /** Log of add-one-smoothed class frequencies per voice: {@code [voice][class]}. */
    static double[][] frequencies(List<VoiceRoll> pieces, int voices) {
        double[][] counts = new double[voices][RollGrid.CLASS_COUNT];
        for (double[] row : counts) {
            java.util.Arrays.fill(row, 1.0);
        }
        for (VoiceRoll r : pieces) {
            int[][] c = RollBatch.classesOf(r);
            for (int v = 0; v < voices; v++) {
                for (int k : c[v]) {
                    counts[v][k]++;
                }
            }
        }
        for (double[] row : counts) {
            double total = java.util.Arrays.stream(row).sum();
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.log(row[k] / total);
            }
        }
        return counts;
    }

    /** Notes of {@code roll} as {voice, startStep, endStep}: runs of one pitch from an onset, rests excluded. */
    static List<int[]> notes(VoiceRoll roll) {
        List<int[]> out = new ArrayList<>();
        for (int v = 0; v < roll.voiceCount(); v++) {
            int t = 0;
            while (t < roll.stepCount()) {
                int p = roll.pitch(v, t);
                if (p == VoiceRoll.REST) {
                    t++;
                    continue;
                }
                int end = t + 1;
                while (end < roll.stepCount() && roll.pitch(v, end) == p && !roll.onset(v, end)) {
                    end++;
                }
                out.add(new int[] {v, t, end});
                t = end;
            }
        }
        return out;
    }
}
