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
        int[] order = alignment(ids, seq.ids(), seq, count);
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
            int j = order[i]; // the re-encoded token that is token i
            int ni = seq.noteIndex(j);
            long tick = seq.tick(j);
            note[i] = ni;
            bar[i] = seq.bar(j);
            beat[i] = Math.toIntExact(Math.floorDiv(tick, tpq));
            position[i] = (int) Math.floorMod(tick, (long) tpq);
            pitch[i] = ni >= 0 ? notes.get(ni).pitch() : TokenAttributes.ABSENT;
            program[i] = ni >= 0 ? programOfNote[ni] : TokenAttributes.ABSENT;
        }
        return new TokenAttributes(note, bar, beat, position, pitch, program);
    }

    /**
     * For each of the first {@code count} original tokens, the index of the same token in the re-encoded
     * sequence. Equal sequences map one to one. Otherwise the encoder may have ordered the notes of one
     * onset differently (multitrack pieces: notes of several programs at the same time); then, between
     * two tokens of no note, each original run of note tokens is matched note by note to a re-encoded
     * note with the same ids. Anything else is refused.
     *
     * @throws IllegalArgumentException naming the first token that cannot be matched
     */
    private int[] alignment(int[] ids, int[] again, TokenSequence seq, int count) {
        int[] order = new int[count];
        int i = 0;
        int j = 0;
        while (i < count) {
            if (j >= again.length) {
                throw mismatch(ids, again, i, j);
            }
            if (seq.noteIndex(j) < 0) {
                if (ids[i] != again[j]) {
                    throw mismatch(ids, again, i, j);
                }
                order[i++] = j++;
                continue;
            }
            // a run of note tokens in the re-encoded sequence: its notes, as [start, end) blocks
            int runEnd = j;
            while (runEnd < again.length && seq.noteIndex(runEnd) >= 0) {
                runEnd++;
            }
            java.util.List<int[]> blocks = new java.util.ArrayList<>();
            for (int b = j; b < runEnd; ) {
                int e = b + 1;
                while (e < runEnd && seq.noteIndex(e) == seq.noteIndex(b)) {
                    e++;
                }
                blocks.add(new int[] {b, e});
                b = e;
            }
            int runLength = runEnd - j;
            int stop = Math.min(count, i + runLength);
            while (i < stop) {
                int[] found = null;
                for (int[] blk : blocks) {
                    int len = blk[1] - blk[0];
                    boolean same = i + len <= ids.length;
                    for (int k = 0; same && k < len; k++) {
                        same = ids[i + k] == again[blk[0] + k];
                    }
                    if (same) {
                        found = blk;
                        break;
                    }
                }
                if (found == null) {
                    throw mismatch(ids, again, i, j);
                }
                blocks.remove(found);
                for (int k = found[0]; k < found[1] && i < count; k++) {
                    order[i++] = k;
                }
            }
            j = runEnd;
        }
        return order;
    }

    private IllegalArgumentException mismatch(int[] ids, int[] again, int i, int j) {
        return new IllegalArgumentException("re-encoding the decoded tokens differs at token " + i + " ("
                + tokenizer.vocabulary().token(ids[i]) + " vs "
                + (j < again.length ? tokenizer.vocabulary().token(again[j]) : "end")
                + "), so token attributes cannot be derived");
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
