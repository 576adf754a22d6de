package org.partita.training.attention;

import java.util.Arrays;
import java.util.List;
import org.partita.attention.TokenAttributes;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;

/**
 * Maps the token ids of one piece to attribute rows through its tokenizer (REMI, TSD, MMT): the ids
 * are decoded to a score and encoded again, which gives every token its note, tick and bar
 * ({@link TokenSequence}); the re-encoded ids must equal the piece's, else the piece is refused (its
 * attributes could not be trusted). Tokens of a note (Program, Pitch, Velocity, Duration, ...) carry
 * the note's pitch and program (−1 for drums) besides its bar, beat and position; other tokens (Bar,
 * Position, Tempo, TimeSig, ...) carry only bar, beat and position. Beat = tick / ticksPerQuarter
 * (quarter-note beats, counted from the start), position = tick mod ticksPerQuarter (steps within
 * the beat, at the tokenizer's resolution).
 */
public final class TokenAttributeMapper {

    private final Tokenizer tokenizer;

    public TokenAttributeMapper(Tokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    /**
     * Attributes of {@code ids[0..count)} of a piece whose full ids are {@code ids}.
     *
     * @throws IllegalArgumentException when re-encoding the decoded piece does not give the same ids
     */
    public TokenAttributes attributes(int[] ids, int count) {
        Score score = tokenizer.decode(ids).score();
        TokenSequence seq = tokenizer.encode(score);
        int[] again = seq.ids();
        int agree = 0;
        while (agree < Math.min(again.length, ids.length) && again[agree] == ids[agree]) {
            agree++;
        }
        if (agree < count) {
            throw new IllegalArgumentException("re-encoding the decoded tokens differs at token " + agree + " ("
                    + tokenizer.vocabulary().token(ids[agree]) + " vs "
                    + (agree < again.length ? tokenizer.vocabulary().token(again[agree]) : "end") + "), so token attributes "
                    + "cannot be derived");
        }
        List<Note> notes = TokenSequence.notes(tokenizer.preprocess(score));
        int[] programOfNote = programs(tokenizer.preprocess(score), notes.size());
        int tpq = seq.ticksPerQuarter();
        int[] note = new int[count];
        int[] bar = new int[count];
        int[] beat = new int[count];
        int[] position = new int[count];
        int[] pitch = new int[count];
        int[] program = new int[count];
        for (int i = 0; i < count; i++) {
            int ni = seq.noteIndex(i);
            long tick = seq.tick(i);
            note[i] = ni;
            bar[i] = seq.bar(i);
            beat[i] = Math.toIntExact(Math.floorDiv(tick, tpq));
            position[i] = (int) Math.floorMod(tick, (long) tpq);
            pitch[i] = ni >= 0 ? notes.get(ni).pitch() : TokenAttributes.ABSENT;
            program[i] = ni >= 0 ? programOfNote[ni] : TokenAttributes.ABSENT;
        }
        return new TokenAttributes(note, bar, beat, position, pitch, program);
    }

    /** Which tokens are Pitch/PitchDrum tokens (for {@code --pitch-tokens}). */
    public boolean[] pitchTokens(int[] ids, int count) {
        boolean[] keep = new boolean[count];
        for (int i = 0; i < count; i++) {
            String t = tokenizer.vocabulary().token(ids[i]);
            keep[i] = t.startsWith("Pitch_") || t.startsWith("PitchDrum_");
        }
        return keep;
    }

    private static int[] programs(Score preprocessed, int noteCount) {
        int[] out = new int[noteCount];
        int i = 0;
        for (Track t : preprocessed.tracks()) {
            int p = t.isDrum() ? -1 : t.program();
            Arrays.fill(out, i, i + t.notes().size(), p);
            i += t.notes().size();
        }
        return out;
    }
}
