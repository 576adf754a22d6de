package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the tokenizer config parser ({@code tokenizer.json}, a user's {@code --config}): any text gives a
 * tokenizer or an {@link IllegalArgumentException}, never another exception, an out-of-memory error or a hang; a
 * config that is accepted has a vocabulary of at most a few hundred thousand tokens (a {@code beat_res} of
 * {@code {"0_100000": 1000}} is refused, not built), and reading its own saved JSON gives the same tokenizer.
 *
 * <p>Seeds: the default config of every registered tokenizer, in
 * {@code src/test/resources/org/partita/tokenizers/TokenizerConfigFuzzTestInputs/}. Fuzzing mode:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl tokenizers -am test -Dtest=TokenizerConfigFuzzTest
 * -Djunit.jupiter.execution.timeout.mode=disabled} (see docs/fuzzing.md).
 */
class TokenizerConfigFuzzTest {

    /** Comfortably above every legal config's vocabulary; far below what would exhaust the heap. */
    private static final int MAX_VOCABULARY = 1 << 20;

    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest(maxDuration = "5m")
    void anyConfigTextGivesATokenizerOrAnIllegalArgument(byte[] input) {
        String json = new String(input, StandardCharsets.UTF_8);
        Tokenizer tokenizer;
        try {
            tokenizer = TokenizerRegistry.standard().fromSavedJson(json);
        } catch (IllegalArgumentException refused) {
            assertNotNull(refused.getMessage());
            return;
        }
        int size = tokenizer.vocabulary().size();
        assertTrue(size > 0 && size <= MAX_VOCABULARY, "vocabulary of " + size + " tokens from " + json);
        Tokenizer again = TokenizerRegistry.standard().fromSavedJson(tokenizer.configJson());
        assertTrue(again.vocabulary().size() == size, "saved config gives another vocabulary: " + json);
    }
}
