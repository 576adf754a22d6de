package org.partita.training.attention;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.partita.attention.TokenAttributes;
import org.partita.training.TokenCorpus;

/**
 * The sequences a model is run on: {@code N} pieces of a token corpus chosen with a seed, each piece
 * once, and from each a window of up to {@code maxLength} model positions from its start, fed as
 * training feeds it ({@code BOS} then the piece's tokens). The BOS position has no attributes.
 */
public final class AttentionWindows {

    /** One window: the model's input ids and one attribute row per position. */
    public record Window(int sequence, int file, String source, int[] ids, TokenAttributes attributes) {}

    private AttentionWindows() {
    }

    /** {@code count} distinct piece numbers out of {@code fileCount}, in a seeded random order (all when fewer). */
    public static int[] choose(int fileCount, int count, long seed) {
        int[] order = new int[fileCount];
        Arrays.setAll(order, i -> i);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        for (int i = fileCount - 1; i > 0; i--) { // Fisher–Yates
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return Arrays.copyOf(order, Math.min(count, fileCount));
    }

    /**
     * The window of piece {@code file}: BOS and the first {@code maxLength − 1} tokens.
     *
     * @throws IllegalArgumentException when the piece has no tokens or its attributes cannot be derived
     */
    public static Window window(TokenCorpus corpus, int file, int sequence, TokenAttributeMapper mapper, int maxLength,
                                boolean pitchTokensOnly) {
        String source = corpus.index().files().get(file).source();
        int[] tokens = corpus.tokens(file);
        if (tokens.length == 0) {
            throw new IllegalArgumentException(source + ": no tokens");
        }
        int count = Math.min(tokens.length, maxLength - 1);
        TokenAttributes a;
        try {
            a = mapper.attributes(tokens, count);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (pitchTokensOnly) {
            a = a.keepOnly(mapper.pitchTokens(tokens, count));
        }
        int[] ids = new int[count + 1];
        ids[0] = corpus.index().bosId();
        System.arraycopy(tokens, 0, ids, 1, count);
        return new Window(sequence, file, source, ids, withEmptyFirstRow(a));
    }

    private static TokenAttributes withEmptyFirstRow(TokenAttributes a) {
        int[][] cols = {a.note(), a.bar(), a.beat(), a.position(), a.pitch(), a.program()};
        int[][] out = new int[6][];
        for (int c = 0; c < 6; c++) {
            out[c] = new int[cols[c].length + 1];
            out[c][0] = c == 0 ? -1 : TokenAttributes.ABSENT;
            System.arraycopy(cols[c], 0, out[c], 1, cols[c].length);
        }
        return new TokenAttributes(out[0], out[1], out[2], out[3], out[4], out[5]);
    }
}
