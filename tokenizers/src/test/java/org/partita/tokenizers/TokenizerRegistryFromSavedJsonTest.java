package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class TokenizerRegistryFromSavedJsonTest {

    static Iterable<String> names() {
        return TokenizerRegistry.standard().names();
    }

    @ParameterizedTest
    @MethodSource("names")
    void savedConfigOfEveryStandardTokenizerMakesTheSameTokenizerBack(String name) {
        TokenizerRegistry registry = TokenizerRegistry.standard();
        Tokenizer original = registry.createDefault(name);

        Tokenizer loaded = registry.fromSavedJson(original.configJson());

        assertEquals(name, loaded.name());
        assertEquals(original.vocabulary(), loaded.vocabulary());
    }

    @Test
    void configWithoutTokenizationFieldIsRefusedNamingTheKnownTokenizers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson("{\"config\": {}}"));
        assertTrue(e.getMessage().contains("tokenization") && e.getMessage().contains("REMI"), e.getMessage());
    }

    @Test
    void unknownTokenizationNameIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenizerRegistry.standard().fromSavedJson("{\"tokenization\": \"Octuple\"}"));
        assertTrue(e.getMessage().contains("Octuple"), e.getMessage());
    }
}
