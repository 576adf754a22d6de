package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.ScoreDifference;

/**
 * Rest tokens as MidiTok 3.0.6's REMI makes them ({@code _add_time_events}, {@code _min_rest},
 * {@code _time_ticks_to_tokens(rest=True)}) with the default {@code beat_res_rest}
 * {0_1: 8, 1_2: 4, 2_12: 2}: at 8 ticks per beat the bins are 1..7 ticks (0.k.8), 8..14 (1.k.4) and
 * 16..92 by 4 (b.k.2). Scores are built at 8 ticks per quarter, the preprocessed resolution.
 */
class RemiRestTest {

    private static final RemiTokenizer TOK = RemiTokenizer.of(RemiConfig.defaults().withUseRests(true));

    private static Score piano(Note... notes) {
        return new Score(8, List.of(Track.of("piano", 0, false, List.of(notes))), List.of(),
                List.of(new TimeSignature(0, 4, 4)), List.of(), List.of());
    }

    private static Note n(long start, long duration, int pitch) {
        return new Note(start, duration, pitch, 100);
    }

    /** The tokens after the first note's Duration. */
    private static List<String> afterFirstNote(Score s) {
        List<String> t = TOK.encode(s).tokens(TOK.vocabulary());
        int d = 0;
        while (!t.get(d).startsWith("Duration_")) {
            d++;
        }
        return t.subList(d + 1, t.size());
    }

    @Test
    void silenceOfTwoBeatsAfterANoteEndGivesOneRestThenThePosition() {
        // Note 0..8, next at 24: 16 ticks of silence from the note end.
        assertEquals(List.of("Rest_2.0.2", "Position_24", "Program_0", "Pitch_62"),
                afterFirstNote(piano(n(0, 8, 60), n(24, 8, 62))).subList(0, 4));
    }

    @Test
    void restsAreGreedyLargestBinFirst() {
        // 8..27: 19 ticks = 16 (2.0.2) + 3 (0.3.8).
        assertEquals(List.of("Rest_2.0.2", "Rest_0.3.8", "Position_27"),
                afterFirstNote(piano(n(0, 8, 60), n(27, 8, 62))).subList(0, 3));
        // 12 ticks is a bin of its own (1.2.4).
        assertEquals(List.of("Rest_1.2.4", "Position_20"), afterFirstNote(piano(n(0, 8, 60), n(20, 8, 62))).subList(0, 2));
    }

    @Test
    void restCountsFromTheLatestNoteEndNotFromTheLastOnset() {
        // The long note ends at 24; the short one at 12. The next onset at 28 leaves 4 ticks of silence.
        List<String> t = afterFirstNote(piano(n(0, 24, 60), n(4, 8, 64), n(28, 4, 67)));
        assertTrue(t.contains("Rest_0.4.8"), t.toString());
        assertFalse(t.stream().anyMatch(s -> s.startsWith("Rest_") && !s.equals("Rest_0.4.8")), t.toString());
    }

    @Test
    void noRestWhenNotesOverlapOrTouch() {
        List<String> touching = afterFirstNote(piano(n(0, 8, 60), n(8, 8, 62)));
        List<String> overlapping = afterFirstNote(piano(n(0, 12, 60), n(8, 8, 62)));
        assertTrue(touching.stream().noneMatch(s -> s.startsWith("Rest_")), touching.toString());
        assertTrue(overlapping.stream().noneMatch(s -> s.startsWith("Rest_")), overlapping.toString());
    }

    @Test
    void restAcrossBarLinesMovesTheBarWithoutBarTokens() {
        // Note 0..8, next at 72 (bar 2, position 8): 64 ticks of silence = 8 beats. MidiTok moves the
        // current bar from the rest's end without emitting Bar tokens for the bars it covers.
        List<String> t = afterFirstNote(piano(n(0, 8, 60), n(72, 8, 62)));
        assertEquals(List.of("Rest_8.0.2", "Position_8"), t.subList(0, 2), t.toString());
        assertFalse(t.contains("Bar_None"), t.toString());
    }

    @Test
    void silenceLongerThanTheLargestRestGivesSeveralRests() {
        // 8..108: 100 ticks = 96 (12.0.2, the largest bin) + 4 (0.4.8).
        List<String> t = afterFirstNote(piano(n(0, 8, 60), n(108, 8, 62)));
        assertEquals(List.of("Rest_12.0.2", "Rest_0.4.8"), t.subList(0, 2), t.toString());
    }

    @Test
    void decodingAdvancesTimeByRestsFromThePreviousNoteEnd() {
        Score s = piano(n(0, 8, 60), n(27, 8, 62), n(72, 8, 64), n(200, 3, 65), n(203, 8, 67));
        int[] ids = TOK.encode(s).ids();
        assertEquals(-1, TOK.grammar().firstViolation(ids));
        Decoded d = TOK.decode(ids);
        assertTrue(d.report().isClean(), d.report().toString());
        assertEquals(null, ScoreDifference.of(TOK.quantise(s), d.score()));
    }
}
