package org.partita.tokenizers.miditok;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.partita.tokenizers.Vocabulary;

/**
 * Builds a vocabulary block by block, as MidiTok lists it: each block's tokens get consecutive ids
 * after the blocks added before it, and every id remembers the type of its block. Mutable: one
 * builder per vocabulary, not thread-safe; what it returns is not shared with it.
 *
 * @param <T> the tokenizer's token types
 */
public final class TokenBlocks<T extends Enum<T>> {

    private final List<String> tokens = new ArrayList<>();
    private final List<T> typeOfId = new ArrayList<>();

    /** Appends {@code block} as tokens of {@code type}; returns the id of its first token (its base). */
    public int add(T type, List<String> block) {
        int base = tokens.size();
        for (String token : block) {
            tokens.add(token);
            typeOfId.add(type);
        }
        return base;
    }

    /** The vocabulary of every block added so far. */
    public Vocabulary vocabulary() {
        return Vocabulary.of(tokens);
    }

    /** The type of each id, e.g. {@code types(Type[]::new)}. */
    public T[] types(IntFunction<T[]> newArray) {
        return typeOfId.toArray(newArray.apply(typeOfId.size()));
    }
}
