package org.partita.symbolic.staccato;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

class StaccatoReaderTest {

    private static StaccatoReading read(String text) throws StaccatoSyntaxException {
        return StaccatoReader.defaults().read(text);
    }

    private static List<Note> notes(String text) throws StaccatoSyntaxException {
        Score s = read(text).score();
        assertEquals(1, s.tracks().size(), "tracks of " + text);
        return s.tracks().get(0).notes();
    }

    private static List<Integer> pitches(String text) throws StaccatoSyntaxException {
        return notes(text).stream().map(Note::pitch).toList();
    }

    @Test
    void theIssueExampleMakesAPianoTrackAndADrumTrack() throws Exception {
        StaccatoReading r = read("T120 V0 I[Piano] C5q E5q G5h | V9 [Bass_Drum]q Rq [Acoustic_Snare]q Rq");
        Score s = r.score();
        assertEquals(List.of(), r.warnings());
        assertEquals(2, s.tracks().size());
        Track piano = s.tracks().get(0);
        assertEquals(0, piano.program());
        assertFalse(piano.isDrum());
        assertEquals(List.of(new Note(0, 480, 60, 64), new Note(480, 480, 64, 64), new Note(960, 960, 67, 64)),
                piano.notes());
        Track drums = s.tracks().get(1);
        assertTrue(drums.isDrum());
        assertEquals(List.of(new Note(0, 480, 36, 64), new Note(960, 480, 38, 64)), drums.notes());
        assertEquals(120.0, s.tempos().get(0).bpm(), 1e-9);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"C5, 60", "C, 60", "C4, 48", "A4, 57", "C#5, 61", "Db5, 61", "Bb4, 58", "B#4, 60", "Cn5, 60",
            "c5, 60", "[60], 60", "60, 60", "[0], 0", "G10, 127", "C0, 0", "Ebb5, 62"})
    void noteNamesAndNumbersGiveJFuguePitches(String token, int pitch) throws Exception {
        assertEquals(List.of(pitch), pitches(token + "q"));
    }

    @ParameterizedTest(name = "{0} -> {1} ticks")
    @CsvSource({"C5w, 1920", "C5h, 960", "C5q, 480", "C5i, 240", "C5s, 120", "C5t, 60", "C5x, 30", "C5o, 15",
            "C5, 480", "C5q., 720", "C5h., 1440", "C5qi, 720", "C5w2, 3840", "C5q*, 320", "C5i*, 160",
            "C5i*3:2, 160", "C5q*5:4, 384", "C5/0.25, 480", "C5/0.375, 720", "C5/1.5, 2880", "Rq C5/0.125, 240"})
    void durationsAreReadExactly(String token, long ticks) throws Exception {
        assertEquals(ticks, notes(token).get(0).durationTicks());
    }

    @Test
    void tripletsAddUpToTheBeatTheyReplace() throws Exception {
        List<Note> n = notes("C5i* D5i* E5i* F5q");
        assertEquals(List.of(0L, 160L, 320L, 480L), n.stream().map(Note::startTick).toList());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'C5q- C5-q', 960", "'-C5q', 480", "'C5h- C5-q- C5-q', 1920", "'C5/0.25- C5/-0.25', 960"})
    void tiesJoinNotesOfTheSamePitch(String text, long ticks) throws Exception {
        List<Note> n = notes(text);
        assertEquals(1, n.size(), text);
        assertEquals(ticks, n.get(0).durationTicks());
    }

    @Test
    void aTieCarriesOverOtherNotes() throws Exception {
        List<Note> n = notes("C5h- E5q C5-q");
        assertEquals(List.of(new Note(0, 1920, 60, 64), new Note(960, 480, 64, 64)), n);
    }

    @Test
    void aTieEndWithoutStartIsANewNoteWithAWarning() throws Exception {
        StaccatoReading r = read("C5q D5-q");
        assertEquals(2, r.score().noteCount());
        assertEquals(1, r.warnings().size());
        assertEquals(5, r.warnings().get(0).column());
    }

    @Test
    void restsMoveTheCursor() throws Exception {
        assertEquals(List.of(new Note(720, 480, 60, 64)), notes("Rq. C5q"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Cmaj, 36 40 43", "C4maj, 48 52 55", "C5maj, 60 64 67", "C5maj^, 64 67 72", "C5maj^^, 67 72 76",
            "C5maj^E, 64 67 72", "C5maj^G, 67 72 76", "D5min7, 62 65 69 72", "G4dom7, 55 59 62 65",
            "C5maj7, 60 64 67 71", "C5dim, 60 63 66", "C5aug, 60 64 68", "C5sus4, 60 65 67", "Bb4maj, 58 62 65",
            "C5min^2, 67 72 75", "F#5min, 66 69 73"})
    void chordsAndInversionsAsInJFugue(String token, String expected) throws Exception {
        List<Integer> want = java.util.Arrays.stream(expected.split(" ")).map(Integer::parseInt).sorted().toList();
        assertEquals(want, pitches(token + "q").stream().sorted().toList());
        assertTrue(notes(token + "q").stream().allMatch(n -> n.startTick() == 0 && n.durationTicks() == 480));
    }

    @Test
    void plusJoinsNotesThatStartTogetherAndUnderscoreFollowsInsideTheGroup() throws Exception {
        assertEquals(List.of(new Note(0, 480, 60, 64), new Note(0, 480, 64, 64), new Note(0, 480, 67, 64),
                new Note(480, 480, 62, 64)), notes("C5q+E5q+G5q D5q"));
        assertEquals(List.of(new Note(0, 960, 60, 64), new Note(0, 480, 64, 64), new Note(480, 480, 67, 64),
                new Note(960, 480, 72, 64)), notes("C5h+E5q_G5q C6q"));
    }

    @Test
    void velocitiesAreReadAndDecayIsReportedAsNotKept() throws Exception {
        StaccatoReading r = read("C5qa80d64 D5qa1 E5q");
        assertEquals(List.of(80, 1, 64), r.score().tracks().get(0).notes().stream().map(Note::velocity).toList());
        assertEquals(1, r.warnings().size());
        assertTrue(r.warnings().get(0).message().contains("decay"), r.warnings().toString());
    }

    @Test
    void tempoNumbersAndWordsAndTheirPlace() throws Exception {
        Score s = read("T[Allegro] C5q T90 D5q t[adagio]").score();
        assertEquals(3, s.tempos().size());
        assertEquals(120.0, s.tempos().get(0).bpm(), 1e-9);
        assertEquals(480, s.tempos().get(1).tick());
        assertEquals(90.0, s.tempos().get(1).bpm(), 0.01);
        assertEquals(60.0, s.tempos().get(2).bpm(), 0.01);
    }

    @Test
    void keySignaturesAlterLettersWithoutAccidental() throws Exception {
        Score s = read("KEY:Gmaj F5q Fn5q F#5q C5q").score();
        assertEquals(List.of(66, 65, 66, 60), s.tracks().get(0).notes().stream().map(Note::pitch).toList());
        assertEquals(1, s.keySignatures().get(0).sharps());
        assertEquals(List.of(70, 71, 63, 64), pitches("KEY:Ebmaj B5q Bn5q E5q En5q"));
        assertEquals(-3, read("KEY:Cmin C5q").score().keySignatures().get(0).sharps());
        assertEquals(-2, read("KEY:Kbb C5q").score().keySignatures().get(0).sharps());
    }

    @Test
    void timeSignaturesAndBarLinesThatAddUpGiveNoWarning() throws Exception {
        StaccatoReading r = read("TIME:3/4 C5q D5q E5q | F5h. | G5q A5h |");
        assertEquals(List.of(), r.warnings());
        assertEquals(3, r.score().timeSignatures().get(0).numerator());
    }

    @Test
    void aBarThatDoesNotAddUpIsNamedInAWarning() throws Exception {
        StaccatoReading r = read("TIME:3/4 C5q D5q E5q | F5q G5q |\nA5q B5q C6q |");
        assertEquals(2, r.warnings().size(), r.warnings().toString());
        StaccatoWarning w = r.warnings().get(0);
        assertEquals(1, w.line());
        assertEquals(32, w.column());
        assertTrue(w.message().startsWith("voice 0 layer 0: bar 2 does not add up: 2 beats since the previous bar "
                + "line where TIME:3/4 needs whole bars of 3"), w.message());
        assertTrue(r.warnings().get(1).message().contains("bar 3 does not add up"), r.warnings().get(1).message());
    }

    @Test
    void percussionNamesIgnoreCase() throws Exception {
        assertEquals(List.of(36, 36, 38, 42, 43, 45, 45), pitches("V9 [Bass_Drum]q [BASS_DRUM]q [acoustic_snare]q "
                + "[Closed_Hi_Hat]q [LOW_TOM]q [lo_tom]q [High_Floor_Tom]q")
                .stream().sorted().toList());
        assertTrue(read("V9 [bass_drum]").score().tracks().get(0).isDrum());
    }

    @Test
    void instrumentsByJFugueNameGmNameOrNumber() throws Exception {
        assertEquals(73, read("I[Flute] C5").score().tracks().get(0).program());
        assertEquals(73, read("i[FLUTE] C5").score().tracks().get(0).program());
        assertEquals(0, read("I[Acoustic_Grand_Piano] C5").score().tracks().get(0).program());
        assertEquals(33, read("I33 C5").score().tracks().get(0).program());
        Score two = read("V0 I[Piano] C5q I[Violin] D5q").score();
        assertEquals(List.of(0, 40), two.tracks().stream().map(Track::program).toList());
        assertEquals(480, two.tracks().get(1).notes().get(0).startTick());
    }

    @Test
    void voicesAndLayersKeepTheirOwnCursors() throws Exception {
        Score s = read("V0 C5q D5q V1 E5q V0 F5q L1 G5h V0 L0 A5q").score();
        Track v0 = s.tracks().get(0);
        assertEquals(List.of(new Note(0, 480, 60, 64), new Note(0, 960, 67, 64), new Note(480, 480, 62, 64),
                new Note(960, 480, 65, 64), new Note(1440, 480, 69, 64)), v0.notes());
        assertEquals(List.of(new Note(0, 480, 64, 64)), s.tracks().get(1).notes());
    }

    @Test
    void commentsRunToTheEndOfTheLine() throws Exception {
        assertEquals(List.of(62), pitches("# a melody: C5q is not played\nD5q # E5q neither"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "C5q Z5q| 5| expected a note",
            "C5z| 3| expected a duration",
            "I[Nope] C5| 3| unknown instrument name [Nope]",
            "V16 C5| 2| voice number 0..15",
            "@2 C5| 1| beat-time tokens '@'",
            "TIME:3/5| 6| power-of-two denominator",
            "V9 [Snare]q| 5| unknown percussion name [Snare]",
            "C5q*5| 6| expected ':'",
            "C5qa200| 5| attack velocity must be in 1..127, got 200",
            "G#10q| 1| pitch 128 is outside",
            "C5maj^^^q| 6| at most 2 inversions",
            "T[Fast]| 3| unknown tempo word",
            "KEY:Hmaj| 5| expected a key",
            "C5q+| 5| expected another note"})
    void anythingElseIsAnErrorNamingTheColumn(String text, int column, String expected) {
        StaccatoSyntaxException e = assertThrows(StaccatoSyntaxException.class, () -> read(text));
        assertEquals(column, e.column(), e.getMessage());
        assertEquals(1, e.line());
        assertTrue(e.problem().contains(expected), e.getMessage());
    }

    @Test
    void theExcerptPutsACaretUnderTheColumn() {
        StaccatoSyntaxException e = assertThrows(StaccatoSyntaxException.class, () -> read("C5q\nD5q E5z F5q"));
        assertEquals(2, e.line());
        assertEquals("D5q E5z F5q" + System.lineSeparator() + "      ^", e.excerpt());
    }
}
