package org.partita.training.baseline;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interpolated Kneser-Ney n-gram model over token ids (Chen &amp; Goodman 1998, one discount per order).
 *
 * <p>With history {@code h} (the last {@code k-1} ids available, {@code k <= order}) and {@code h'} = {@code h}
 * without its oldest id:
 * <pre>
 *   P_k(w | h) = max(c(h w) - D_k, 0) / c(h ·)  +  D_k · T(h) / c(h ·) · P_{k-1}(w | h')
 *   P_0(w)     = 1 / V
 * </pre>
 * At the top level of a query {@code c} is the raw count of {@code h w} as (history, target) in the training
 * sequences; at every lower level it is the continuation count {@code N1+(· h w)}, the number of distinct ids
 * seen right before {@code h w} (an n-gram at the very start of a sequence counts one virtual predecessor, so
 * every seen n-gram has a count of at least 1). {@code c(h ·)} sums {@code c(h w)} over {@code w} and
 * {@code T(h)} is the number of distinct {@code w} with {@code c(h w) > 0}. When {@code c(h ·) = 0} the level
 * passes {@code P_{k-1}(w | h')} through unchanged. The discount is {@code D_k = n1 / (n1 + 2 n2)} from the
 * count-of-counts of raw {@code k}-grams, clamped to [0.1, 0.9]. Every level is a proper distribution over the
 * {@code V} ids, so probabilities are never 0.
 *
 * <p>Targets are every position but the first of each training sequence (so a leading BOS is context only).
 * Immutable and thread-safe.
 */
public final class NGramModel implements TokenModel {
    private final int order;
    private final int vocabSize;
    private final int bits;
    private final double[] discount; // [k], k = 1..order
    private final Map<Long, Long>[] raw; // [k]: key(h w) -> count
    private final Map<Long, long[]>[] rawHistory; // [k]: key(h) -> {c(h ·), T(h)}
    private final Map<Long, Long>[] continuation; // [k] for k < order
    private final Map<Long, long[]>[] continuationHistory;

    @SuppressWarnings("unchecked")
    private NGramModel(int order, int vocabSize) {
        this.order = order;
        this.vocabSize = vocabSize;
        this.bits = 32 - Integer.numberOfLeadingZeros(vocabSize);
        this.discount = new double[order + 1];
        this.raw = new Map[order + 1];
        this.rawHistory = new Map[order + 1];
        this.continuation = new Map[order + 1];
        this.continuationHistory = new Map[order + 1];
        for (int k = 1; k <= order; k++) {
            raw[k] = new HashMap<>();
            rawHistory[k] = new HashMap<>();
            continuation[k] = new HashMap<>();
            continuationHistory[k] = new HashMap<>();
        }
    }

    /** Fits the model on {@code sequences} (ids in {@code 0 .. vocabSize-1}); {@code order} ids per n-gram. */
    public static NGramModel fit(int order, int vocabSize, List<int[]> sequences) {
        if (order < 1) {
            throw new IllegalArgumentException("order must be >= 1, got " + order);
        }
        if (vocabSize < 1) {
            throw new IllegalArgumentException("vocabSize must be >= 1, got " + vocabSize);
        }
        int bits = 32 - Integer.numberOfLeadingZeros(vocabSize);
        if ((long) order * bits > 63) {
            throw new IllegalArgumentException("order " + order + " with vocabSize " + vocabSize
                    + " does not fit a 63-bit key (" + order * bits + " bits)");
        }
        NGramModel m = new NGramModel(order, vocabSize);
        for (int[] s : sequences) {
            for (int i = 1; i < s.length; i++) {
                checkId(s[i], vocabSize);
                for (int k = 1; k <= order && i - k + 1 >= 0; k++) {
                    m.raw[k].merge(m.key(s, i - k + 1, i + 1), 1L, Long::sum);
                }
            }
            checkId(s.length > 0 ? s[0] : 0, vocabSize);
        }
        // Continuation counts of k-grams (k < order): distinct predecessors, read off the raw (k+1)-grams;
        // k-grams that start a sequence get one virtual predecessor.
        for (int k = 1; k < order; k++) {
            for (Long kPlus1 : m.raw[k + 1].keySet()) {
                m.continuation[k].merge(kPlus1 & m.mask(k), 1L, Long::sum);
            }
        }
        // (k = 1 needs none: its target would be position 0, never a target.)
        for (int k = 2; k < order; k++) {
            Set<Long> counted = new HashSet<>();
            for (int[] s : sequences) {
                if (k <= s.length) {
                    m.startSeen(k, m.key(s, 0, k), counted);
                }
            }
        }
        for (int k = 1; k <= order; k++) {
            summarise(m.raw[k], m.rawHistory[k], m.bits);
            summarise(m.continuation[k], m.continuationHistory[k], m.bits);
            m.discount[k] = discount(m.raw[k]);
        }
        return m;
    }

    /** Gives the sequence-initial k-gram {@code key} its one virtual predecessor (once, however often it starts). */
    private void startSeen(int k, long key, Set<Long> counted) {
        if (counted.add(key)) {
            continuation[k].merge(key, 1L, Long::sum);
        }
    }

    private static void summarise(Map<Long, Long> counts, Map<Long, long[]> histories, int bits) {
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            long[] h = histories.computeIfAbsent(e.getKey() >>> bits, x -> new long[2]);
            h[0] += e.getValue();
            h[1]++;
        }
    }

    private static double discount(Map<Long, Long> counts) {
        long n1 = 0;
        long n2 = 0;
        for (long c : counts.values()) {
            n1 += c == 1 ? 1 : 0;
            n2 += c == 2 ? 1 : 0;
        }
        double d = n1 + n2 == 0 ? 0.5 : n1 / (n1 + 2.0 * n2);
        return Math.max(0.1, Math.min(0.9, d));
    }

    @Override
    public double probability(int[] tokens, int start, int position) {
        checkId(tokens[position], vocabSize);
        int k = Math.min(order, position - start + 1);
        return probability(tokens, position, k, true);
    }

    /** {@code P_k(tokens[position] | the k-1 ids before it)}; {@code top} selects raw counts. */
    private double probability(int[] tokens, int position, int k, boolean top) {
        if (k == 0) {
            return 1.0 / vocabSize;
        }
        double lower = probability(tokens, position, k - 1, false);
        Map<Long, Long> counts = top ? raw[k] : continuation[k];
        Map<Long, long[]> histories = top ? rawHistory[k] : continuationHistory[k];
        long key = key(tokens, position - k + 1, position + 1);
        long[] h = histories.get(key >>> bits);
        if (h == null) {
            return lower;
        }
        double d = discount[k];
        long c = counts.getOrDefault(key, 0L);
        return (Math.max(c - d, 0) + d * h[1] * lower) / h[0];
    }

    /** Discount of order {@code k}, 1..order. */
    public double discount(int k) {
        return discount[k];
    }

    public int order() {
        return order;
    }

    @Override
    public String name() {
        return order + "-gram (interpolated Kneser-Ney)";
    }

    private long key(int[] s, int from, int to) {
        long key = 0;
        for (int i = from; i < to; i++) {
            key = (key << bits) | s[i];
        }
        return key;
    }

    private long mask(int k) {
        return k * bits >= 64 ? -1L : (1L << (k * bits)) - 1;
    }

    static void checkId(int id, int vocabSize) {
        if (id < 0 || id >= vocabSize) {
            throw new IllegalArgumentException("token id must be in 0.." + (vocabSize - 1) + ", got " + id);
        }
    }
}
