package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeGrid;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.mmt.MmtTokenizer;

/**
 * The opening a model continues: the first {@code bars} bars of a piece and their token ids (no BOS; a
 * trailing EOS or PAD removed, since the model must not see the piece end). For MMT, whose encoding frames
 * the piece itself, the ids keep the start-of-song row (the corpus's BOS) and lose the end-of-song row.
 *
 * @param score the clipped piece, bars {@code 0 .. bars-1}
 * @param bars  how many bars it holds
 * @param ids   {@code tokenizer.encode(score)} without trailing EOS/PAD (MMT: without its end-of-song row)
 */
public record Prompt(Score score, int bars, int[] ids) {

    public Prompt {
        Objects.requireNonNull(score, "score");
        ids = ids.clone();
    }

    @Override
    public int[] ids() {
        return ids.clone();
    }

    /** The first {@code bars} bars of the MIDI file at {@code file} (read leniently), encoded with {@code tokenizer}. */
    public static Prompt fromMidi(Path file, int bars, Tokenizer tokenizer) throws IOException, MidiFormatException {
        return of(MidiReader.lenient().read(file).score(), bars, tokenizer, file.toString());
    }

    /**
     * The first {@code bars} bars of {@code score} encoded with {@code tokenizer}.
     *
     * @throws IllegalArgumentException if {@code bars < 1} or the score has fewer bars with notes
     */
    public static Prompt of(Score score, int bars, Tokenizer tokenizer, String sourceName) {
        Score clipped = firstBars(score, bars, sourceName);
        int[] ids = tokenizer.encode(clipped).ids();
        int end = ids.length;
        int eos = tokenizer.vocabulary().id("EOS_None");
        int pad = tokenizer.vocabulary().id("PAD_None");
        while (end > 0 && (ids[end - 1] == eos || ids[end - 1] == pad)) {
            end--;
        }
        int endOfSong = tokenizer.vocabulary().id(MmtTokenizer.END_OF_SONG);
        int[] kept = Arrays.copyOf(ids, end);
        return new Prompt(clipped, bars, endOfSong < 0 ? kept : GrammarMask.trimToEnd(kept, tokenizer.grammar(), endOfSong));
    }

    /** Bars {@code 0 .. bars-1} of {@code score}: {@code score.clipped(0, barStartTick(bars))}. */
    public static Score firstBars(Score score, int bars, String sourceName) {
        if (bars < 1) {
            throw new IllegalArgumentException("prompt bars must be >= 1, got " + bars);
        }
        TimeGrid grid = score.timeGrid();
        int available = score.endTick() == 0 ? 0 : grid.barAt(score.endTick() - 1) + 1;
        if (available < bars) {
            throw new IllegalArgumentException(sourceName + " has " + available + " bars, fewer than the "
                    + bars + " asked for as a prompt");
        }
        return score.clipped(0, grid.barStartTick(bars));
    }
}
