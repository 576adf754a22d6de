package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

/**
 * Which tokenizer a command uses: the one saved in a config file (its {@code "tokenization"} field names
 * it), or a standard tokenizer by name with its default config, REMI when nothing is said. Immutable.
 *
 * @param configFile a saved {@code tokenizer.json}, or null
 * @param name       a {@link TokenizerRegistry#standard()} name, or null; with a config file it must
 *                   agree with the file
 */
public record TokenizerChoice(Path configFile, String name) {

    /** The tokenizer used when neither a config nor a name is given. */
    public static final String DEFAULT_NAME = "REMI";

    public TokenizerChoice {
        if (name != null && !TokenizerRegistry.standard().names().contains(name)) {
            throw new IllegalArgumentException("unknown tokenizer '" + name + "', known: "
                    + TokenizerRegistry.standard().names());
        }
    }

    /**
     * Makes the tokenizer.
     *
     * @throws IOException when the config file cannot be read
     * @throws IllegalArgumentException when the config is refused, or names another tokenizer than {@code name}
     */
    public Tokenizer load() throws IOException {
        TokenizerRegistry registry = TokenizerRegistry.standard();
        if (configFile == null) {
            return registry.createDefault(name == null ? DEFAULT_NAME : name);
        }
        String json;
        try {
            json = InputFile.readString(configFile, Limits.defaults().inputBytes());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--config " + e.getMessage(), e);
        }
        Tokenizer tokenizer;
        try {
            tokenizer = registry.fromSavedJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(configFile + ": " + e.getMessage(), e);
        }
        if (name != null && !name.equals(tokenizer.name())) {
            throw new IllegalArgumentException("--tokenizer " + name + " disagrees with " + configFile
                    + ", which is a " + tokenizer.name() + " config");
        }
        return tokenizer;
    }
}
