package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.ScoreDifference;

/**
 * Chord tokens as MidiTok 3.0.6 makes them ({@code detect_chords} in utils.py, the chord block of
 * {@code _add_additional_tokens_to_vocab_list} and {@code _create_chords_tokens}), on hand-built
 * scores at 8 ticks per quarter (the preprocessed resolution, so no resampling is involved).
 */
class RemiChordTest {

    private static final int TPQ = 8;

    private static RemiTokenizer tokenizer(boolean withRoot, int unknownLow, int unknownHigh) {
        return RemiTokenizer.of(RemiConfig.defaults().withChords(true, withRoot, unknownLow, unknownHigh));
    }

    private static Score piano(Note... notes) {
        return new Score(TPQ, List.of(Track.of("piano", 0, false, List.of(notes))), List.of(),
                List.of(new TimeSignature(0, 4, 4)), List.of(), List.of());
    }

    private static List<String> tokens(RemiTokenizer tok, Score s) {
        return tok.encode(s).tokens(tok.vocabulary());
    }

    private static Note n(long start, long duration, int pitch) {
        return new Note(start, duration, pitch, 100);
    }

    @Test
    void cMajorTriadGivesChordWithRootBeforeItsNotesPrecededByProgram() {
        List<String> t = tokens(tokenizer(true, -1, -1), piano(n(0, 8, 60), n(0, 8, 64), n(0, 8, 67)));
        assertEquals(List.of("Bar_None", "TimeSig_4/4", "Position_0", "Tempo_121.29", "Program_0", "Chord_C:maj",
                "Program_0", "Pitch_60"), t.subList(0, 8));
    }

    @Test
    void cMajorTriadGivesQualityOnlyWithoutRootNote() {
        List<String> t = tokens(tokenizer(false, -1, -1), piano(n(0, 8, 60), n(0, 8, 64), n(0, 8, 67)));
        assertEquals(List.of("Program_0", "Chord_maj", "Program_0", "Pitch_60"), t.subList(4, 8));
    }

    @Test
    void rootIsTheLowestNoteOfTheGroupNotTheHarmonicRoot() {
        // E-G-C (first inversion of C major) is intervals (0, 3, 8): no map matches, MidiTok ignores inversions.
        List<String> t = tokens(tokenizer(true, -1, -1), piano(n(0, 8, 64), n(0, 8, 67), n(0, 8, 72)));
        assertTrue(t.stream().noneMatch(s -> s.startsWith("Chord_")), t.toString());
        List<String> a = tokens(tokenizer(true, -1, -1), piano(n(0, 8, 57), n(0, 8, 60), n(0, 8, 64)));
        assertTrue(a.contains("Chord_A:min"), a.toString());
    }

    @Test
    void unmatchedGroupGivesUnknownChordOnlyWhenChordUnknownIsSet() {
        Score cluster = piano(n(0, 8, 60), n(0, 8, 61), n(0, 8, 62));
        assertTrue(tokens(tokenizer(false, -1, -1), cluster).stream().noneMatch(s -> s.startsWith("Chord_")));
        assertTrue(tokens(tokenizer(false, 3, 6), cluster).contains("Chord_ukn3"));
        assertTrue(tokens(tokenizer(true, 3, 6), cluster).contains("Chord_C:ukn3"));
    }

    @Test
    void twoNotesAreNotAChord() {
        assertTrue(tokens(tokenizer(true, 3, 6), piano(n(0, 8, 60), n(0, 8, 64))).stream()
                .noneMatch(s -> s.startsWith("Chord_")));
    }

    @Test
    void groupWhoseEndsDifferByMoreThanHalfABeatIsSkipped() {
        // Ends at 8, 8 and 13: |13 - 8| > 8 // 2.
        List<String> t = tokens(tokenizer(true, -1, -1), piano(n(0, 8, 60), n(0, 8, 64), n(0, 13, 67)));
        assertTrue(t.stream().noneMatch(s -> s.startsWith("Chord_")), t.toString());
        // Ends within half a beat (4 ticks) of the first: still a chord.
        List<String> u = tokens(tokenizer(true, -1, -1), piano(n(0, 8, 60), n(0, 8, 64), n(0, 12, 67)));
        assertTrue(u.contains("Chord_C:maj"), u.toString());
    }

