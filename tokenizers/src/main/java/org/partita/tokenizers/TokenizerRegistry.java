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

    private TokenizerRegistry(Map<String, Function<String, Tokenizer>> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    /**
     * The tokenizers of this module: {@code REMI}, {@code TSD}, {@code MMT}. Every factory takes
     * {@code "{}"} as "the defaults", and the text of {@link Tokenizer#configJson()}.
     */
    public static TokenizerRegistry standard() {
        Map<String, Function<String, Tokenizer>> m = new LinkedHashMap<>();
        m.put("REMI", json -> org.partita.tokenizers.remi.RemiTokenizer.of(
                org.partita.tokenizers.remi.RemiConfigJson.fromJson(json)));
        m.put("TSD", json -> org.partita.tokenizers.tsd.TsdTokenizer.of(
                org.partita.tokenizers.tsd.TsdConfigJson.fromJson(json)));
        m.put("MMT", json -> org.partita.tokenizers.mmt.MmtTokenizer.of(
                org.partita.tokenizers.mmt.MmtConfigJson.fromJson(json)));
        return new TokenizerRegistry(m);
    }

    /** A copy that also knows {@code name}. */
    public TokenizerRegistry with(String name, Function<String, Tokenizer> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Map<String, Function<String, Tokenizer>> m = new LinkedHashMap<>(factories);
        m.put(name, factory);
        return new TokenizerRegistry(m);
    }

    public Set<String> names() {
        return factories.keySet();
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
