package org.partita.bench;

import org.partita.training.TokenCorpus;
import org.partita.training.TokenCorpusWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** A random token corpus (ids 3..vocab-1; 0 PAD, 1 BOS, 2 EOS) for throughput measurements. */
final class BenchCorpus {
    private BenchCorpus() {}

    static TokenCorpus random(Path dir, int vocabSize, int files, int tokensPerFile, long seed) throws IOException {
        SplittableRandom rng = new SplittableRandom(seed);
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, vocabSize, 1, 2, 0, 1 << 20)) {
            for (int f = 0; f < files; f++) {
                int[] ids = new int[tokensPerFile];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = 3 + rng.nextInt(vocabSize - 3);
                }
                w.add("random-" + f, "none", 0, ids);
            }
        }
        return TokenCorpus.open(dir);
    }

    static String load() throws IOException {
        return new String(java.nio.file.Files.readAllBytes(Path.of("/proc/loadavg"))).trim();
    }
}