    @Test
    void onsetsWithinOneFirstBeatResStepGroupAndChordTakesEarliestOnset() {
        // First beat_res is 8 per beat: tolerance 8 * 1 / 8 = 1 tick. The first note is longer than half a
        // beat, so late notes are kept; the chord sits at the earliest onset.
        Score s = piano(n(0, 16, 60), n(1, 15, 64), n(1, 15, 67));
        List<String> t = tokens(tokenizer(true, -1, -1), s);
        int chord = t.indexOf("Chord_C:maj");
        assertTrue(chord > 0, t.toString());
        assertEquals("Position_0", t.get(chord - 3), t.toString());
        // Two ticks late is outside the tolerance: only a two-note group at 0, no chord.
        List<String> late = tokens(tokenizer(true, -1, -1), piano(n(0, 16, 60), n(2, 14, 64), n(2, 14, 67)));
        assertFalse(late.contains("Chord_C:maj"), late.toString());
    }

    @Test
    void shortFirstNoteKeepsOnlyNotesAtItsExactOnset() {
        // First note lasts 4 ticks (<= half a beat): the notes one tick later are dropped from the group.
        List<String> t = tokens(tokenizer(true, -1, -1), piano(n(0, 4, 60), n(1, 4, 64), n(1, 4, 67)));
        assertTrue(t.stream().noneMatch(s -> s.startsWith("Chord_")), t.toString());
    }

    @Test
    void drumTracksGetNoChords() {
        Score s = new Score(TPQ, List.of(Track.of("drums", 0, true, List.of(n(0, 8, 36), n(0, 8, 40), n(0, 8, 43)))),
                List.of(), List.of(new TimeSignature(0, 4, 4)), List.of(), List.of());
        assertTrue(tokens(tokenizer(true, 3, 6), s).stream().noneMatch(x -> x.startsWith("Chord_")));
    }

    @Test
    void chordBlockSitsAfterPitchDrumAndBeforeTempoInChordMapOrder() {
        List<String> v = tokenizer(true, 3, 6).vocabulary().tokens();
        int first = v.indexOf("Chord_C:min");
        assertEquals("PitchDrum_88", v.get(first - 1));
        List<String> expected = new ArrayList<>();
        for (String q : List.of("min", "maj", "dim", "aug", "sus2", "sus4", "7dom", "7min", "7maj", "7halfdim", "7dim",
                "7aug", "9maj", "9min", "ukn3", "ukn4", "ukn5")) {
            for (String root : List.of("C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B")) {
                expected.add("Chord_" + root + ":" + q);
            }
        }
        assertEquals(expected, v.subList(first, first + expected.size()));
        assertTrue(v.get(first + expected.size()).startsWith("Tempo_"), v.get(first + expected.size()));
        List<String> plain = tokenizer(false, -1, -1).vocabulary().tokens();
        int p = plain.indexOf("Chord_min");
        assertEquals(List.of("Chord_min", "Chord_maj", "Chord_dim"), plain.subList(p, p + 3));
        assertEquals("Chord_9min", plain.get(p + 13));
        assertTrue(plain.get(p + 14).startsWith("Tempo_"));
    }

    @Test
    void chordsDecodeToNothingAndSequencesStayGrammarValid() {
        RemiTokenizer tok = tokenizer(true, 3, 6);
        Score s = piano(n(0, 8, 60), n(0, 8, 64), n(0, 8, 67), n(8, 8, 57), n(8, 8, 60), n(8, 8, 64),
                n(16, 4, 60), n(16, 4, 61), n(16, 4, 62));
        int[] ids = tok.encode(s).ids();
        assertEquals(-1, tok.grammar().firstViolation(ids));
        Decoded d = tok.decode(ids);
        assertTrue(d.report().isClean(), d.report().toString());
        assertEquals(null, ScoreDifference.of(tok.quantise(s), d.score()));
    }
}
