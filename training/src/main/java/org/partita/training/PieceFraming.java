package org.partita.training;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How the pieces of a token corpus are begun and ended for training, recorded in its {@code index.json}
 * as {@code "framing"}.
 */
public enum PieceFraming {
    /**
     * The shards hold each piece's own tokens; training reads a piece as {@code BOS, tokens, EOS} (REMI and
     * TSD, whose {@code BOS_None}/{@code EOS_None} are not part of an encoded piece). An {@code index.json}
     * without {@code "framing"} means this.
     */
    ADDED("added"),
    /**
     * Each piece already begins with the BOS id and ends with the EOS id's row: the tokenizer's own encoding
     * frames it (MMT: the start-of-song row first, the end-of-song row last). Training reads the tokens
     * as they are.
     */
    IN_PIECE("in-piece");

    private final String json;

    PieceFraming(String json) {
        this.json = json;
    }

    /** The name in {@code index.json} and checkpoint {@code config.json}: {@code added} or {@code in-piece}. */
    @JsonValue
    public String json() {
        return json;
    }

    /** Ids training adds before and after each piece: 1 each for {@link #ADDED}, 0 for {@link #IN_PIECE}. */
    public int addedPerSide() {
        return this == ADDED ? 1 : 0;
    }

    /**
     * For Jackson's {@code @JsonInclude(CUSTOM)}: equal to (hence omitting) {@link #ADDED} and null, so a corpus
     * of the default framing writes the same {@code index.json} as before the field existed, which older
     * readers (that refuse unknown keys) still read; they refuse an in-piece corpus, which they would misread.
     */
    static final class DefaultFilter {
        @Override
        public boolean equals(Object other) {
            return other == null || other == ADDED;
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
