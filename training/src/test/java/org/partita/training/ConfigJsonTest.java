package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfigJsonTest {
    @Test
    void transformerConfigRoundTripsThroughJson() {
        TransformerConfig c = TransformerConfig.defaults().withPositionalEncoding(PositionalEncoding.ROTARY).withTiedHead(false);
        assertEquals(c, TransformerConfig.fromJson(c.toJson()));
    }

    @Test
    void trainAndGenerationConfigsRoundTripThroughJson() {
        TrainConfig t = TrainConfig.defaults().withSeed(7).withThreads(2);
        assertEquals(t, TrainConfig.fromJson(t.toJson()));
        GenerationConfig g = GenerationConfig.defaults().withTopK(5).withSamples(4);
        assertEquals(g, GenerationConfig.fromJson(g.toJson()));
    }

    @Test
    void unknownKeyIsRejectedNamingIt() {
        String json = TransformerConfig.defaults().toJson().replace("{", "{\"widht\": 3,");
        var e = assertThrows(IllegalArgumentException.class, () -> TransformerConfig.fromJson(json));
        assertTrue(e.getMessage().contains("widht"), e.getMessage());
    }

    @Test
    void missingKeyIsRejected() {
        String json = TransformerConfig.defaults().toJson().replaceAll("\"layers\" *: *4,", "");
        assertThrows(IllegalArgumentException.class, () -> TransformerConfig.fromJson(json));
    }

    @Test
    void invalidValueIsRejectedWithTheValue() {
        String json = TransformerConfig.defaults().toJson().replaceAll("\"heads\" *: *4", "\"heads\": 3");
        var e = assertThrows(IllegalArgumentException.class, () -> TransformerConfig.fromJson(json));
        assertTrue(e.getMessage().contains("width 256, heads 3"), e.getMessage());
    }

    @Test
    void rotaryNeedsAnEvenHeadWidth() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new TransformerConfig(10, 8, 12, 1, 4, 0, PositionalEncoding.ROTARY, true));
        assertTrue(e.getMessage().contains("= 3"), e.getMessage());
    }

    @Test
    void scheduleWarmsUpLinearlyThenDecaysToTheMinimum() {
        TrainConfig t = TrainConfig.defaults().withSteps(100).withWarmupSteps(10).withLearningRate(1e-3).withMinLearningRate(1e-4);
        assertEquals(1e-4, t.learningRateAt(1), 1e-12);
        assertEquals(1e-3, t.learningRateAt(10), 1e-12);
        assertEquals(5.5e-4, t.learningRateAt(55), 1e-12);
        assertEquals(1e-4, t.learningRateAt(100), 1e-12);
    }
}
