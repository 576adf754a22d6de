package org.partita.training.baseline;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NGramModelTest {
    private static final List<int[]> ONE = List.of(new int[] {1, 3, 3, 2});

    @Test
    void unigramAddsOneToEveryTargetCountAndSkipsTheLeadingBos() {
        UnigramModel m = UnigramModel.fit(4, ONE);
        // targets 3, 3, 2: N = 3, V = 4
        assertEquals(3.0 / 7, m.probability(new int[] {3}, 0, 0), 1e-12);
        assertEquals(2.0 / 7, m.probability(new int[] {2}, 0, 0), 1e-12);
        assertEquals(1.0 / 7, m.probability(new int[] {1}, 0, 0), 1e-12);
        assertEquals(1.0 / 7, m.probability(new int[] {0}, 0, 0), 1e-12);
    }

    @Test
    void bigramMatchesAHandComputedKneserNeyValue() {
        NGramModel m = NGramModel.fit(2, 4, ONE);
        // raw unigram counts {3:2, 2:1}: n1 = 1, n2 = 1, D1 = 1/3; raw bigrams all once: D2 = 1 -> clamped 0.9.
        assertEquals(1.0 / 3, m.discount(1), 1e-12);
        assertEquals(0.9, m.discount(2), 1e-12);
        // continuation counts: 3 follows {1, 3} -> 2, 2 follows {3} -> 1; total 3, 2 types.
        double p1 = (2 - 1.0 / 3 + 1.0 / 3 * 2 * 0.25) / 3; // 11/18
        assertEquals(11.0 / 18, p1, 1e-12);
        // history [1]: c(1 ·) = 1, one type; P(3 | 1) = (1 - 0.9 + 0.9 * 1 * 11/18) / 1
        assertEquals(0.1 + 0.9 * 11.0 / 18, m.probability(new int[] {1, 3}, 0, 1), 1e-12);
        // unseen history [2] passes the lower order through
        assertEquals(11.0 / 18, m.probability(new int[] {2, 3}, 0, 1), 1e-12);
        // a target with no context (window start) uses the raw unigram counts: (2 - 1/3 + 1/3 * 2 / 4) / 3
        assertEquals((2 - 1.0 / 3 + 1.0 / 3 * 2 / 4) / 3, m.probability(new int[] {3}, 0, 0), 1e-12);
    }

    @Test
    void everyOrderIsAProbabilityDistributionOverTheVocabulary() {
        SplittableRandom rng = new SplittableRandom(7);
        int vocab = 12;
        List<int[]> train = new java.util.ArrayList<>();
        for (int s = 0; s < 30; s++) {
            int[] seq = new int[2 + rng.nextInt(40)];
            seq[0] = 1;
            for (int i = 1; i < seq.length; i++) {
                seq[i] = 2 + (seq[i - 1] + rng.nextInt(3)) % (vocab - 2);
            }
            train.add(seq);
        }
        NGramModel m = NGramModel.fit(4, vocab, train);
        int[][] contexts = {{1}, {1, 5}, {1, 5, 6}, {4, 5, 6, 7}, {11, 11, 11, 11}, {0, 0, 0, 0}};
        for (int[] context : contexts) {
            double sum = 0;
            for (int w = 0; w < vocab; w++) {
                int[] s = java.util.Arrays.copyOf(context, context.length + 1);
                s[context.length] = w;
                double p = m.probability(s, 0, context.length);
                assertTrue(p > 0, "p > 0 for " + w);
                sum += p;
            }
            assertEquals(1.0, sum, 1e-9, "sum over the vocabulary after " + java.util.Arrays.toString(context));
        }
    }

    @Test
    void aLongerContextPredictsARepeatingPatternBetter() {
        int[] seq = new int[400];
        seq[0] = 1;
        for (int i = 1; i < seq.length; i++) {
            seq[i] = 2 + (i % 5);
        }
        List<int[]> train = List.of(seq);
        double uni = Perplexity.of(UnigramModel.fit(8, train), train, 0).perplexity();
        double four = Perplexity.of(NGramModel.fit(4, 8, train), train, 0).perplexity();
        assertEquals(5.0, uni, 0.2);
        assertTrue(four < 1.2, "4-gram perplexity on a period-5 pattern " + four);
    }

    @Test
    void perplexitySkipsPadTargetsAndTheFirstPosition() {
        UnigramModel m = UnigramModel.fit(4, ONE);
        Perplexity p = Perplexity.of(m, List.of(new int[] {1, 3, 2, 0, 0}), 0);
        assertEquals(2, p.tokens());
        assertEquals(-(Math.log(3.0 / 7) + Math.log(2.0 / 7)) / 2, p.lossNats(), 1e-12);
    }

    @Test
    void rejectsAnOrderWhoseKeysDoNotFitSixtyThreeBits() {
        var e = assertThrows(IllegalArgumentException.class, () -> NGramModel.fit(5, 65536, ONE));
        assertTrue(e.getMessage().contains("order 5"), e.getMessage());
    }
}
