package org.partita.cli.pipeline;

import java.util.Objects;
import org.partita.symbolic.Score;
import org.partita.tokenizers.DecodeReport;

/**
 * One generated piece.
 *
 * @param name              file name without extension
 * @param ids               the piece's token ids: prompt, then the new ones (no BOS, EOS or the bar token past the
 *                          limit; for pieces framed in themselves, as MMT's, BOS first and EOS last when ended)
 * @param promptTokens      how many of {@code ids} came from the prompt (and, framed in the piece, its BOS)
 * @param ended             true if the piece is complete (the model chose EOS, or the bar limit ended it), false
 *                          if the token limit cut it
 * @param grammarViolations tokens of {@code ids} the tokenizer's grammar does not allow after their prefix
 * @param report            what decoding {@code ids} met that breaks the tokenizer's rules
 * @param score             the decoded piece
 * @param files             where it was written
 */
public record GeneratedPiece(String name, int[] ids, int promptTokens, boolean ended, int grammarViolations,
                             DecodeReport report, Score score, PieceFiles files) {

    public GeneratedPiece {
        Objects.requireNonNull(name, "name");
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    public int newTokens() {
        return ids.length - promptTokens;
    }

    /** Bars from 0 to the one holding the score's last tick (0 for an empty score). */
    public int bars() {
        return score.endTick() == 0 ? 0 : score.timeGrid().barAt(score.endTick() - 1) + 1;
    }
}
