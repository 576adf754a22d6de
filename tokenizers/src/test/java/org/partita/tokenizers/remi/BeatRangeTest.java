package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.partita.tokenizers.TokenizerRegistry;

class BeatRangeTest {

    @Test
    void rangeGivingMoreTimeValuesThanTheLimitIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BeatRange(0, 100_000, 1000));
        assertEquals("beat range 0_100000 at 1000 positions per beat gives 100000000 time values (tokens), above the "
                + "limit of 65536", e.getMessage());
    }

    @Test
    void rangeAtTheLimitIsAccepted() {
        assertEquals(BeatRange.MAX_TIME_VALUES, (new BeatRange(0, 64, 1024).endBeat()) * 1024);
    }

    @Test
    void hugeBeatResInASavedConfigIsRefusedBeforeAVocabularyIsBuilt() {
        String json = TokenizerRegistry.standard().createDefault("REMI").configJson()
                .replaceFirst("\"beat_res\"\\s*:\\s*\\{[^}]*\\}", "\"beat_res\":{\"0_100000\":1000}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson(json));
        assertEquals(true, e.getMessage().contains("above the limit of 65536"), e.getMessage());
    }
}
