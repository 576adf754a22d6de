package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    static final TransformerConfig MODEL = new TransformerConfig(16, 32, 32, 2, 2, 0.1, PositionalEncoding.LEARNED, true);
    static final TrainConfig TRAIN = TrainConfig.defaults().withSteps(20).withBatchSize(4).withLearningRate(3e-3)
            .withMinLearningRate(3e-4).withWarmupSteps(4).withLogEvery(1).withEvalEvery(5).withEvalWindows(4)
            .withCheckpointEvery(0).withValidationFraction(0.2).withSeed(42).withThreads(1);

    static List<Double> losses(List<TrainingListener.TrainingProgress> events) {
        List<Double> out = new ArrayList<>();
        events.forEach(e -> out.add(e.loss()));
        return out;
    }

    @Test
    void resumedRunHasBitIdenticalLossesToAnUninterruptedRun(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 10, 60);
        List<TrainingListener.TrainingProgress> straight = new ArrayList<>();
        new Trainer(corpus, dir.resolve("a")).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) { straight.add(p); }
        }).train(MODEL, TRAIN);

        List<TrainingListener.TrainingProgress> split = new ArrayList<>();
        TrainingListener collect = new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) { split.add(p); }
        };
        new Trainer(corpus, dir.resolve("b")).optListener(collect).optStopAfterStep(10).train(MODEL, TRAIN);
        new Trainer(corpus, dir.resolve("b")).optListener(collect).resume();

        assertEquals(20, straight.size());
        assertEquals(losses(straight), losses(split)); // exact double equality
        assertTrue(straight.get(19).loss() < straight.get(0).loss() - 0.3, "loss should fall: " + losses(straight));
    }
}
