package org.partita.training.roll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.training.Checkpoints;
import org.partita.training.TrainConfig;
import org.partita.training.TrainingListener;

/**
 * Real training of small models (about 20 s together). PyTorch's oneDNN convolutions are off (DjlRuntime), which
 * ended the random NaN gradients and NaN batch-norm statistics that once made these tests fail by chance
 * (docs/pianoroll-model.md, "Known problems").
 */
class RollTrainerTest {
    static final RollModelConfig MODEL = new RollModelConfig(4, 6, 24, 1, 16);
    static final int[] CHAIN = {0, -3, -7, -12};
    static final TrainConfig TRAIN = TrainConfig.defaults().withSteps(12).withBatchSize(4).withLearningRate(3e-3)
            .withMinLearningRate(3e-4).withWarmupSteps(2).withWeightDecay(0).withLogEvery(1).withEvalEvery(4)
            .withEvalWindows(4).withCheckpointEvery(0).withValidationFraction(0.2).withSeed(42).withThreads(1);

    private static TrainingListener collect(List<Double> losses) {
        return new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) { losses.add(p.loss()); }
        };
    }

    @Test
    void resumedRunHasBitIdenticalLossesToAnUninterruptedRun(@TempDir Path dir) throws Exception {
        RollCorpus corpus = RollTestData.parallelVoices(10, 32, 1);
        List<Double> straight = new ArrayList<>();
        new RollTrainer(corpus, "synthetic", dir.resolve("a")).optListener(collect(straight)).train(MODEL, TRAIN);
        List<Double> split = new ArrayList<>();
        new RollTrainer(corpus, "synthetic", dir.resolve("b")).optListener(collect(split)).optStopAfterStep(6)
                .train(MODEL, TRAIN);
        new RollTrainer(corpus, "synthetic", dir.resolve("b")).optListener(collect(split)).resume();
        assertEquals(12, straight.size());
        assertEquals(straight, split);
        for (double l : straight) {
            assertTrue(Double.isFinite(l), "loss " + l);
        }
        assertTrue(Files.isRegularFile(dir.resolve("b/last/params.bin")));
        assertTrue(Files.isRegularFile(dir.resolve("b/best/config.json")));
        assertEquals(12, RollModels.readInfo(Checkpoints.find(dir.resolve("b"), Checkpoints.LAST)).step());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/last/params.bin")), Files.readAllBytes(dir.resolve("b/last/params.bin")));
    }

    @Test
    void tinyModelLearnsFixedIntervalsAndHarmonisesThemExactly(@TempDir Path dir) throws Exception {
        // Each voice within 5 semitones of the one above: a 6-layer net sees ±6 pitch rows, so with only the soprano
        // given, Gibbs sampling can reach the bass through the alto and tenor (Coconet's -12/-24 would be out of sight).
        RollCorpus corpus = RollTestData.parallelVoices(40, 32, 2, CHAIN);
        TrainConfig config = TRAIN.withSteps(300).withBatchSize(8).withEvalEvery(0).withValidationFraction(0)
                .withLogEvery(50);
        List<Double> losses = new ArrayList<>();
        RollTrainer trainer = new RollTrainer(corpus, "synthetic", dir).optListener(collect(losses));
        trainer.train(MODEL, config);
        trainer.recalibrateCheckpoint(Checkpoints.find(dir, Checkpoints.LAST)); // no validation ran to do it
        // the loss cannot reach 0: where a whole quarter is erased, its soprano (17 pitches at random) is unknowable
        assertTrue(losses.get(losses.size() - 1) < 0.6 * losses.get(0), "training loss did not fall: " + losses);
        try (RollModel model = RollModels.load(dir)) {
            // a soprano the model never saw, harmonised: the other voices must follow it at -3, -7, -12
            int[] soprano = {70, 70, 70, 70, 65, 65, 65, 65, 74, 74, 74, 74, 68, 68, 68, 68};
            int[][] pitches = new int[4][16];
            boolean[][] erased = new boolean[4][16];
            pitches[0] = soprano;
            for (int v = 1; v < 4; v++) {
                java.util.Arrays.fill(pitches[v], VoiceRoll.REST);
                java.util.Arrays.fill(erased[v], true);
            }
            VoiceRoll out = new RollSampler(model).fill(VoiceRoll.ofPitches(pitches), erased,
                    SamplingConfig.defaults().withTemperature(0.5));
            for (int v = 0; v < 4; v++) {
                for (int t = 0; t < 16; t++) {
                    assertEquals(soprano[t] + CHAIN[v], out.pitch(v, t), "voice " + v + " step " + t);
                }
            }
        }
    }
}
