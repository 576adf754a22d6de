package org.partita.training;

import java.io.IOException;
import java.nio.file.Path;

/** Tiny token corpora written with {@link TokenCorpusWriter} for tests. Ids 0..2 are PAD, BOS, EOS. */
final class TestCorpora {
    static final int PAD = 0;
    static final int BOS = 1;
    static final int EOS = 2;

    private TestCorpora() {}

    /** {@code files} pieces, each the cycle {@code 3, 4, ..., 3+period-1} repeated, of varied lengths. */
    static TokenCorpus repeatingPattern(Path dir, int vocabSize, int period, int files, int baseLength)
            throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, vocabSize, BOS, EOS, PAD, 4 * baseLength)) {
            for (int f = 0; f < files; f++) {
                int[] ids = new int[baseLength + 7 * f];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = 3 + (i + f) % period;
                }
                w.add("piece-" + f + ".mid", "sha1-" + f, ids.length / 2, ids);
            }
            w.writeTokenizer("{\"note\":\"test tokenizer\"}");
        }
        return TokenCorpus.open(dir);
    }
}
