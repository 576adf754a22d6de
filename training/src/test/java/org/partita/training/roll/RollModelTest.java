package org.partita.training.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.training.DataSplit;
import org.partita.training.DjlRuntime;

class RollModelTest {
    static final RollModelConfig TINY = new RollModelConfig(4, 4, 8, 2, 16);

    static RollBatch batch(int size, long seed) {
        RollCorpus corpus = RollTestData.parallelVoices(8, 32, seed);
        return new RollBatches(corpus, DataSplit.of(8, 0.0, seed), 16, seed).trainBatch(size, 1);
    }

    @Test
    void logitsHaveOneRowOfClassesPerVoiceAndStep() {
        DjlRuntime.engine(1);
        RollBatch b = batch(3, 1);
        try (RollModel model = RollModel.create(TINY, 7); NDManager scope = model.newScope()) {
            NDArray input = model.input(scope, b.classes(), b.erased());
            assertArrayEquals(new long[] {3, 8, 16, RollGrid.CLASS_COUNT}, input.getShape().getShape());
            NDArray logits = model.forward(input, true);
            assertArrayEquals(new long[] {3, 4, 16, RollGrid.CLASS_COUNT}, logits.getShape().getShape());
            for (float f : logits.toFloatArray()) {
                assertTrue(Float.isFinite(f), "logit " + f);
            }
        }
    }

    @Test
    void inputHidesErasedCellsAndMarksThemInTheMaskChannels() {
        DjlRuntime.engine(1);
        int[][][] classes = {{{5, 6}, {7, 8}, {9, 10}, {11, RollGrid.REST_CLASS}}};
        boolean[][][] erased = {{{true, false}, {false, false}, {false, true}, {false, false}}};
        try (RollModel model = RollModel.create(TINY, 7); NDManager scope = model.newScope()) {
            float[] x = model.input(scope, classes, erased).toFloatArray(); // (1, 8, 2, C)
            int c = RollGrid.CLASS_COUNT;
            for (int v = 0; v < 4; v++) {
                for (int t = 0; t < 2; t++) {
                    float rollSum = 0;
                    float maskSum = 0;
                    for (int k = 0; k < c; k++) {
                        rollSum += x[(v * 2 + t) * c + k];
                        maskSum += x[((4 + v) * 2 + t) * c + k];
                    }
                    assertEquals(erased[0][v][t] ? 0f : 1f, rollSum, "roll channel voice " + v + " step " + t);
                    assertEquals(erased[0][v][t] ? c : 0f, maskSum, "mask channel voice " + v + " step " + t);
                    if (!erased[0][v][t]) {
                        assertEquals(1f, x[(v * 2 + t) * c + classes[0][v][t]]);
                    }
                }
            }
        }
    }

    @Test
    void lossCountsOnlyErasedCells() {
        DjlRuntime.engine(1);
        RollBatch b = batch(2, 3);
        try (RollModel model = RollModel.create(TINY, 7); NDManager scope = model.newScope()) {
            NDArray logits = model.forward(model.input(scope, b.classes(), b.erased()), false);
            double loss = RollModel.maskedLoss(logits, RollTrainer.targets(scope, b), RollTrainer.erased(scope, b)).getFloat();
            // the same loss with every given cell's target changed: must not move
            int[][][] changed = new int[2][4][16];
            for (int i = 0; i < 2; i++) {
                for (int v = 0; v < 4; v++) {
                    for (int t = 0; t < 16; t++) {
                        changed[i][v][t] = b.erased()[i][v][t] ? b.classes()[i][v][t] : (b.classes()[i][v][t] + 5) % RollGrid.CLASS_COUNT;
                    }
                }
            }
            RollBatch other = new RollBatch(changed, b.erased());
            double same = RollModel.maskedLoss(logits, RollTrainer.targets(scope, other), RollTrainer.erased(scope, other)).getFloat();
            assertEquals(loss, same, 1e-6);
            // and by hand: mean over examples of the mean NLL over erased cells
            float[] nll = RollModel.cellNll(logits, RollTrainer.targets(scope, b)).toFloatArray();
            double expected = 0;
            for (int i = 0; i < 2; i++) {
                double s = 0;
                int n = 0;
                for (int v = 0; v < 4; v++) {
                    for (int t = 0; t < 16; t++) {
                        if (b.erased()[i][v][t]) {
                            s += nll[(i * 4 + v) * 16 + t];
                            n++;
                        }
                    }
                }
                expected += s / n / 2;
            }
            assertEquals(expected, loss, 1e-5);
        }
    }

