package org.partita.bench;

import org.partita.training.GenerationConfig;
import org.partita.training.Generator;
import org.partita.training.PositionalEncoding;
import org.partita.training.TransformerConfig;
import org.partita.training.TransformerModel;

import java.util.Arrays;
import java.util.List;

/**
 * Generation tokens/s with the KV cache vs full recomputation, reference model (random weights), from BOS.
 * Args: [threads (default: cores)] [new tokens per sample (default 500)] [samples per batch (default 1)]
 * [repeats (default 1): cached and full runs alternate; medians are reported, with the range of the speed-up].
 * Also reports process CPU time per token, which a busy machine distorts less than wall time.
 */
public final class GenerationBench {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int samples = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        String loadBefore = BenchCorpus.load();
        TransformerConfig c = new TransformerConfig(512, 512, 256, 4, 4, 0.1, PositionalEncoding.LEARNED, true);
        try (TransformerModel model = TransformerModel.create(c, 1)) {
            Generator g = new Generator(model, 1, 2);
            GenerationConfig cfg = GenerationConfig.defaults().withMaxNewTokens(tokens).withStopAtEos(false).withSeed(5)
                    .withSamples(samples);
            // Warm-up: one whole cached run (its per-token path is short, so the JIT must have compiled it) and a
            // short full recomputation.
            g.generate(new int[0], cfg.withKvCache(true), null);
            g.generate(new int[0], cfg.withMaxNewTokens(32).withKvCache(false), null);
            double[] cachedRates = new double[repeats];
            double[] fullRates = new double[repeats];
            double[] wallRatios = new double[repeats];
            double[] cpuRatios = new double[repeats];
            boolean same = true;
            double n = (double) tokens * samples;
            // Cached and full runs alternate, so a slow spell of the host hits both kinds of run alike.
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                long c0 = TrainingBench.processCpuNanos();
                List<int[]> cached = g.generate(new int[0], cfg.withKvCache(true), null);
                double cachedSeconds = (System.nanoTime() - t0) / 1e9;
                double cachedCpu = (TrainingBench.processCpuNanos() - c0) / 1e9;
                t0 = System.nanoTime();
                c0 = TrainingBench.processCpuNanos();
                List<int[]> full = g.generate(new int[0], cfg.withKvCache(false), null);
                double fullSeconds = (System.nanoTime() - t0) / 1e9;
                double fullCpu = (TrainingBench.processCpuNanos() - c0) / 1e9;
                for (int i = 0; i < samples; i++) {
                    same &= Arrays.equals(cached.get(i), full.get(i));
                }
                cachedRates[r] = n / cachedSeconds;
                fullRates[r] = n / fullSeconds;
                wallRatios[r] = fullSeconds / cachedSeconds;
                cpuRatios[r] = fullCpu / cachedCpu;
            }
            System.out.printf("| threads | samples × new tokens | repeats | KV cache tokens/s | full recompute tokens/s | speed-up (wall) | speed-up (CPU time) | same tokens | load before | load after |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|---|---|%n");
            System.out.printf("| %d | %d × %d | %d | %.0f | %.1f | %.1f× (%.1f–%.1f) | %.1f× | %s | %s | %s |%n", threads, samples,
                    tokens, repeats, median(cachedRates), median(fullRates), median(wallRatios), min(wallRatios),
                    max(wallRatios), median(cpuRatios), same, loadBefore, BenchCorpus.load());
        }
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
