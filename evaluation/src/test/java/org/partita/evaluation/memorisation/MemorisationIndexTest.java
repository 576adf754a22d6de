package org.partita.evaluation.memorisation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.midi.SharedData;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;

/**
 * The memorisation check on real chorales (../shared/data/corpora/js_fakes): an index of 40 pieces, "generated"
 * pieces cut from them by hand, and the exact file and bars the check must name.
 */
class MemorisationIndexTest {

    private static List<Path> training;
    private static MemorisationIndex index;

    @BeforeAll
    static void indexForty() throws Exception {
        List<Path> files = SharedData.midiFiles(SharedData.dir("corpora/js_fakes"));
        training = files.subList(0, 40);
        MemorisationIndex.Builder builder = new MemorisationIndex.Builder(MemorisationSettings.defaults());
        for (Path f : training) {
            builder.add(f.toString(), read(f));
        }
        index = builder.build();
    }

    @Test
    void barsThreeToSixTransposedUpATwoAtAnotherTempoAreFoundWithTheirFileAndBars() throws Exception {
        Path source = training.get(5);
        // bars 3-6 (1-based), a whole tone up, at 72 bpm, resampled from 1024 to 960 ticks per quarter
        Score piece = bars(read(source), 3, 6).transposed(2).withTempos(List.of(new TempoChange(0, 833_333)))
                .resampled(960);
        MemorisationVerdict v = index.check(piece);
        assertTrue(v.flagged());
        Passage p = v.longest();
        assertEquals(source.toString(), p.source());
        assertEquals(3, p.sourceFirstBar());
        assertEquals(6, p.sourceLastBar());
        assertEquals(1, p.firstBar());
        assertEquals(2, p.transposition());
        assertTrue(p.bars() >= 3.5 && p.bars() <= 4.0 + 1e-9, "bars " + p.bars());
        // the longest copied passage comes first; other training chorales may share a shorter one (a cadence)
        assertEquals(p, v.copied().get(0));
    }

    @Test
    void oneNoteChangedInEveryBarOfEveryTrackIsNotFlaggedAtTwoBars() throws Exception {
        Score copy = bars(read(training.get(5)), 3, 6).transposed(2);
        Score changed = changeOneNotePerBar(copy);
        MemorisationVerdict v = index.check(changed, 2.0, 0);
        assertFalse(v.flagged(), () -> "longest " + v.longest());
        assertTrue(v.longest() == null || v.longest().bars() < 2.0, () -> "longest " + v.longest());
        // the unchanged copy is flagged with the same rule
        assertTrue(index.check(copy, 2.0, 0).flagged());
    }

    @Test
    void aCopiedLowVoiceIsFlaggedUnlessOnlyMelodiesAreCompared() throws Exception {
        Score copy = bars(read(training.get(5)), 3, 6);
        Score lowest = copy.withTracks(List.of(copy.tracks().get(copy.tracks().size() - 1)));
        MemorisationVerdict all = index.check(lowest);
        assertTrue(all.flagged());
        assertEquals(training.get(5).toString(), all.longest().source());
        // its own melody line is the low voice, which no training melody (the top voices) holds
        MemorisationVerdict melody = index.check(lowest, 2.0, 12, true);
        assertFalse(melody.flagged(), () -> "longest " + melody.longest());
        // the whole copy's melody is the training piece's melody
        assertTrue(index.check(copy, 2.0, 12, true).flagged());
    }

    @Test
    void anUnrelatedPieceIsNotFlagged() throws Exception {
        Path pop = SharedData.midiFiles(SharedData.dir("corpora/pop909")).get(0);
        MemorisationVerdict v = index.check(read(pop));
        assertFalse(v.flagged(), () -> "longest " + v.longest());
        assertTrue(v.copied().isEmpty());
    }

