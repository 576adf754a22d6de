package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransformerModelTest {
    static TransformerConfig tiny(PositionalEncoding pe) {
        return new TransformerConfig(40, 24, 32, 2, 4, 0.0, pe, pe == PositionalEncoding.LEARNED);
    }

    static int[] randomIds(int n, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = r.nextInt(vocab);
        }
        return ids;
    }

    @ParameterizedTest
    @EnumSource(PositionalEncoding.class)
    void futureTokensNeverChangePastLogits(PositionalEncoding pe) {
        try (TransformerModel model = TransformerModel.create(tiny(pe), 7)) {
            int[] a = randomIds(20, 40, 1);
            int[] b = a.clone();
            for (int i = 12; i < b.length; i++) {
                b[i] = (b[i] + 1 + i) % 40; // change the future only
            }
            float[][] la = model.logits(a);
            float[][] lb = model.logits(b);
            for (int t = 0; t < 12; t++) {
                assertArrayEquals(la[t], lb[t], 1e-6f, "position " + t);
            }
            boolean changed = false;
            for (int v = 0; v < 40; v++) {
                changed |= Math.abs(la[12][v] - lb[12][v]) > 1e-4;
            }
            assertTrue(changed, "changing token 12 must change logits at 12 (the test must be able to fail)");
        }
    }

    @ParameterizedTest
    @EnumSource(PositionalEncoding.class)
    void attentionRowsSumToOneWithNothingAboveTheDiagonal(PositionalEncoding pe) {
        try (TransformerModel model = TransformerModel.create(tiny(pe), 3)) {
            float[][][][] att = model.attention(randomIds(16, 40, 2));
            assertEquals(2, att.length);
            assertEquals(4, att[0].length);
            for (float[][][] layer : att) {
                for (float[][] head : layer) {
                    for (int q = 0; q < 16; q++) {
                        double sum = 0;
                        for (int k = 0; k < 16; k++) {
                            if (k > q) {
                                assertEquals(0f, head[q][k], "above diagonal at " + q + "," + k);
                            }
                            sum += head[q][k];
                        }
                        assertEquals(1.0, sum, 1e-5, "row " + q);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PositionalEncoding.class)
    void savedParametersLoadToIdenticalLogits(PositionalEncoding pe, @TempDir Path dir) throws Exception {
        int[] ids = randomIds(10, 40, 5);
        Path file = dir.resolve("params.bin");
        float[][] before;
        try (TransformerModel model = TransformerModel.create(tiny(pe), 11)) {
            before = model.logits(ids);
            model.save(file);
        }
        try (TransformerModel loaded = TransformerModel.load(tiny(pe), file)) {
            float[][] after = loaded.logits(ids);
            for (int t = 0; t < ids.length; t++) {
                assertArrayEquals(before[t], after[t], 0f);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PositionalEncoding.class)
    void attentionInQueryHalvesGivesTheLogitsOfOneFullBlock(PositionalEncoding pe) {
        // Long enough (odd, 101 >= 64) that logits() takes the two-halves path; keeping the weights forces one block.
        TransformerConfig c = new TransformerConfig(40, 128, 32, 2, 4, 0.0, pe, false);
        int[] ids = randomIds(101, 40, 9);
        try (TransformerModel model = TransformerModel.create(c, 3);
             ai.djl.ndarray.NDManager scope = model.newScope()) {
            float[][] halves = model.logits(ids);
            float[] whole = model.forward(scope, model.toBatch(scope, new int[][] {ids}), 0, null, null, true, false)
                    .logits().toFloatArray();
            for (int t = 0; t < ids.length; t++) {
                float[] row = java.util.Arrays.copyOfRange(whole, t * 40, (t + 1) * 40);
                assertArrayEquals(row, halves[t], 1e-5f, "position " + t);
            }
        }
    }
}
