package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz test of the decoder guarantee: for every registered tokenizer, {@code decode} of any id
 * array (out-of-range ids included) returns a score and a report and never throws, and the grammar
 * scores the same ids without throwing. The input bytes are read as little-endian ints, so a seed is
 * simply an encoded piece's ids.
 *
 * <p>Seeds: the ids of the first 8 bars of {@code SyntheticCorpus.generate(7, 2)} pieces encoded by
 * each registered tokenizer with its default config, as little-endian int32.
 *
 * <p>Regression mode (plain {@code ./mvnw verify}) replays
 * {@code src/test/resources/org/partita/tokenizers/DecodeFuzzTestInputs/}; fuzzing mode:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl tokenizers -am test -Dtest=DecodeFuzzTest -Djunit.jupiter.execution.timeout.mode=disabled}
 * (see docs/fuzzing.md).
 */
class DecodeFuzzTest {

    private static final List<Tokenizer> TOKENIZERS = TokenizerRegistry.standard().names().stream()
            .map(name -> TokenizerRegistry.standard().createDefault(name))
            .toList();

    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    @FuzzTest(maxDuration = "5m")
    void decodeOfAnyIdsNeverThrowsForAnyTokenizer(byte[] input) {
        ByteBuffer buffer = ByteBuffer.wrap(input).order(ByteOrder.LITTLE_ENDIAN);
        int[] raw = new int[input.length / 4];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = buffer.getInt();
        }
        for (Tokenizer tokenizer : TOKENIZERS) {
            int size = tokenizer.vocabulary().size();
            // Mostly valid ids (so the decoder's deep paths are reached), some far out of range.
            int[] ids = new int[raw.length];
            for (int i = 0; i < raw.length; i++) {
                ids[i] = (raw[i] & 0x7) == 0 ? raw[i] : Math.floorMod(raw[i], size + 2);
            }
            Decoded decoded = tokenizer.decode(ids);
            assertNotNull(decoded.score(), tokenizer.name());
            assertNotNull(decoded.report(), tokenizer.name());
            double errorRate = tokenizer.grammar().errorRate(ids);
            assertTrue(errorRate >= 0 && errorRate <= 1, tokenizer.name() + " error rate " + errorRate);
            if (ids.length == 0) {
                assertEquals(0, decoded.score().noteCount(), tokenizer.name());
            }
        }
    }
}
