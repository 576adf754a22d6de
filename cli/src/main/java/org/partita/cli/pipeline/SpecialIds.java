package org.partita.cli.pipeline;

import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.mmt.MmtTokenizer;
import org.partita.training.PieceFraming;

/**
 * The ids a token corpus index records for training: begin and end of piece, padding, and who frames a
 * piece. Taken from the vocabulary's {@code BOS_None}, {@code EOS_None} and {@code PAD_None} tokens, which
 * training adds around each piece (REMI, TSD); for MMT, whose encoding already starts with the
 * start-of-song row and ends with the end-of-song row, from {@code type_start-of-song} and
 * {@code type_end-of-song} (the pieces are framed in themselves) and {@code PAD_None}.
 */
record SpecialIds(int bosId, int eosId, int padId, PieceFraming framing) {

    /** The special ids of {@code vocabulary}; throws naming the missing token when one is absent. */
    static SpecialIds of(String tokenizerName, Vocabulary vocabulary) {
        if (vocabulary.id("BOS_None") < 0 && vocabulary.id(MmtTokenizer.START_OF_SONG) >= 0) {
            return new SpecialIds(require(tokenizerName, vocabulary, MmtTokenizer.START_OF_SONG),
                    require(tokenizerName, vocabulary, MmtTokenizer.END_OF_SONG),
                    require(tokenizerName, vocabulary, "PAD_None"), PieceFraming.IN_PIECE);
        }
        return new SpecialIds(require(tokenizerName, vocabulary, "BOS_None"), require(tokenizerName, vocabulary, "EOS_None"),
                require(tokenizerName, vocabulary, "PAD_None"), PieceFraming.ADDED);
    }

    private static int require(String tokenizerName, Vocabulary vocabulary, String token) {
        int id = vocabulary.id(token);
        if (id < 0) {
            throw new IllegalArgumentException("tokenizer " + tokenizerName + " has no " + token
                    + " token; a token corpus needs BOS_None, EOS_None and PAD_None in the vocabulary"
                    + " (or, as MMT, " + MmtTokenizer.START_OF_SONG + ", " + MmtTokenizer.END_OF_SONG
                    + " and PAD_None)");
        }
        return id;
    }
}
