package org.partita.symbolic.staccato;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

class StaccatoWriterTest {

    @Test
    void aSmallScoreIsWrittenOneLinePerVoiceWithBarLinesChordsAndLayers() {
        Score score = new Score(480, List.of(
                Track.of("Melody", 73, false, List.of(new Note(0, 480, 72, 64), new Note(480, 240, 74, 90),
                        new Note(720, 240, 76, 64), new Note(960, 960, 79, 64))),
                Track.of("Chords", 0, false, List.of(new Note(0, 1440, 60, 64), new Note(0, 1440, 64, 64),
                        new Note(0, 480, 67, 64), new Note(480, 480, 69, 64))),
                Track.of("Drums", 0, true, List.of(new Note(0, 120, 36, 100), new Note(960, 120, 38, 100)))),
                List.of(TempoChange.ofBpm(0, 100)), List.of(new TimeSignature(0, 3, 4)), List.of(), List.of());
        String text = StaccatoWriter.ofGrid(16).write(score);
        assertEquals("""
                T100 TIME:3/4
                V0 I[Flute] C6q D6ia90 E6i G6h
                V1 I[Piano] L0 C5h.+E5h. | L1 G5q A5q
                V9 [BASS_DRUM]sa100 Rqis [ACOUSTIC_SNARE]sa100
                """, text);
    }

    @Test
    void laterTempoMeterAndKeyChangesGoOnALineOfRests() throws Exception {
        Score score = new Score(480, List.of(Track.of("Melody", 0, false, List.of(new Note(0, 3840, 62, 64)))),
                List.of(TempoChange.ofBpm(0, 120), TempoChange.ofBpm(1920, 90)),
                List.of(new TimeSignature(0, 4, 4), new TimeSignature(1920, 3, 4)),
                List.of(new KeySignature(0, 2, false)), List.of());
        String text = StaccatoWriter.ofGrid(16).write(score);
        assertEquals("""
                T120 TIME:4/4 KEY:Dmaj
                V0 I[Piano] Dn5ww
                V0 L15 Rw T90 TIME:3/4
                """, text);
        StaccatoReading back = StaccatoReader.defaults().read(text);
        assertEquals(List.of(), back.warnings());
        assertEquals(score.timeSignatures(), back.score().timeSignatures());
        assertEquals(1920, back.score().tempos().get(1).tick());
        assertEquals(List.of(new Note(0, 3840, 62, 64)), back.score().tracks().get(0).notes());
    }

    @Test
    void lengthsUseLettersThenTripletsThenNumbers() {
        assertEquals("q", StaccatoDurations.format(WholeNotes.of(1, 4)));
        assertEquals("q.", StaccatoDurations.format(WholeNotes.of(3, 8)));
        assertEquals("qs", StaccatoDurations.format(WholeNotes.of(5, 16)));
        assertEquals("wwwq", StaccatoDurations.format(WholeNotes.of(13, 4)));
        assertEquals("w6i", StaccatoDurations.format(WholeNotes.of(49, 8)));
        assertEquals("i*", StaccatoDurations.format(WholeNotes.of(1, 12)));
        assertEquals("hi*", StaccatoDurations.format(WholeNotes.of(5, 12)));
        assertEquals("i*5:4", StaccatoDurations.format(WholeNotes.of(1, 10)));
        assertEquals("q*7:4", StaccatoDurations.format(WholeNotes.of(1, 7)));
        assertEquals("/0.0001", StaccatoDurations.format(WholeNotes.of(1, 10000)));
    }

    @ParameterizedTest(name = "grid {0}")
    @ValueSource(ints = {16, 12, 48, 20, 7})
    void syntheticPiecesReadBackAsTheSameGridNotes(int grid) throws Exception {
        List<Score> pieces = SyntheticCorpus.generate(11, 24);
        int notes = 0;
        for (int i = 0; i < pieces.size(); i++) {
            Score piece = pieces.get(i);
            String text = StaccatoWriter.ofGrid(grid).write(piece);
            StaccatoReading back = StaccatoReader.defaults().read(text);
            assertEquals(List.of(), back.warnings(), "piece " + i);
            assertEquals(GridNote.byPart(piece, grid), GridNote.byPart(back.score(), grid), "piece " + i);
            assertEquals(piece.timeSignatures().get(0).numerator(), back.score().timeSignatures().get(0).numerator());
            notes += back.score().noteCount();
        }
        assertTrue(notes > 24 * 50, "notes read back: " + notes);
    }

    @Test
    void moreThanFifteenMelodicTracksShareVoicesByProgram() throws Exception {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tracks.add(Track.of("t" + i, i % 3, false, List.of(new Note(i * 120L, 120, 60 + i, 64))));
        }
        Score score = Score.empty(480).withTracks(tracks);
        StaccatoReading back = StaccatoReader.defaults().read(StaccatoWriter.ofGrid(16).write(score));
        assertEquals(3, back.score().tracks().size());
        assertEquals(GridNote.byPart(score, 16), GridNote.byPart(back.score(), 16));
    }

    @Test
    void tooManyProgramsIsAnErrorNamingTheCount() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            tracks.add(Track.of("t" + i, i, false, List.of(new Note(0, 120, 60, 64))));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StaccatoWriter.ofGrid(16).write(Score.empty(480).withTracks(tracks)));
        assertTrue(e.getMessage().contains("16 melodic tracks"), e.getMessage());
    }
}
