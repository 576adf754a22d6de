package org.partita.midi.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.partita.midi.ReadReport;
import org.partita.midi.ReadResult;
import org.partita.midi.Repair;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

class FileSummaryTest {

    private static final List<Note> ONE_NOTE = List.of(new Note(0, 480, 60, 100));

    @Test
    void programsAreDistinctSortedAndOnlyFromNonDrumTracksWithNotes() {
        Score score = Score.empty(480).withTracks(List.of(
                Track.of("conductor", 5, false, List.of()),
                Track.of("strings", 48, false, ONE_NOTE),
                Track.of("piano", 0, false, ONE_NOTE),
                Track.of("piano 2", 0, false, ONE_NOTE),
                Track.of("kit", 25, true, ONE_NOTE)));
        ReadReport report = new ReadReport(1, 5, 5, 480, List.of(), Map.of());

        FileSummary s = FileSummary.of(Path.of("x.mid"), new ReadResult(score, report));

        assertEquals(List.of(0, 48), s.programs());
        assertTrue(s.hasDrums());
        assertEquals(5, s.tracks());
        assertEquals(4, s.notes());
        assertEquals(1, s.format());
    }

    @Test
    void drumTrackWithoutNotesDoesNotCountAsDrums() {
        Score score = Score.empty(480).withTracks(List.of(Track.of("kit", 0, true, List.of())));
        ReadReport report = new ReadReport(0, 1, 1, 480, List.of(), Map.of());

        FileSummary s = FileSummary.of(Path.of("x.mid"), new ReadResult(score, report));

        assertEquals(false, s.hasDrums());
        assertEquals(List.of(), s.programs());
        assertEquals(0.0, s.durationSeconds());
    }

    @Test
    void durationTempoMeterAndRepairsComeFromTheScoreAndReport() {
        Score score = Score.empty(480)
                .withTracks(List.of(Track.of("piano", 0, false, List.of(new Note(0, 1920, 60, 100)))))
                .withTempos(List.of(new TempoChange(0, 1_000_000), new TempoChange(960, 500_000)))
                .withTimeSignatures(List.of(new TimeSignature(0, 3, 4)));
        Repair repair = new Repair(Repair.Kind.MISSING_END_OF_TRACK, 22, "track 1");
        ReadReport report = new ReadReport(1, 1, 1, 480, List.of(repair),
                Map.of(Repair.Kind.MISSING_END_OF_TRACK, 1, Repair.Kind.TRAILING_GARBAGE, 0));

        FileSummary s = FileSummary.of(Path.of("x.mid"), new ReadResult(score, report));

        // two quarters at 60 bpm, then two at 120 bpm
        assertEquals(3.0, s.durationSeconds(), 1e-9);
        assertEquals(2, s.tempoChanges());
        assertEquals(1, s.meterChanges());
        assertEquals(1, s.repairs());
        assertEquals(Map.of(Repair.Kind.MISSING_END_OF_TRACK, 1), s.repairKinds());
    }
}
