package org.partita.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.mmt.MmtTokenizer;
import org.partita.training.PieceFraming;

class SpecialIdsTest {

    @Test
    void remiGetsItsBosEosPadAddedAroundPieces() {
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        SpecialIds s = SpecialIds.of("REMI", remi.vocabulary());
        assertEquals(new SpecialIds(remi.vocabulary().id("BOS_None"), remi.vocabulary().id("EOS_None"),
                remi.vocabulary().id("PAD_None"), PieceFraming.ADDED), s);
    }

    @Test
    void mmtUsesItsSongStartAndEndCodesFramedInThePiece() {
        Tokenizer mmt = TokenizerRegistry.standard().createDefault("MMT");
        SpecialIds s = SpecialIds.of("MMT", mmt.vocabulary());
        assertEquals(new SpecialIds(mmt.vocabulary().id(MmtTokenizer.START_OF_SONG),
                mmt.vocabulary().id(MmtTokenizer.END_OF_SONG), mmt.vocabulary().size() - 1, PieceFraming.IN_PIECE), s);
    }

    @Test
    void aVocabularyWithoutBeginEndOrPadIsRefusedNamingTheMissingToken() {
        var noEos = assertThrows(IllegalArgumentException.class,
                () -> SpecialIds.of("X", Vocabulary.of(List.of("PAD_None", "BOS_None", "Note_1"))));
        assertTrue(noEos.getMessage().contains("tokenizer X has no EOS_None token"), noEos.getMessage());
        var songNoPad = assertThrows(IllegalArgumentException.class, () -> SpecialIds.of("Y",
                Vocabulary.of(List.of(MmtTokenizer.START_OF_SONG, MmtTokenizer.END_OF_SONG, "beat_0"))));
        assertTrue(songNoPad.getMessage().contains("tokenizer Y has no PAD_None token"), songNoPad.getMessage());
    }
}
