package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class GeneratorTest {
    static final GenerationConfig SAMPLE = GenerationConfig.defaults().withMaxNewTokens(40).withTemperature(1.0)
            .withTopK(0).withTopP(1.0).withSamples(3).withStopAtEos(false).withSeed(9);

    @ParameterizedTest
    @EnumSource(PositionalEncoding.class)
    void kvCacheGivesTheSameLogitsAndTokensAsFullRecomputation(PositionalEncoding pe) {
        // 40 new tokens after a 5-token prompt with context 24: the window restarts twice.
        try (TransformerModel model = TransformerModel.create(TransformerModelTest.tiny(pe), 21)) {
            Generator g = new Generator(model, 1, 2);
            int[] prompt = {1, 5, 9, 13, 17};
            List<float[][]> cachedTrace = new ArrayList<>();
            List<float[][]> fullTrace = new ArrayList<>();
            List<int[]> cached = g.generate(prompt, SAMPLE.withKvCache(true), null, cachedTrace);
            List<int[]> full = g.generate(prompt, SAMPLE.withKvCache(false), null, fullTrace);
            assertEquals(3, cached.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(40, cached.get(i).length);
                assertArrayEquals(full.get(i), cached.get(i), "sample " + i);
            }
            assertEquals(fullTrace.size(), cachedTrace.size());
            for (int s = 0; s < fullTrace.size(); s++) {
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(fullTrace.get(s)[i], cachedTrace.get(s)[i], 1e-5f, "step " + s + " sample " + i);
                }
            }
        }
    }

    @Test
    void sameSeedSameSamplesOtherSeedOtherSamples() {
        try (TransformerModel model = TransformerModel.create(TransformerModelTest.tiny(PositionalEncoding.ROTARY), 4)) {
            Generator g = new Generator(model, 1, 2);
            List<int[]> a = g.generate(new int[0], SAMPLE, null);
            List<int[]> b = g.generate(new int[0], SAMPLE, null);
            List<int[]> c = g.generate(new int[0], SAMPLE.withSeed(10), null);
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(a.get(i), b.get(i));
            }
            assertFalse(java.util.Arrays.equals(a.get(0), c.get(0)));
            assertFalse(java.util.Arrays.equals(a.get(0), a.get(1)), "samples of one batch differ");
        }
    }

    @Test
    void maskedIdsAreNeverSampled() {
        try (TransformerModel model = TransformerModel.create(TransformerModelTest.tiny(PositionalEncoding.LEARNED), 5)) {
            Generator g = new Generator(model, 1, 2);
            LogitsMask evenAfterOdd = ids -> {
                BitSet allowed = new BitSet();
                for (int id = ids[ids.length - 1] % 2 == 1 ? 0 : 1; id < 40; id += 2) {
                    allowed.set(id);
                }
                return allowed;
            };
            for (int[] s : g.generate(new int[] {1}, SAMPLE.withMaxNewTokens(30), evenAfterOdd)) {
                int previous = 1;
                for (int id : s) {
                    assertTrue(id % 2 != previous % 2, "parity must alternate: " + java.util.Arrays.toString(s));
                    previous = id;
                }
            }
        }
    }

    @Test
    void generationStopsAtEosAndKeepsIt() {
        try (TransformerModel model = TransformerModel.create(TransformerModelTest.tiny(PositionalEncoding.LEARNED), 6)) {
            Generator g = new Generator(model, 1, 2);
            LogitsMask eosAfterThree = ids -> {
                BitSet allowed = new BitSet();
                if (ids.length >= 4) {
                    allowed.set(2);
                } else {
                    allowed.set(3, 40);
                }
                return allowed;
            };
            List<int[]> out = g.generate(new int[] {1}, SAMPLE.withStopAtEos(true), eosAfterThree);
            for (int[] s : out) {
                assertEquals(4, s.length);
                assertEquals(2, s[3]);
            }
        }
    }
}
