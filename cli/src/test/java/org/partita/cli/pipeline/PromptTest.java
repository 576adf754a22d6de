package org.partita.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

class PromptTest {

    static final Tokenizer REMI = TokenizerRegistry.standard().createDefault("REMI");

    /** Pieces 0, 1, 2 of the synthetic corpus are in 4/4, 3/4 and 6/8. */
    @ParameterizedTest
    @CsvSource({"0, 1", "0, 4", "1, 2", "2, 3"})
    void keepsExactlyTheFirstBarsInEveryMeter(int piece, int bars, @TempDir Path dir) throws Exception {
        Score score = SyntheticCorpus.generate(9, 3).get(piece);
        Path file = dir.resolve("piece.mid");
        MidiWriter.write(score, file, 480);

        Prompt prompt = Prompt.fromMidi(file, bars, REMI);

        TimeGrid grid = prompt.score().timeGrid();
        long lastOnset = 0;
        for (Track t : prompt.score().tracks()) {
            for (Note n : t.notes()) {
                lastOnset = Math.max(lastOnset, n.startTick());
            }
        }
        assertTrue(prompt.score().endTick() <= grid.barStartTick(bars), "nothing sounds past bar " + bars);
        assertEquals(bars - 1, grid.barAt(lastOnset), "the last bar kept has notes");
        assertEquals(bars, count(prompt.ids(), REMI.vocabulary().id("Bar_None")), "one Bar token per bar");
        assertEquals(bars, prompt.bars());
        int last = prompt.ids()[prompt.ids().length - 1];
        assertTrue(last != REMI.vocabulary().id("EOS_None"), "no EOS at the end");
        assertEquals(-1, REMI.grammar().firstViolation(prompt.ids()));
    }

    @Test
    void aPieceShorterThanThePromptIsRefusedNamingBoth() {
        Score score = SyntheticCorpus.generate(9, 1).get(0);
        int bars = score.timeGrid().barAt(score.endTick() - 1) + 1;

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Prompt.of(score, bars + 1, REMI, "short.mid"));

        assertEquals("short.mid has " + bars + " bars, fewer than the " + (bars + 1) + " asked for as a prompt",
                e.getMessage());
    }

    @Test
    void zeroBarsIsRefusedWithTheValue() {
        Score score = SyntheticCorpus.generate(9, 1).get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Prompt.of(score, 0, REMI, "x"));
        assertEquals("prompt bars must be >= 1, got 0", e.getMessage());
    }

    static int count(int[] ids, int id) {
        int n = 0;
        for (int x : ids) {
            n += x == id ? 1 : 0;
        }
        return n;
    }

    @Test
    void anMmtPromptKeepsItsStartOfSongRowAndLosesItsEndOfSongRow() {
        Tokenizer mmt = TokenizerRegistry.standard().createDefault("MMT");
        Score score = SyntheticCorpus.generate(9, 1).get(0);

        Prompt prompt = Prompt.of(score, 2, mmt, "piece.mid");

        int[] ids = prompt.ids();
        int[] full = mmt.encode(prompt.score()).ids();
        assertEquals(mmt.vocabulary().id(org.partita.tokenizers.mmt.MmtTokenizer.START_OF_SONG), ids[0]);
        assertEquals(full.length - 6, ids.length, "the end-of-song row (6 ids) removed");
        assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOf(full, ids.length)), java.util.Arrays.toString(ids));
        assertEquals(-1, mmt.grammar().firstViolation(ids));
        assertTrue(allowsEndAfter(mmt, ids), "after the prompt the piece may end (or go on)");
    }

    private static boolean allowsEndAfter(Tokenizer tok, int[] ids) {
        org.partita.tokenizers.GrammarState state = tok.grammar().start();
        for (int id : ids) {
            state = state.next(id);
        }
        return state.allows(tok.vocabulary().id(org.partita.tokenizers.mmt.MmtTokenizer.END_OF_SONG));
    }
}
