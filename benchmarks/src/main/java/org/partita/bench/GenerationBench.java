package org.partita.bench;

import org.partita.training.GenerationConfig;
import org.partita.training.Generator;
import org.partita.training.PositionalEncoding;
import org.partita.training.TransformerConfig;
import org.partita.training.TransformerModel;

import java.util.Arrays;
import java.util.List;

/**
 * Generation tokens/s with the KV cache vs full recomputation, reference model (random weights), one sample from
 * BOS. Args: [threads (default: cores)] [new tokens (default 256)].
 */
public final class GenerationBench {
    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : Runtime.getRuntime().availableProcessors();
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 256;
        System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        String loadBefore = BenchCorpus.load();
        TransformerConfig c = new TransformerConfig(512, 512, 256, 4, 4, 0.1, PositionalEncoding.LEARNED, true);
        try (TransformerModel model = TransformerModel.create(c, 1)) {
            Generator g = new Generator(model, 1, 2);
            GenerationConfig cfg = GenerationConfig.defaults().withMaxNewTokens(tokens).withStopAtEos(false).withSeed(5);
            g.generate(new int[0], cfg.withMaxNewTokens(32), null); // JIT and allocator warm-up
            g.generate(new int[0], cfg.withMaxNewTokens(32).withKvCache(false), null);
            long t0 = System.nanoTime();
            List<int[]> cached = g.generate(new int[0], cfg.withKvCache(true), null);
            double cachedSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            List<int[]> full = g.generate(new int[0], cfg.withKvCache(false), null);
            double fullSeconds = (System.nanoTime() - t0) / 1e9;
            boolean same = Arrays.equals(cached.get(0), full.get(0));
            System.out.printf("| threads | new tokens | KV cache tokens/s | full recompute tokens/s | speed-up | same tokens | load before | load after |%n");
            System.out.printf("|---|---|---|---|---|---|---|---|%n");
            System.out.printf("| %d | %d | %.0f | %.1f | %.1f× | %s | %s | %s |%n", threads, tokens, tokens / cachedSeconds,
                    tokens / fullSeconds, fullSeconds / cachedSeconds, same, loadBefore, BenchCorpus.load());
        }
    }
}
