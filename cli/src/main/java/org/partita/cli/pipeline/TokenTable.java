package org.partita.cli.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.partita.symbolic.BarBeat;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchName;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;

/**
 * The tokens of a score as rows people can read: where each token sits in bars and beats, and the
 * note it belongs to with its name. Pure: no I/O. Immutable.
 *
 * @param tokenizerName the tokenizer
 * @param vocabularySize its vocabulary size
 * @param tokenCount    tokens of the whole score (rows may be fewer: a limit)
 * @param rows          the rows, in token order
 */
public record TokenTable(String tokenizerName, int vocabularySize, int tokenCount, List<Row> rows) {

    /**
     * One token.
     *
     * @param index    0-based position in the id sequence
     * @param id       the token id
     * @param token    the token string
     * @param bar      1-based bar, from the token's tick and the meter map of the preprocessed score
     * @param beat     1-based beat within the bar, fractional (2.5 = halfway through beat 2); a beat is one
     *                 denominator note of the meter (an eighth in 6/8)
     * @param note     1-based note number (tracks in order, then notes) or 0 for tokens of no note
     * @param noteName scientific pitch name ({@code C4} = 60) on the pitch token of a note, else null
     */
    public record Row(int index, int id, String token, int bar, double beat, int note, String noteName) {}

    public TokenTable {
        Objects.requireNonNull(tokenizerName, "tokenizerName");
        rows = List.copyOf(rows);
    }

    /** The first {@code limit} tokens of {@code score} (all of them when {@code limit} is negative). */
    public static TokenTable of(Score score, Tokenizer tokenizer, int limit) {
        Score prepared = tokenizer.preprocess(score);
        TokenSequence seq = tokenizer.encode(score);
        // the sequence's ticks are those of the preprocessed score: same resolution, same meter map
        TimeGrid grid = TimeGrid.of(prepared);
        List<Note> notes = TokenSequence.notes(prepared);
        int n = limit < 0 ? seq.size() : Math.min(limit, seq.size());
        List<Row> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String token = tokenizer.vocabulary().token(seq.id(i));
            long tick = seq.tick(i);
            BarBeat bb = grid.barBeatAt(Math.max(0, tick));
            double beat = bb.beat() + bb.tickInBeat() / grid.ticksPerBeat(Math.max(0, tick));
            int noteIndex = seq.noteIndex(i);
            String name = noteIndex >= 0 && noteIndex < notes.size() && isPitchToken(token)
                    ? PitchName.of(notes.get(noteIndex).pitch()) : null;
            rows.add(new Row(i, seq.id(i), token, bb.bar() + 1, beat + 1, noteIndex + 1, name));
        }
        return new TokenTable(tokenizer.name(), tokenizer.vocabulary().size(), seq.size(), rows);
    }

    /** {@code Pitch_60}, {@code PitchDrum_36}, MMT's {@code pitch_60}: the token naming a note's pitch. */
    private static boolean isPitchToken(String token) {
        String type = token.substring(0, Math.max(0, token.indexOf('_'))).toLowerCase(Locale.ROOT);
        return type.equals("pitch") || type.equals("pitchdrum");
    }
}
