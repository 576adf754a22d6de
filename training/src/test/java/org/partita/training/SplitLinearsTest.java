package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Linears split over two threads: the caller's half and the helper's half join into the whole product. */
class SplitLinearsTest {
    @Test
    void splitProductEqualsTheWholeProductAndSmallMatricesStayWhole() {
        try (NDManager m = DjlRuntime.engine(1).newBaseManager()) {
            Map<String, NDArray> params = new LinkedHashMap<>();
            params.put("big.w", m.randomUniform(-1, 1, new Shape(1025, 256))); // odd row count: unequal halves
            params.put("big.b", m.randomUniform(-1, 1, new Shape(1025)));
            params.put("small.w", m.randomUniform(-1, 1, new Shape(16, 16)));
            NDArray head = m.randomUniform(-1, 1, new Shape(40, 256));
            NDArray x = m.randomUniform(-1, 1, new Shape(2, 256));
            try (SplitLinears split = new SplitLinears(params, "head", head)) {
                assertTrue(split.has("big"));
                assertTrue(split.has("head"));
                assertFalse(split.has("small"), "below the size worth splitting");
                for (int round = 0; round < 50; round++) { // many hand-overs between the two threads
                    NDArray whole = x.getNDArrayInternal().linear(x, params.get("big.w"), params.get("big.b")).get(0);
                    assertArrayEquals(whole.toFloatArray(), split.linear(x, "big").toFloatArray(), 1e-5f);
                }
                NDArray logits = x.getNDArrayInternal().linear(x, head, null).get(0);
                NDArray splitLogits = split.linear(x, "head");
                assertEquals(new Shape(2, 40), splitLogits.getShape());
                assertArrayEquals(logits.toFloatArray(), splitLogits.toFloatArray(), 1e-5f);
            }
        }
    }

    @Test
    void twoThreadDecodingGivesTheTokensAndLogitsOfFullRecomputation() {
        // Width 256 so that the MLP and qkv matrices are split; one sample so that decoding steps use the split.
        TransformerConfig c = new TransformerConfig(50, 32, 256, 1, 4, 0.0, PositionalEncoding.LEARNED, true);
        GenerationConfig cfg = GeneratorTest.SAMPLE.withSamples(1).withMaxNewTokens(45);
        try (TransformerModel model = TransformerModel.create(c, 8)) {
            DjlRuntime.engine(2);
            Generator g = new Generator(model, 1, 2);
            List<float[][]> cachedTrace = new ArrayList<>();
            List<float[][]> fullTrace = new ArrayList<>();
            int[] cached = g.generate(new int[] {1, 7}, cfg.withKvCache(true), null, cachedTrace).get(0);
            int[] full = g.generate(new int[] {1, 7}, cfg.withKvCache(false), null, fullTrace).get(0);
            assertEquals(2, DjlRuntime.threads(), "configured threads restored after decoding");
            assertArrayEquals(full, cached);
            for (int s = 0; s < fullTrace.size(); s++) {
                assertArrayEquals(fullTrace.get(s)[0], cachedTrace.get(s)[0], 1e-5f, "step " + s);
            }
        } finally {
            DjlRuntime.engine(1);
        }
    }
}
