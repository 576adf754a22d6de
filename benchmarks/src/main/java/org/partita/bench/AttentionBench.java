package org.partita.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.partita.attention.AnalysisSettings;
import org.partita.attention.AttentionAnalysis;
import org.partita.attention.SequenceAttention;
import org.partita.attention.SequenceStats;
import org.partita.attention.TokenAttributes;
import org.partita.attention.Unit;
import org.partita.training.PositionalEncoding;
import org.partita.training.TransformerConfig;
import org.partita.training.TransformerModel;

/**
 * {@code benchmarks/run attention [SEQUENCES] [TOKENS] [THREADS] [FORWARD_SEQUENCES]}: relative attention
 * analysis of SEQUENCES × TOKENS with 4 layers × 4 heads, all six fields, token and note units
 * (analysis only, sequences analysed on THREADS threads), then pooling with a 1,000-resample bootstrap,
 * head summaries, and separately the forward pass of a 4×4 model (random weights) over FORWARD_SEQUENCES.
 *
 * <p>Attention: seeded random softmax rows (causal); 4 distinct arrays are reused in turn so memory stays
 * at ~0.3 GB (the analysis reads every weight whatever its value). Attributes: a REMI-like layout,
 * a Bar token every 16 notes, a Position token per onset, notes of 3 tokens (Pitch, Velocity, Duration).
 */
public final class AttentionBench {

    private AttentionBench() {
    }

