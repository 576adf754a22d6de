package org.partita.training.roll;

import org.partita.training.DataSplit;
import org.partita.training.Seeds;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training and validation batches over a {@link RollCorpus}: every training example is a random piece of the
 * training split, transposed by a uniformly chosen interval that keeps it in range (every key the range allows),
 * cropped to {@code cropSteps} at a random step (pieces shorter than the crop are padded with silence), with an
 * orderless mask ({@link RollMasks#orderless}). Batch {@code step} is a pure function of (seed, step).
 * Validation examples are fixed: consecutive untransposed crops of the held-out pieces with seeded masks.
 */
public final class RollBatches {
    private static final long VALIDATION_SALT = 0x7A11DA7EL;

    private final RollCorpus corpus;
    private final DataSplit split;
    private final int cropSteps;
    private final long seed;

    public RollBatches(RollCorpus corpus, DataSplit split, int cropSteps, long seed) {
        this.corpus = corpus;
        this.split = split;
        this.cropSteps = cropSteps;
        this.seed = seed;
    }

    /** Training batch of optimizer step {@code step}. */
    public RollBatch trainBatch(int batchSize, int step) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, step));
        int voices = corpus.voices();
        int[][][] classes = new int[batchSize][][];
        boolean[][][] erased = new boolean[batchSize][][];
        for (int i = 0; i < batchSize; i++) {
            VoiceRoll piece = corpus.pieces().get(split.trainFiles().get(rng.nextInt(split.trainFiles().size())));
            int[] range = piece.pitchRange();
            int lowShift = range == null ? 0 : RollGrid.LOWEST_PITCH - range[0];
            int highShift = range == null ? 0 : RollGrid.HIGHEST_PITCH - range[1];
            int shift = lowShift + rng.nextInt(highShift - lowShift + 1);
            classes[i] = crop(piece.transposed(shift), rng.nextInt(Math.max(1, piece.stepCount() - cropSteps + 1)));
            erased[i] = RollMasks.orderless(rng, voices, cropSteps);
        }
        return new RollBatch(classes, erased);
    }

    /** Up to {@code maxExamples} fixed validation examples (empty if nothing is held out). */
    public List<RollBatch> validationBatches(int batchSize, int maxExamples) {
        List<int[][]> crops = new ArrayList<>();
        for (int f : split.validationFiles()) {
            VoiceRoll piece = corpus.pieces().get(f);
            for (int start = 0; start == 0 || start + cropSteps <= piece.stepCount(); start += cropSteps) {
                crops.add(crop(piece, start));
            }
        }
        crops = crops.subList(0, Math.min(crops.size(), maxExamples));
        List<RollBatch> out = new ArrayList<>();
        for (int i = 0; i < crops.size(); i += batchSize) {
            int n = Math.min(batchSize, crops.size() - i);
            int[][][] classes = new int[n][][];
            boolean[][][] erased = new boolean[n][][];
            for (int j = 0; j < n; j++) {
                classes[j] = crops.get(i + j);
                erased[j] = RollMasks.orderless(new SplittableRandom(Seeds.mix(seed ^ VALIDATION_SALT, i + j)),
                        corpus.voices(), cropSteps);
            }
            out.add(new RollBatch(classes, erased));
        }
        return out;
    }

    /** Classes of steps {@code [start, start + cropSteps)}, silence past the piece's end. */
    private int[][] crop(VoiceRoll piece, int start) {
        int[][] out = new int[piece.voiceCount()][cropSteps];
        for (int v = 0; v < out.length; v++) {
            for (int t = 0; t < cropSteps; t++) {
                int s = start + t;
                out[v][t] = RollGrid.classOf(s < piece.stepCount() ? piece.pitch(v, s) : VoiceRoll.REST);
            }
        }
        return out;
    }
}
