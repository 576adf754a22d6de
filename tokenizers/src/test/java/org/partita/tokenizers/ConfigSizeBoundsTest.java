package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Config fields that set a vocabulary's size are bounded, so a saved config cannot ask for 10^8 tokens. */
class ConfigSizeBoundsTest {

    private static String withField(String tokenizer, String field, String value) {
        String json = TokenizerRegistry.standard().createDefault(tokenizer).configJson();
        String replaced = json.replaceFirst("\"" + field + "\"\\s*:\\s*[0-9]+", "\"" + field + "\":" + value);
        assertTrue(!replaced.equals(json), field + " not found in " + json);
        return replaced;
    }

    @Test
    void remiNumTemposAbove65536IsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson(withField("REMI", "num_tempos", "100000000")));
        assertTrue(e.getMessage().contains("num_tempos must be in 1..65536, got 100000000"), e.getMessage());
    }

    @Test
    void mmtResolutionAndMaxBeatAbove65536AreRefused() {
        IllegalArgumentException resolution = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson(withField("MMT", "resolution", "100000000")));
        assertTrue(resolution.getMessage().contains("resolution must be in 1..65536"), resolution.getMessage());
        IllegalArgumentException maxBeat = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson(withField("MMT", "max_beat", "100000000")));
        assertTrue(maxBeat.getMessage().contains("max_beat must be in 0..65536"), maxBeat.getMessage());
    }
}
