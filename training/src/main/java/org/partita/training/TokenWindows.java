package org.partita.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Training and validation windows over a {@link TokenCorpus}. Each piece is read as {@code BOS, tokens, EOS}, or
 * as its tokens alone when they carry their own BOS and EOS ({@link PieceFraming#IN_PIECE}); a window holds
 * {@code contextLength + 1} ids (inputs are the first T, targets the last T). Windows never cross pieces, so
 * BOS is only ever a window's first id, an input and never a target; a piece shorter than the window is padded
 * with PAD after its EOS, and PAD targets carry no loss.
 *
 * <p>Training windows are random: a piece is drawn with probability proportional to its length, then a start
 * uniformly among the offsets that keep the window inside the piece (or among the caller's {@link WindowStarts}).
 * The batch for step {@code s} depends only on (seed, s), which is what makes resume exact.
 * Validation windows are fixed: consecutive windows of each held-out piece, up to a cap.
 * Thread-safe for concurrent {@link #trainBatch} calls.
 */
public final class TokenWindows {
    private final TokenCorpus corpus;
    private final DataSplit split;
    private final int contextLength;
    private final long seed;
    private final Augmentation augmentation;
    private final WindowStarts windowStarts;
    private final int added; // BOS/EOS ids added on each side of a piece: 1, or 0 for in-piece framing
    private final long[] cumulative; // cumulative[i] = total length of train files 0..i (with BOS, EOS)

    public TokenWindows(TokenCorpus corpus, DataSplit split, int contextLength, long seed,
                        Augmentation augmentation, WindowStarts windowStarts) {
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be >= 1, got " + contextLength);
        }
        this.corpus = corpus;
        this.split = split;
        this.contextLength = contextLength;
        this.seed = seed;
        this.augmentation = augmentation == null ? Augmentation.NONE : augmentation;
        this.windowStarts = windowStarts;
        this.added = corpus.index().framing().addedPerSide();
        this.cumulative = new long[split.trainFiles().size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += corpus.index().trainingLength(split.trainFiles().get(i));
            cumulative[i] = total;
        }
    }

    public DataSplit split() {
        return split;
    }

    /** {@code batchSize} windows of {@code contextLength + 1} ids for training step {@code step}. */
    public int[][] trainBatch(int batchSize, long step) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix(seed, step));
        int[][] batch = new int[batchSize][];
        for (int b = 0; b < batchSize; b++) {
            int k = Arrays.binarySearch(cumulative, rng.nextLong(cumulative[cumulative.length - 1]) + 1);
            int file = split.trainFiles().get(k < 0 ? -k - 1 : k);
            int[] window = window(file, chooseStart(file, rng));
            int[] augmented = augmentation.apply(window, rng);
            if (augmented.length != window.length) {
                throw new IllegalStateException("augmentation changed the window length from " + window.length
                        + " to " + augmented.length);
            }
            batch[b] = augmented;
        }
        return batch;
    }

    /** Fixed validation windows (at most {@code maxWindows}), consecutive within each held-out piece. */
    public List<int[]> validationWindows(int maxWindows) {
        List<int[]> out = new ArrayList<>();
        for (int file : split.validationFiles()) {
            long sequenceLength = corpus.index().trainingLength(file);
            for (int start = 0; start + 1 < sequenceLength && out.size() < maxWindows; start += contextLength) {
                out.add(window(file, start));
            }
        }
        return out;
    }

    /** Start within the piece's training sequence ({@code BOS, tokens, EOS} or, in-piece, its tokens). */
    private int chooseStart(int file, SplittableRandom rng) {
        int sequenceLength = Math.toIntExact(corpus.index().trainingLength(file));
        if (windowStarts != null) {
            int[] offsets = windowStarts.offsets(file, corpus.tokens(file));
            if (offsets.length > 0) {
                int o = offsets[rng.nextInt(offsets.length)];
                if (o < 0 || o >= corpus.length(file)) {
                    throw new IllegalArgumentException("window start " + o + " outside piece " + file
                            + " of length " + corpus.length(file));
                }
                return o == 0 ? 0 : o + added; // offset 0 keeps the BOS
            }
        }
        int maxStart = Math.max(0, sequenceLength - (contextLength + 1));
        return rng.nextInt(maxStart + 1);
    }

    /** Ids {@code start .. start+T} of the training sequence, padded with PAD. */
    private int[] window(int file, int start) {
        TokenCorpusIndex index = corpus.index();
        int length = corpus.length(file);
        int[] w = new int[contextLength + 1];
        Arrays.fill(w, index.padId());
        int pos = 0;
        int seq = start;
        if (added == 1 && seq == 0 && pos < w.length) {
            w[pos++] = index.bosId();
            seq++;
        }
        int tokenOffset = seq - added;
        int n = Math.max(0, Math.min(w.length - pos, length - tokenOffset));
        if (n > 0) {
            corpus.read(file, tokenOffset, w, pos, n);
            pos += n;
            seq += n;
        }
        if (added == 1 && seq == length + 1 && pos < w.length) {
            w[pos] = index.eosId();
        }
        return w;
    }
}
