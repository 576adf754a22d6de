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
    void aThreadOtherThanTheEnginesTrainsWithTheSameLossesAsTheEnginesOwn(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 10, 60);
        TrainConfig config = TRAIN.withSteps(4).withLogEvery(1);
        List<TrainingListener.TrainingProgress> here = new ArrayList<>();
        new Trainer(corpus, dir.resolve("here")).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) { here.add(p); }
        }).train(MODEL, config);
        List<TrainingListener.TrainingProgress> there = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(() -> { // PyTorch's grad mode is on in a new thread
            try {
                new Trainer(corpus, dir.resolve("there")).optListener(new TrainingListener() {
                    @Override public void onProgress(TrainingProgress p) { there.add(p); }
                }).train(MODEL, config);
            } catch (Throwable t) {
                failure[0] = t;
            }
        });
        worker.start();
        worker.join();
        assertEquals(null, failure[0], "training in a fresh thread failed: " + failure[0]);
        assertEquals(losses(here), losses(there));
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

    @Test
    void tinyModelLearnsARepeatingPatternAndContinuesItGreedily(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 12, 80);
        TransformerConfig model = MODEL.withDropout(0).withPositionalEncoding(PositionalEncoding.ROTARY);
        TrainResult result = new Trainer(corpus, dir.resolve("run"))
                .train(model, TRAIN.withSteps(150).withBatchSize(8).withEvalEvery(50).withLogEvery(10));
        assertTrue(result.bestValidationLoss() < 0.2, "validation loss " + result.bestValidationLoss());
        try (TransformerModel trained = Checkpoints.loadModel(result.lastCheckpoint())) {
            int[] prompt = {TestCorpora.BOS, 5, 6, 7};
            GenerationConfig greedy = GenerationConfig.defaults().withTemperature(0).withMaxNewTokens(50)
                    .withStopAtEos(false);
            int[] out = new Generator(trained, TestCorpora.BOS, TestCorpora.EOS).generate(prompt, greedy, null).get(0);
            for (int i = 0; i < out.length; i++) {
                assertEquals(3 + (i + 5) % 5, out[i], "token " + i + " of " + java.util.Arrays.toString(out));
            }
        }
    }

    @Test
    void checkpointRecordsConfigSeedVersionsSplitAndMetrics(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 10, 60);
        Path run = dir.resolve("run");
        TrainResult r = new Trainer(corpus, run).train(MODEL, TRAIN.withSteps(6).withLogEvery(2).withEvalEvery(3));
        assertEquals(run.resolve("last"), r.lastCheckpoint());
        for (String f : List.of("config.json", "params.bin", "optimizer.bin", "tokenizer.json")) {
            assertTrue(Files.isRegularFile(run.resolve("last").resolve(f)), f);
            assertTrue(Files.isRegularFile(run.resolve("best").resolve(f)), "best/" + f);
        }
        CheckpointInfo info = Checkpoints.readInfo(run.resolve("last"));
        assertEquals(MODEL, info.model());
        assertEquals(TRAIN.withSteps(6).withLogEvery(2).withEvalEvery(3), info.training());
        assertEquals(6, info.step());
        assertEquals(42, info.rng().seed());
        assertEquals(2, info.split().validationFiles().size());
        assertEquals("0.36.0", info.versions().djl());
        assertEquals("2.7.1", info.versions().pytorch());
        assertTrue(info.versions().partita().startsWith("0."), info.versions().partita());
        assertEquals(PieceFraming.ADDED, info.corpus().framing());
        assertTrue(!Files.readString(run.resolve("last/config.json")).contains("framing"),
                "an added-framing checkpoint is written as before the key existed, so older builds read it");
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        assertEquals(3 + 2, lines.size(), String.join("\n", lines)); // train at 2, 4, 6; validation at 3, 6
        assertTrue(lines.get(0).startsWith("{\"kind\":\"train\",\"step\":2,"), lines.get(0));
        assertTrue(Files.list(run).noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary dirs left");
    }

    @Test
    void trainingIntoARunThatHasACheckpointIsRefused(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 10, 60);
        new Trainer(corpus, dir.resolve("run")).train(MODEL, TRAIN.withSteps(1));
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new Trainer(corpus, dir.resolve("run")).train(MODEL, TRAIN.withSteps(1)));
        assertTrue(e.getMessage().contains("resume"), e.getMessage());
    }
}