    @Test
    void savedModelLoadsWithTheSamePredictions(@TempDir Path dir) throws Exception {
        DjlRuntime.engine(1);
        RollBatch b = batch(1, 5);
        try (RollModel model = RollModel.create(TINY, 7)) {
            model.save(dir.resolve("params.bin"));
            try (RollModel loaded = RollModel.load(TINY, dir.resolve("params.bin"))) {
                assertArrayEquals(model.logProbabilities(b.classes(), b.erased()),
                        loaded.logProbabilities(b.classes(), b.erased()));
            }
        }
    }

    @Test
    void recalibrationReplacesNonFiniteStatisticsAndFindsTheSameOnesAsFromAFreshStart(@TempDir Path dir)
            throws Exception {
        DjlRuntime.engine(1);
        java.util.List<RollBatch> batches = java.util.List.of(batch(4, 1), batch(4, 2), batch(4, 3));
        try (RollModel model = RollModel.create(TINY, 7)) {
            model.save(dir.resolve("fresh.bin"));
            java.util.Map<String, org.partita.training.ParamsIo.Tensor> tensors =
                    new java.util.LinkedHashMap<>(org.partita.training.ParamsIo.read(dir.resolve("fresh.bin")));
            float[] nan = new float[8];
            java.util.Arrays.fill(nan, Float.NaN);
            tensors.put("bn1.mean", new org.partita.training.ParamsIo.Tensor(new long[] {8}, nan));
            tensors.put("bn2.var", new org.partita.training.ParamsIo.Tensor(new long[] {8}, nan));
            org.partita.training.ParamsIo.write(dir.resolve("corrupt.bin"), tensors);
            model.recalibrate(batches);
            try (RollModel corrupt = RollModel.load(TINY, dir.resolve("corrupt.bin"))) {
                corrupt.recalibrate(batches);
                RollBatch b = batch(2, 9);
                float[] expected = model.logProbabilities(b.classes(), b.erased());
                assertArrayEquals(expected, corrupt.logProbabilities(b.classes(), b.erased()));
                for (float f : expected) {
                    assertTrue(Float.isFinite(f), "log-probability " + f);
                }
            }
        }
    }

    @Test
    void orderlessMasksEraseBetweenOneAndAllCells() {
        SplittableRandom rng = new SplittableRandom(3);
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int i = 0; i < 2000; i++) {
            int k = RollMasks.count(RollMasks.orderless(rng, 4, 8));
            min = Math.min(min, k);
            max = Math.max(max, k);
        }
        assertEquals(1, min);
        assertEquals(32, max);
    }

    @Test
    void foldingBatchNormIntoTheConvolutionsKeepsTheShippedModelsPredictions() throws Exception {
        DjlRuntime.engine(1);
        SplittableRandom rng = new SplittableRandom(11);
        int steps = 32;
        int[][][] classes = new int[2][4][steps];
        boolean[][][] erased = new boolean[2][4][steps];
        for (int b = 0; b < 2; b++) {
            for (int v = 0; v < 4; v++) {
                for (int t = 0; t < steps; t++) {
                    classes[b][v][t] = rng.nextInt(RollGrid.CLASS_COUNT);
                    erased[b][v][t] = v > 0 && rng.nextBoolean();
                }
            }
        }
        try (RollModel model = RollModels.loadDefault(); FoldedRollNet folded = model.folded()) {
            float[] plain = model.logProbabilities(classes, erased);
            float[] fast = folded.logProbabilities(classes, erased);
            assertEquals(plain.length, fast.length);
            double maxDiff = 0;
            for (int i = 0; i < plain.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(plain[i] - fast[i]));
            }
            assertTrue(maxDiff < 1e-4, "folded log-probabilities differ by up to " + maxDiff);
        }
    }

    @Test
    void evaluationInAFreshThreadRunsWithoutAutogradAndRestoresTheThreadsMode() throws Exception {
        DjlRuntime.engine(1);
        boolean[] seen = new boolean[3];
        Thread worker = new Thread(() -> {
            seen[0] = ai.djl.pytorch.jni.JniUtils.isGradMode(); // PyTorch's default in a new thread: on
            try (DjlRuntime.NoGrad noGrad = DjlRuntime.noGrad()) {
                seen[1] = ai.djl.pytorch.jni.JniUtils.isGradMode();
            }
            seen[2] = ai.djl.pytorch.jni.JniUtils.isGradMode();
        });
        worker.start();
        worker.join();
        assertTrue(seen[0], "grad mode was already off in a new thread: the guard would not be needed");
        assertEquals(false, seen[1], "grad mode inside noGrad()");
        assertTrue(seen[2], "grad mode not restored after noGrad()");
    }
}
