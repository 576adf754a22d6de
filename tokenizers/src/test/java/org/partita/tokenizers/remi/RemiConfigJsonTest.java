package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RemiConfigJsonTest {

    @Test
    void savedDefaultsLoadBackEqual() {
        RemiConfig c = RemiConfig.defaults();
        RemiConfig back = RemiConfigJson.fromJson(RemiConfigJson.toJson(c));
        assertTrue(c.sameModelledFields(back));
        assertEquals(RemiTokenizer.of(c).vocabulary(), RemiTokenizer.of(back).vocabulary());
    }

    @Test
    void savedFileCarriesMidiToksTopLevelKeys() {
        String json = RemiConfigJson.toJson(RemiConfig.defaults());
        assertTrue(json.contains("\"tokenization\" : \"REMI\""), json);
        assertTrue(json.contains("\"0_4\" : 8"), json);
        assertTrue(json.contains("\"time_signature_range\""), json);
    }

    @Test
    void unknownConfigKeyIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemiConfigJson.fromJson("{\"config\": {\"pitch_rnage\": [21, 109]}, \"tokenization\": \"REMI\"}"));
        assertTrue(e.getMessage().contains("pitch_rnage"), e.getMessage());
    }

    @Test
    void knownButUnsupportedFeatureIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemiConfigJson.fromJson("{\"config\": {\"use_programs\": true, \"use_sustain_pedals\": true}}"));
        assertTrue(e.getMessage().contains("use_sustain_pedals"), e.getMessage());
    }

    @Test
    void knownUnmodelledKeysArePreservedOnSave() {
        RemiConfig c = RemiConfigJson.fromJson("{\"config\": {\"use_programs\": true, \"max_pitch_interval\": 12}}");
        assertTrue(RemiConfigJson.toJson(c).contains("\"max_pitch_interval\" : 12"));
    }

    @Test
    void specialTokensAreNormalisedAsMidiTokDoes() {
        assertEquals("PAD_None", RemiConfigJson.normaliseSpecial("PAD"));
        assertEquals("A-B_C", RemiConfigJson.normaliseSpecial("A_B_C"));
    }

    @Test
    void invalidValuesNameTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RemiConfig.defaults().withNumVelocities(0));
        assertTrue(e.getMessage().contains("got 0"), e.getMessage());
    }

    @Test
    void tempoTokensFollowMidiToksBinsAndFormatting() {
        RemiVocabulary v = new RemiVocabulary(RemiConfig.defaults());
        assertEquals("Tempo_121.29", v.vocabulary().token(v.tempoBase + v.defaultTempoBin()));
        assertEquals("Tempo_40.0", v.vocabulary().token(v.tempoBase));
    }
}
