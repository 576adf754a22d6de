package org.partita.cli.pipeline;

import org.partita.tokenizers.Vocabulary;

/**
 * The ids a token corpus index records for training: begin and end of piece, and padding, taken from
 * the vocabulary's {@code BOS_None}, {@code EOS_None} and {@code PAD_None} tokens.
 */
record SpecialIds(int bosId, int eosId, int padId) {

    /** The special ids of {@code vocabulary}; throws naming the missing token when one is absent. */
    static SpecialIds of(String tokenizerName, Vocabulary vocabulary) {
        return new SpecialIds(require(tokenizerName, vocabulary, "BOS_None"), require(tokenizerName, vocabulary, "EOS_None"),
                require(tokenizerName, vocabulary, "PAD_None"));
    }

    private static int require(String tokenizerName, Vocabulary vocabulary, String token) {
        int id = vocabulary.id(token);
        if (id < 0) {
            throw new IllegalArgumentException("tokenizer " + tokenizerName + " has no " + token
                    + " token; a token corpus needs BOS_None, EOS_None and PAD_None in the vocabulary");
        }
        return id;
    }
}
