package org.partita.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.cli.pipeline.RollFiles;
import org.partita.training.DjlRuntime;
import org.partita.training.TorchBackends;
import org.partita.training.TrainConfig;
import org.partita.training.TrainingListener;
import org.partita.training.roll.RollCorpus;
import org.partita.training.roll.RollModelConfig;
import org.partita.training.roll.RollTrainer;

/**
 * Trains the same piano-roll model twice with the same seeds and reports how many steps had a non-finite gradient
 * (skipped by AdamW) and whether the two runs' losses are identical: the check behind "Known problems" in
 * docs/pianoroll-model.md. With {@code -Dpartita.torch.mkldnn=true} in BENCH_JAVA_OPTS PyTorch's oneDNN
 * convolutions stay on (Partita switches them off when the engine starts), which reproduces the fault.
 * Args: DATA_DIR [--steps N (default 300)] [--layers L (12)] [--filters F (32)] [--crop T (32)] [--batch B (16)].
 */
public final class RollGradientCheck {
    public static void main(String[] args) throws Exception {
        Path data = Path.of(args[0]);
        int steps = 300;
        int layers = 12;
        int filters = 32;
        int crop = 32;
        int batch = 16;
        for (int i = 1; i < args.length; i += 2) {
            int v = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--steps" -> steps = v;
                case "--layers" -> layers = v;
                case "--filters" -> filters = v;
                case "--crop" -> crop = v;
                case "--batch" -> batch = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        RollCorpus corpus = RollFiles.load(List.of(data), 4).corpus();
        RollModelConfig model = new RollModelConfig(4, layers, filters, 1, crop);
        TrainConfig train = TrainConfig.defaults().withSteps(steps).withBatchSize(batch).withLearningRate(2e-3)
                .withMinLearningRate(1e-4).withWarmupSteps(20).withWeightDecay(0).withLogEvery(1).withEvalEvery(0)
                .withCheckpointEvery(0).withValidationFraction(0).withSeed(1234).withThreads(1);
        boolean mkldnn = Boolean.getBoolean(DjlRuntime.MKLDNN_PROPERTY);
        List<List<Double>> runs = new ArrayList<>();
        System.out.printf("%d pieces; model %d x %d, crops of %d, batch %d, %d steps, twice; oneDNN: %s%n",
                corpus.size(), layers, filters, crop, batch, steps, mkldnn ? "on" : "off");
        System.out.println("| run | steps with a non-finite gradient | first such step | last loss |");
        System.out.println("|---|---|---|---|");
        for (int run = 1; run <= 2; run++) {
            List<Double> losses = new ArrayList<>();
            List<Integer> bad = new ArrayList<>();
            Path dir = Files.createTempDirectory("partita-roll-gradients");
            new RollTrainer(corpus, data.toString(), dir.resolve("run")).optListener(new TrainingListener() {
                @Override
                public void onProgress(TrainingProgress p) {
                    losses.add(p.loss());
                    if (!Double.isFinite(p.gradNorm())) {
                        bad.add(p.step());
                    }
                }
            }).train(model, train);
            runs.add(losses);
            System.out.printf("| %d | %d | %s | %.4f |%n", run, bad.size(), bad.isEmpty() ? "-" : bad.get(0),
                    losses.get(losses.size() - 1));
        }
        int diverged = -1;
        for (int i = 0; i < runs.get(0).size() && diverged < 0; i++) {
            if (Double.compare(runs.get(0).get(i), runs.get(1).get(i)) != 0) {
                diverged = i + 1;
            }
        }
        System.out.println(diverged < 0 ? "the two runs' losses are identical at every step"
                : "the two runs' losses first differ at step " + diverged);
        System.out.println("oneDNN switch reachable: " + TorchBackends.available());
    }

    private RollGradientCheck() {}
}
