package org.partita.cli.pipeline;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.tokenizers.Decoded;

/**
 * What {@link Detokenization} did. Immutable.
 *
 * @param tokenizerName the tokenizer that decoded
 * @param what          the ids decoded, for people ("piece 3 (path) of corpus DIR", "ids.txt")
 * @param tokens        ids decoded
 * @param decoded       the score and the report of rule breaks
 * @param out           the MIDI file written
 */
public record DetokenizeResult(String tokenizerName, String what, int tokens, Decoded decoded, Path out) {
    public DetokenizeResult {
        Objects.requireNonNull(decoded, "decoded");
        Objects.requireNonNull(out, "out");
    }
}
