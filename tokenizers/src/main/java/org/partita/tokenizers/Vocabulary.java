package org.partita.tokenizers;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Token strings ({@code "Type_Value"}, MidiTok's notation) and their ids {@code 0..size()-1}.
 * Immutable and thread-safe. Invariant: the strings are distinct; the id of a string is its index.
 */
public final class Vocabulary {

    private final List<String> tokens;
    private final Map<String, Integer> ids;

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        Map<String, Integer> map = new HashMap<>(tokens.size() * 2);
        for (int i = 0; i < this.tokens.size(); i++) {
            Integer previous = map.put(this.tokens.get(i), i);
            if (previous != null) {
                throw new IllegalArgumentException("duplicate token '" + this.tokens.get(i)
                        + "' at ids " + previous + " and " + i);
            }
        }
        this.ids = Collections.unmodifiableMap(map);
    }

    /** A vocabulary whose ids are the indexes in {@code tokens}. */
    public static Vocabulary of(List<String> tokens) {
        Objects.requireNonNull(tokens, "tokens");
        return new Vocabulary(tokens);
    }

    public int size() {
        return tokens.size();
    }

    /** The id of {@code token}, or -1 when it is not in the vocabulary. */
    public int id(String token) {
        Integer id = ids.get(token);
        return id == null ? -1 : id;
    }

    /** The token string of {@code id}; throws {@link IllegalArgumentException} when out of range. */
    public String token(int id) {
        if (id < 0 || id >= tokens.size()) {
            throw new IllegalArgumentException("token id must be in 0.." + (tokens.size() - 1) + ", got " + id);
        }
        return tokens.get(id);
    }

    /** True when {@code id} names a token. */
    public boolean contains(int id) {
        return id >= 0 && id < tokens.size();
    }

    /** All token strings in id order. */
    public List<String> tokens() {
        return tokens;
    }

    /** String to id, in id order (the form of MidiTok's {@code vocab}). */
    public Map<String, Integer> asMap() {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            map.put(tokens.get(i), i);
        }
        return Collections.unmodifiableMap(map);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Vocabulary v && v.tokens.equals(tokens);
    }

    @Override
    public int hashCode() {
        return tokens.hashCode();
    }

    @Override
    public String toString() {
        return "Vocabulary(" + tokens.size() + " tokens)";
    }
}
