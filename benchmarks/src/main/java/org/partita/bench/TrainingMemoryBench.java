package org.partita.bench;

import org.partita.training.PositionalEncoding;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainConfig;
import org.partita.training.Trainer;
import org.partita.training.TrainingListener;
import org.partita.training.TransformerConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory (VmRSS from /proc/self/status) while training a small model (width 64, 2 layers, 4 heads,
 * context 64, batch 8, vocab 128) for 1,000 steps, sampled every 100 steps. Args: [threads (default 1)] [steps].
 */
public final class TrainingMemoryBench {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path tmp = Files.createTempDirectory("partita-rss");
        TokenCorpus corpus = BenchCorpus.random(tmp.resolve("corpus"), 128, 20, 2000, 2);
        TransformerConfig model = new TransformerConfig(128, 64, 64, 2, 4, 0.1, PositionalEncoding.ROTARY, true);
        TrainConfig train = TrainConfig.defaults().withSteps(steps).withBatchSize(8).withWarmupSteps(50)
                .withLogEvery(100).withEvalEvery(250).withEvalWindows(16).withCheckpointEvery(500)
                .withValidationFraction(0.1).withThreads(threads);
        System.out.printf("| step | loss | tokens/s | VmRSS MB |%n|---|---|---|---|%n");
        new Trainer(corpus, tmp.resolve("run")).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) {
                System.out.printf("| %d | %.3f | %,.0f | %.1f |%n", p.step(), p.loss(), p.tokensPerSecond(), rssMb());
            }
        }).train(model, train);
        System.out.println("load: " + BenchCorpus.load());
    }

    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
