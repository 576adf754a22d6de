package org.partita.tokenizers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Tokenizers by name, each made from its saved configuration (a MidiTok {@code tokenizer.json} text
 * for REMI). Immutable and thread-safe; {@link #standard()} holds the tokenizers of this module, and
 * {@link #with} returns a copy with one more (how another tokenizer plugs in).
 */
public final class TokenizerRegistry {

    private final Map<String, Function<String, Tokenizer>> factories;
    private final Map<String, String> defaultConfigs;

    private TokenizerRegistry(Map<String, Function<String, Tokenizer>> factories, Map<String, String> defaultConfigs) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
        this.defaultConfigs = Collections.unmodifiableMap(new LinkedHashMap<>(defaultConfigs));
    }

    /**
     * The tokenizers of this module: {@code REMI}, {@code TSD}, {@code MMT}, each with its default
     * configuration ({@link #defaultConfigJson}); every factory also takes the text of
     * {@link Tokenizer#configJson()}.
     */
    public static TokenizerRegistry standard() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("REMI", org.partita.tokenizers.remi.RemiConfigJson.toJson(org.partita.tokenizers.remi.RemiConfig.defaults()));
        d.put("TSD", org.partita.tokenizers.tsd.TsdConfigJson.toJson(org.partita.tokenizers.remi.RemiConfig.defaults()));
        d.put("MMT", org.partita.tokenizers.mmt.MmtConfigJson.toJson(org.partita.tokenizers.mmt.MmtConfig.defaults()));
        Map<String, Function<String, Tokenizer>> m = new LinkedHashMap<>();
        m.put("REMI", json -> org.partita.tokenizers.remi.RemiTokenizer.of(
                org.partita.tokenizers.remi.RemiConfigJson.fromJson(json)));
        m.put("TSD", json -> org.partita.tokenizers.tsd.TsdTokenizer.of(
                org.partita.tokenizers.tsd.TsdConfigJson.fromJson(json)));
        m.put("MMT", json -> org.partita.tokenizers.mmt.MmtTokenizer.of(
                org.partita.tokenizers.mmt.MmtConfigJson.fromJson(json)));
        return new TokenizerRegistry(m, d);
    }

    /** A copy that also knows {@code name}; its default configuration text is {@code "{}"}. */
    public TokenizerRegistry with(String name, Function<String, Tokenizer> factory) {
        return with(name, factory, "{}");
    }

    /** A copy that also knows {@code name}, made by default from {@code defaultConfigJson}. */
    public TokenizerRegistry with(String name, Function<String, Tokenizer> factory, String defaultConfigJson) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(defaultConfigJson, "defaultConfigJson");
        Map<String, Function<String, Tokenizer>> m = new LinkedHashMap<>(factories);
        m.put(name, factory);
        Map<String, String> d = new LinkedHashMap<>(defaultConfigs);
        d.put(name, defaultConfigJson);
        return new TokenizerRegistry(m, d);
    }

    /** The configuration text {@code name} is made from by default. */
    public String defaultConfigJson(String name) {
        String json = defaultConfigs.get(name);
        if (json == null) {
            throw new IllegalArgumentException("unknown tokenizer '" + name + "', known: " + factories.keySet());
        }
        return json;
    }

    /** The tokenizer {@code name} with its default configuration. */
    public Tokenizer createDefault(String name) {
        return create(name, defaultConfigJson(name));
    }

    public Set<String> names() {
        return factories.keySet();
    }

    /**
     * Makes a tokenizer from a saved configuration text ({@link Tokenizer#configJson()}, or a MidiTok
     * {@code tokenizer.json}), choosing the tokenizer by the text's top-level {@code "tokenization"} field.
     *
     * @throws IllegalArgumentException when the text is not a JSON object, has no {@code "tokenization"}
     *     string, names an unknown tokenizer, or its configuration is refused (the message says which)
     */
    public Tokenizer fromSavedJson(String configJson) {
        Objects.requireNonNull(configJson, "configJson");
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(configJson);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("tokenizer config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tokenizer config must be a JSON object");
        }
        com.fasterxml.jackson.databind.JsonNode tokenization = root.get("tokenization");
        if (tokenization == null || !tokenization.isTextual()) {
            throw new IllegalArgumentException("tokenizer config has no \"tokenization\" name (one of "
                    + factories.keySet() + "), got " + tokenization);
        }
        return create(tokenization.asText(), configJson);
    }

    /** Makes the tokenizer {@code name} from its configuration text. */
    public Tokenizer create(String name, String configJson) {
        Function<String, Tokenizer> f = factories.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown tokenizer '" + name + "', known: " + factories.keySet());
        }
        return f.apply(configJson);
    }
}
