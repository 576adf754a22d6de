package org.partita.tokenizers;

import org.partita.symbolic.Score;

/**
 * Turns a {@link Score} into a sequence of token ids and back.
 *
 * <p>Contract every implementation keeps: {@link #encode} is deterministic; {@link #decode} never
 * throws, whatever the ids (out-of-range ids included), and reports every rule its input broke;
 * {@code decode(encode(s).ids())} equals {@link #quantise quantise(s)} note for note (times scaled to
 * the decoder's resolution); every encoded sequence is valid under {@link #grammar()}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface Tokenizer {

    /** The registry name, e.g. {@code "REMI"}. */
    String name();

    /** The token strings and their ids. */
    Vocabulary vocabulary();

    /**
     * The tokenizer's preprocessing (resolution, merging, snapping to the vocabulary's bins): the
     * score {@link #encode} actually tokenizes. Never changes {@code score}.
     */
    Score preprocess(Score score);

    /**
     * What the tokens of {@code score} represent, at the decoder's resolution: {@link #preprocess}
     * followed by snapping onsets to the token time grid and scaling to {@link #decodedTicksPerQuarter()}.
     */
    Score quantise(Score score);

    /** Tokenizes a score (preprocessing it first). */
    TokenSequence encode(Score score);

    /** Rebuilds a score from ids; never throws. */
    Decoded decode(int[] ids);

    /** Ticks per quarter of decoded scores. */
    int decodedTicksPerQuarter();

    /** Which ids may follow a prefix. */
    Grammar grammar();

    /**
     * The configuration as text that {@code TokenizerRegistry.create(name(), configJson())} turns back
     * into an equal tokenizer (same vocabulary, same ids for every score).
     */
    String configJson();
}
