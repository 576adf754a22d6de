package org.partita.bench;

import org.partita.training.MatmulPeak;
import org.partita.training.PositionalEncoding;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainConfig;
import org.partita.training.Trainer;
import org.partita.training.TrainingListener;
import org.partita.training.TransformerConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Training throughput and model-FLOPs utilisation of the reference model (width 256, 4 layers, 4 heads,
 * context 512, batch 8, vocab 512). Args: [threads (default: cores)] [timed steps (default 10)].
 * MFU = 6 · parameters · tokens/s / fp32 matmul peak (1024³ products, measured in the same run).
 */
public final class TrainingBench {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int timed = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int warmup = 3;
        String loadBefore = BenchCorpus.load();
        // The peak is taken as the best of products before and after training: a host that steals cycles for a
        // moment lowers one measurement, and a low peak would overstate MFU.
        double peakBefore = MatmulPeak.gflops(1024, 30, threads);
        Path tmp = Files.createTempDirectory("partita-bench");
        TokenCorpus corpus = BenchCorpus.random(tmp.resolve("corpus"), 512, 20, 5000, 1);
        TransformerConfig model = new TransformerConfig(512, 512, 256, 4, 4, 0.1, PositionalEncoding.LEARNED, true);
        TrainConfig train = TrainConfig.defaults().withSteps(warmup + timed).withBatchSize(8).withWarmupSteps(2)
                .withLogEvery(1).withEvalEvery(0).withCheckpointEvery(0).withValidationFraction(0).withThreads(threads);
        List<Double> rates = new ArrayList<>();
        long[] marks = new long[4]; // wall and process CPU nanoseconds at the end of warm-up and of the run
        new Trainer(corpus, tmp.resolve("run")).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) {
                if (p.step() == warmup) {
                    marks[0] = System.nanoTime();
                    marks[1] = processCpuNanos();
                } else if (p.step() > warmup) {
                    rates.add(p.tokensPerSecond());
                    marks[2] = System.nanoTime();
                    marks[3] = processCpuNanos();
                }
            }
        }).train(model, train);
        double tokens = (double) timed * train.batchSize() * model.contextLength();
        double cpuSeconds = (marks[3] - marks[1]) / 1e9;
        double cpuShare = cpuSeconds / ((marks[2] - marks[0]) / 1e9 * threads);
        double peak = Math.max(peakBefore, MatmulPeak.gflops(1024, 30, threads));
        long params = parameterCount(model);
        List<Double> sorted = new ArrayList<>(rates);
        sorted.sort(null);
        double median = sorted.get(sorted.size() / 2);
        double mean = rates.stream().mapToDouble(d -> d).average().orElse(0);
        double mfu = 6.0 * params * median / (peak * 1e9);
        System.out.printf("tokens/s per timed step: min %,.0f, quartiles %,.0f / %,.0f / %,.0f, max %,.0f%n", sorted.get(0),
                sorted.get(sorted.size() / 4), median, sorted.get(3 * sorted.size() / 4), sorted.get(sorted.size() - 1));
        System.out.printf("| threads | params | steps timed | tokens/s median | tokens/s mean | tokens per CPU-second | CPU share of %d cores | matmul peak GFLOP/s | MFU | load before | load after |%n", threads);
        System.out.printf("|---|---|---|---|---|---|---|---|---|---|---|%n");
        System.out.printf("| %d | %,d | %d | %,.0f | %,.0f | %,.0f | %.0f%% | %.1f | %.1f%% | %s | %s |%n", threads, params, timed,
                median, mean, tokens / cpuSeconds, 100 * cpuShare, peak, 100 * mfu, loadBefore, BenchCorpus.load());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long parameterCount(TransformerConfig c) {
        try (var m = org.partita.training.TransformerModel.create(c, 0)) {
            return m.parameterCount();
        }
    }
}