    public static void main(String[] args) throws Exception {
        int sequences = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int tokens = args.length > 1 ? Integer.parseInt(args[1]) : 1024;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int forward = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        String load = BenchCorpus.load();
        float[][][][][] pool = new float[4][][][][];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = randomAttention(4, 4, tokens, 100 + i);
        }
        TokenAttributes[] attrs = new TokenAttributes[sequences];
        for (int s = 0; s < sequences; s++) {
            attrs[s] = remiLike(tokens, s);
        }
        AnalysisSettings base = AnalysisSettings.defaults().withBootstrap(1000, 1);
        System.out.printf(Locale.ROOT, "attention analysis: %d sequences x %d tokens x 4 layers x 4 heads, six fields, %d threads; "
                + "load before: %s%n", sequences, tokens, threads, load);
        // warm-up (JIT) on a few sequences
        time(new AttentionAnalysis(base, false), pool, attrs, Math.min(4, sequences), threads);
        System.out.println("| step | wall s | process CPU s |");
        System.out.println("|---|---|---|");
        double total = 0;
        double totalCpu = 0;
        for (Unit unit : Unit.values()) {
            AttentionAnalysis a = new AttentionAnalysis(base.withUnit(unit), false);
            long c0 = TrainingBench.processCpuNanos();
            double sec = time(a, pool, attrs, sequences, threads);
            double cpu = (TrainingBench.processCpuNanos() - c0) / 1e9;
            total += sec;
            totalCpu += cpu;
            System.out.printf(Locale.ROOT, "| analysis, %s unit | %.2f | %.2f |%n", unit.label(), sec, cpu);
            long t0 = System.nanoTime();
            c0 = TrainingBench.processCpuNanos();
            a.result();
            System.out.printf(Locale.ROOT, "| pooling + bootstrap (1,000 resamples), %s unit | %.2f | %.2f |%n", unit.label(),
                    (System.nanoTime() - t0) / 1e9, (TrainingBench.processCpuNanos() - c0) / 1e9);
        }
        System.out.printf(Locale.ROOT, "| **analysis, both units** | **%.2f** | **%.2f** |%n", total, totalCpu);
        AttentionAnalysis withSummaries = new AttentionAnalysis(base.withBootstrap(0, 1), true);
        long c0 = TrainingBench.processCpuNanos();
        double all = time(withSummaries, pool, attrs, sequences, threads);
        System.out.printf(Locale.ROOT, "| analysis with head summaries (entropy etc.), token unit | %.2f | %.2f |%n", all,
                (TrainingBench.processCpuNanos() - c0) / 1e9);
        if (forward > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
            TransformerConfig c = new TransformerConfig(512, tokens, 256, 4, 4, 0.1, PositionalEncoding.LEARNED, true);
            try (TransformerModel model = TransformerModel.create(c, 1)) {
                int[] ids = new int[tokens];
                SplittableRandom r = new SplittableRandom(3);
                for (int i = 0; i < tokens; i++) {
                    ids[i] = r.nextInt(512);
                }
                model.attention(ids); // warm-up
                long t0 = System.nanoTime();
                long fc0 = TrainingBench.processCpuNanos();
                for (int i = 0; i < forward; i++) {
                    model.attention(ids);
                }
                double per = (System.nanoTime() - t0) / 1e9 / forward;
                double perCpu = (TrainingBench.processCpuNanos() - fc0) / 1e9 / forward;
                System.out.printf(Locale.ROOT, "| forward pass with attention weights (d_model 256), per sequence, mean of %d "
                        + "| %.3f | %.3f |%n", forward, per, perCpu);
                System.out.printf(Locale.ROOT, "| forward pass, x %d sequences (estimate) | %.1f | %.1f |%n", sequences,
                        per * sequences, perCpu * sequences);
            }
        }
        System.out.println("load after: " + BenchCorpus.load());
    }

    private static double time(AttentionAnalysis a, float[][][][][] pool, TokenAttributes[] attrs, int sequences, int threads)
            throws Exception {
        ExecutorService ex = Executors.newFixedThreadPool(threads);
        try {
            long t0 = System.nanoTime();
            List<Future<SequenceStats>> futures = new ArrayList<>();
            for (int s = 0; s < sequences; s++) {
                SequenceAttention seq = new SequenceAttention(s, pool[s % pool.length], attrs[s]);
                futures.add(ex.submit(() -> a.analyze(seq)));
            }
            for (Future<SequenceStats> f : futures) {
                a.add(f.get());
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            ex.shutdown();
        }
    }

    static float[][][][] randomAttention(int layers, int heads, int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][][][] a = new float[layers][heads][n][n];
        for (float[][][] layer : a) {
            for (float[][] head : layer) {
                for (int q = 0; q < n; q++) {
                    double sum = 0;
                    float[] row = head[q];
                    for (int t = 0; t <= q; t++) {
                        row[t] = (float) Math.exp(3 * r.nextDouble());
                        sum += row[t];
                    }
                    for (int t = 0; t <= q; t++) {
                        row[t] /= (float) sum;
                    }
                }
            }
        }
        return a;
    }

    static TokenAttributes remiLike(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] note = new int[n];
        int[] bar = new int[n];
        int[] beat = new int[n];
        int[] position = new int[n];
        int[] pitch = new int[n];
        int[] program = new int[n];
        int i = 0;
        int notes = 0;
        int step = 0; // 8 steps per beat, 32 per bar
        while (i < n) {
            if (notes % 16 == 0 && (i == 0 || step % 32 != 0)) {
                step = (step / 32 + (i == 0 ? 0 : 1)) * 32;
                i = put(i, n, -1, step, TokenAttributes.ABSENT, TokenAttributes.ABSENT, note, bar, beat, position, pitch, program);
            }
            i = put(i, n, -1, step, TokenAttributes.ABSENT, TokenAttributes.ABSENT, note, bar, beat, position, pitch, program);
            int chord = 1 + r.nextInt(3);
            for (int c = 0; c < chord && i < n; c++) {
                int p = 40 + r.nextInt(40);
                int prog = r.nextInt(4) == 0 ? -1 : r.nextInt(3) * 8;
                for (int k = 0; k < 3; k++) {
                    i = put(i, n, notes, step, p, prog, note, bar, beat, position, pitch, program);
                }
                notes++;
            }
            step += 2 + 2 * r.nextInt(3);
        }
        return new TokenAttributes(note, bar, beat, position, pitch, program);
    }

    private static int put(int i, int n, int noteId, int step, int p, int prog, int[] note, int[] bar, int[] beat,
                           int[] position, int[] pitch, int[] program) {
        if (i >= n) {
            return i;
        }
        note[i] = noteId;
        bar[i] = step / 32;
        beat[i] = step / 8;
        position[i] = step % 8;
        pitch[i] = p;
        program[i] = prog;
        return i + 1;
    }
}
