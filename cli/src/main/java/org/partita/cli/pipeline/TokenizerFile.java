package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

/**
 * Loads the {@code tokenizer.json} stored with a token corpus or a checkpoint: its {@code "tokenization"}
 * key names the tokenizer in {@link TokenizerRegistry#standard()}, the whole text is its configuration.
 */
public final class TokenizerFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TokenizerFile() {
    }

    /** The tokenizer saved in {@code file}; an IOException names the file and what is wrong. */
    public static Tokenizer load(Path file) throws IOException {
        String json = Files.readString(file);
        try {
            JsonNode name = MAPPER.readTree(json).path("tokenization");
            if (!name.isTextual()) {
                throw new IOException(file + ": no \"tokenization\" key naming the tokenizer (one of "
                        + TokenizerRegistry.standard().names() + ")");
            }
            return TokenizerRegistry.standard().create(name.asText(), json);
        } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