    @Test
    void aPieceCopyingTwoTrainingPiecesReportsBoth() throws Exception {
        Path a = training.get(5);
        Path b = training.get(17);
        Score first = bars(read(a), 3, 6);
        Score second = bars(read(b), 5, 8).transposed(-3);
        Score piece = append(first, second);
        MemorisationVerdict v = index.check(piece);
        assertTrue(v.flagged());
        Set<String> sources = v.copied().stream().map(Passage::source).collect(Collectors.toSet());
        assertTrue(sources.containsAll(Set.of(a.toString(), b.toString())), sources::toString);
        for (Passage p : v.copied()) {
            if (!Set.of(a.toString(), b.toString()).contains(p.source())) {
                continue; // another chorale sharing a shorter passage
            }
            if (p.source().equals(a.toString())) {
                assertEquals(List.of(3, 6, 1, 0), List.of(p.sourceFirstBar(), p.sourceLastBar(), p.firstBar(),
                        p.transposition()));
            } else {
                assertEquals(List.of(5, 8, 6, -3), List.of(p.sourceFirstBar(), p.sourceLastBar(), p.firstBar(),
                        p.transposition()));
            }
        }
    }

    @Test
    void aSavedIndexLoadsAndAnswersTheSame() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MemorisationIndexFormat.save(index, bytes);
        MemorisationIndex loaded = MemorisationIndexFormat.load(new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(index.noteCount(), loaded.noteCount());
        assertEquals(index.sources(), loaded.sources());
        Score piece = bars(read(training.get(9)), 2, 5).transposed(5);
        assertEquals(index.check(piece), loaded.check(piece));
    }

    static Score read(Path f) throws Exception {
        return MidiReader.lenient().read(f).score();
    }

    /** The notes starting in bars first..last (1-based), moved so that bar {@code first} starts at tick 0. */
    static Score bars(Score s, int first, int last) {
        TimeGrid grid = s.timeGrid();
        long start = grid.barStartTick(first - 1);
        List<Track> tracks = new ArrayList<>();
        for (Track t : s.tracks()) {
            List<Note> kept = new ArrayList<>();
            for (Note n : t.notes()) {
                int bar = grid.barAt(n.startTick()) + 1;
                if (bar >= first && bar <= last) {
                    kept.add(n.withStartTick(n.startTick() - start));
                }
            }
            tracks.add(t.withNotes(kept));
        }
        return Score.empty(s.ticksPerQuarter()).withTracks(tracks).withTimeSignatures(s.timeSignatures().isEmpty()
                ? List.of() : List.of(s.timeSignatures().get(0).withTick(0)));
    }

    /** In every track, the note starting nearest the middle of each bar goes up a semitone. */
    static Score changeOneNotePerBar(Score s) {
        TimeGrid grid = s.timeGrid();
        List<Track> tracks = new ArrayList<>();
        for (Track t : s.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes());
            int bars = notes.isEmpty() ? 0 : grid.barAt(s.endTick() - 1) + 1;
            for (int bar = 0; bar < bars; bar++) {
                double middle = (grid.barStartTick(bar) + grid.barStartTick(bar + 1)) / 2.0;
                int best = -1;
                for (int i = 0; i < notes.size(); i++) {
                    if (grid.barAt(notes.get(i).startTick()) == bar && (best < 0
                            || Math.abs(notes.get(i).startTick() - middle) < Math.abs(notes.get(best).startTick() - middle))) {
                        best = i;
                    }
                }
                if (best >= 0) {
                    notes.set(best, notes.get(best).withPitch(notes.get(best).pitch() + 1));
                }
            }
            tracks.add(t.withNotes(notes));
        }
        return s.withTracks(tracks);
    }

    /**
     * {@code b}'s tracks appended to {@code a}'s, track by track, five bars later: after a bar of rest, so that
     * neither copy can run on into the other by a chance agreement of the notes at the seam.
     */
    static Score append(Score a, Score b) {
        long offset = a.timeGrid().barStartTick(5);
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < a.tracks().size(); i++) {
            List<Note> notes = new ArrayList<>(a.tracks().get(i).notes());
            if (i < b.tracks().size()) {
                b.tracks().get(i).notes().forEach(n -> notes.add(n.withStartTick(n.startTick() + offset)));
            }
            tracks.add(a.tracks().get(i).withNotes(notes));
        }
        return a.withTracks(tracks);
    }
}
