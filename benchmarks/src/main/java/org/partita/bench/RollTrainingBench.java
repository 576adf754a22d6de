package org.partita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.cli.pipeline.RollFiles;
import org.partita.training.NativeMalloc;
import org.partita.training.TrainConfig;
import org.partita.training.TrainingListener;
import org.partita.training.roll.RollCorpus;
import org.partita.training.roll.RollModelConfig;
import org.partita.training.roll.RollTrainer;

/**
 * Piano-roll model training throughput: the reference configuration (docs/pianoroll-model/reference.json: 12 layers
 * × 32 filters, crops of 32 steps, batch 16) trained on a real corpus for a few steps.
 * Args: DATA_DIR [--steps N (timed, default 30)] [--warmup N (default 5)] [--threads N (default 1)].
 * Prints examples/s (one example = one 4-voice crop) per timed step: median, min, max, and CPU seconds per example.
 */
public final class RollTrainingBench {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int timed = 30;
        int warmup = 5;
        int threads = 1;
        for (int i = 1; i < args.length; i += 2) {
            switch (args[i]) {
                case "--steps" -> timed = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--threads" -> threads = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RollCorpus corpus = RollFiles.load(List.of(data), 4).corpus();
        RollModelConfig model = new RollModelConfig(4, 12, 32, 1, 32);
        TrainConfig train = TrainConfig.defaults().withSteps(warmup + timed).withBatchSize(16).withLearningRate(2e-3)
                .withMinLearningRate(1e-4).withWarmupSteps(2).withWeightDecay(0).withLogEvery(1).withEvalEvery(0)
                .withCheckpointEvery(0).withValidationFraction(0).withSeed(1234).withThreads(threads);
        String loadBefore = BenchCorpus.load();
        List<Double> rates = new ArrayList<>();
        long[] cpuAtWarmup = new long[1];
        int warm = warmup;
        Path run = Files.createTempDirectory("partita-roll-bench");
        new RollTrainer(corpus, data.toString(), run.resolve("run")).optListener(new TrainingListener() {
            @Override
            public void onProgress(TrainingProgress p) {
                if (p.step() == warm) {
                    cpuAtWarmup[0] = TrainingBench.processCpuNanos();
                } else if (p.step() > warm) {
                    rates.add(p.tokensPerSecond() / (model.cropSteps() * model.voices()));
                }
            }
        }).train(model, train);
        double cpuPerExample = (TrainingBench.processCpuNanos() - cpuAtWarmup[0]) / 1e9 / (timed * 16.0);
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("%d pieces; reference model 12 x 32, crops of 32 steps, batch 16; %d threads; malloc %s%n",
                corpus.size(), threads, NativeMalloc.tune());
        System.out.println("| timed steps | examples/s median | min | max | CPU s per example | load before | load after |");
        System.out.println("|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %.1f | %.1f | %.1f | %.4f | %s | %s |%n", sorted.size(), sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1), cpuPerExample, loadBefore, BenchCorpus.load());
    }

    private RollTrainingBench() {}
}
