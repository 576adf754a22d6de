package org.partita.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCorpusTest {

    private static final int MELODY = 0;
    private static final int DRUMS = 3;

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, -7, Long.MAX_VALUE})
    void sameSeedGivesEqualPieces(long seed) {
        assertEquals(SyntheticCorpus.generate(seed, 9), SyntheticCorpus.generate(seed, 9));
    }

    @Test
    void pieceDoesNotDependOnHowManyAreAskedFor() {
        assertEquals(SyntheticCorpus.generate(42, 3), SyntheticCorpus.generate(42, 10).subList(0, 3));
    }

    @Test
    void differentSeedsGiveDifferentPieces() {
        List<Score> a = SyntheticCorpus.generate(1, 6);
        List<Score> b = SyntheticCorpus.generate(2, 6);
        for (int i = 0; i < 6; i++) {
            assertNotEquals(a.get(i).tracks(), b.get(i).tracks(), "piece " + i);
        }
    }

    @Test
    void piecesOfOneSeedDifferFromEachOther() {
        List<Score> pieces = SyntheticCorpus.generate(5, 12);
        Set<List<Note>> melodies = pieces.stream().map(s -> s.tracks().get(MELODY).notes()).collect(Collectors.toSet());
        assertEquals(12, melodies.size());
    }

    @Test
    void seedFortyTwoIsPinned() {
        // Pinned from this generator (JDK 17). A change here means corpora made from a seed no longer
        // reproduce: change it only with a deliberate generator change, and say so in the commit.
        List<Score> pieces = SyntheticCorpus.generate(42, 6);
        Score first = pieces.get(0);
        assertEquals(PINNED_FINGERPRINT, fingerprint(pieces));
        assertEquals(List.of(new TimeSignature(0, 4, 4)), first.timeSignatures());
        assertEquals(PINNED_FIRST_MELODY_NOTES, first.tracks().get(MELODY).notes().subList(0, 3));
    }

    private static final long PINNED_FINGERPRINT = -8484805072502763944L;
    private static final List<Note> PINNED_FIRST_MELODY_NOTES = List.of(
            new Note(0, 960, 62, 100), new Note(960, 720, 60, 80), new Note(1680, 240, 65, 82));

    @ParameterizedTest
    @ValueSource(longs = {0, 3, 42, 2024})
    void everyPieceHasKickSnareAndHatOnItsOneDrumTrack(long seed) {
        for (Score s : SyntheticCorpus.generate(seed, 9)) {
            List<Track> drums = s.tracks().stream().filter(Track::isDrum).toList();
            assertEquals(1, drums.size());
            Track d = drums.get(0);
            assertEquals("Drums", d.name());
            Set<Integer> pitches = d.notes().stream().map(Note::pitch).collect(Collectors.toSet());
            assertEquals(Set.of(36, 38, 42), pitches);
            TimeGrid g = s.timeGrid();
            int bars = g.barAt(s.endTick() - 1) + 1;
            for (int bar = 0; bar < bars; bar++) {
                long downbeat = g.barStartTick(bar);
                assertTrue(d.notes().contains(new Note(downbeat, 120, 36, 100)), "kick on bar " + bar);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 42, 99})
    void firstSixPiecesCoverFourFourThreeFourAndSixEight(long seed) {
        Set<String> meters = new HashSet<>();
        for (Score s : SyntheticCorpus.generate(seed, 6)) {
            assertEquals(1, s.timeSignatures().size());
            TimeSignature m = s.timeSignatures().get(0);
            meters.add(m.numerator() + "/" + m.denominator());
        }
        assertEquals(Set.of("4/4", "3/4", "6/8"), meters);
    }

    @Test
    void everyThirdPieceHasATempoChange() {
        List<Score> pieces = SyntheticCorpus.generate(7, 9);
        for (int i = 0; i < pieces.size(); i++) {
            List<TempoChange> tempos = pieces.get(i).tempos();
            assertEquals(i % 3 == 2 ? 2 : 1, tempos.size(), "piece " + i);
            assertEquals(0, tempos.get(0).tick());
            double bpm = tempos.get(0).bpm();
            assertTrue(bpm >= 79.9 && bpm <= 140.1, "bpm " + bpm);
        }
        assertEquals(1, SyntheticCorpus.generate(SyntheticConfig.defaults().withTempoChangeEvery(0), 9).stream()
                .mapToInt(s -> s.tempos().size()).max().orElseThrow());
    }

    @Test
    void piecesHaveNamedPartsKeyAndEightToSixteenBars() {
        Set<Integer> melodyPrograms = new HashSet<>();
        for (Score s : SyntheticCorpus.generate(11, 30)) {
            assertEquals(480, s.ticksPerQuarter());
            assertEquals(List.of("Melody", "Chords", "Bass", "Drums"), s.tracks().stream().map(Track::name).toList());
            assertEquals(33, s.tracks().get(2).program());
            assertTrue(Set.of(0, 4, 5).contains(s.tracks().get(1).program()));
            melodyPrograms.add(s.tracks().get(MELODY).program());
            assertEquals(1, s.keySignatures().size());
            assertEquals(0, s.keySignatures().get(0).tick());
            TimeSignature m = s.timeSignatures().get(0);
            long barTicks = (long) m.ticksPerBar(480);
            assertEquals(0, s.endTick() % barTicks, "piece ends on a bar line");
            long bars = s.endTick() / barTicks;
            assertTrue(bars >= 8 && bars <= 16, "bars " + bars);
            for (Track t : s.tracks()) {
                assertTrue(!t.notes().isEmpty(), t.name());
            }
        }
        assertEquals(Set.of(73, 40, 56, 0), melodyPrograms);
    }

    @Test
    void melodyRepeatsOneOrTwoBarsLater() {
        int oneBarPieces = 0;
        int twoBarOnlyPieces = 0;
        double sum = 0;
        List<Score> pieces = new ArrayList<>();
        for (long seed = 0; seed < 5; seed++) {
            pieces.addAll(SyntheticCorpus.generate(seed, 12));
        }
        for (Score s : pieces) {
            double one = repeatedBarFraction(s, 1);
            double two = repeatedBarFraction(s, 2);
            // A one-bar motif also repeats two bars later, so two bars back is always checked.
            assertTrue(two >= 2.0 / 3, "two-bar repetition " + two + " in " + s.texts());
            sum += two;
            if (one >= 2.0 / 3) {
                oneBarPieces++;
            } else if (one < 0.5) {
                twoBarOnlyPieces++;
            }
        }
        assertTrue(sum / pieces.size() >= 0.75, "mean repetition " + sum / pieces.size());
        assertTrue(oneBarPieces >= 10, "pieces with a one-bar motif: " + oneBarPieces);
        assertTrue(twoBarOnlyPieces >= 10, "pieces with a two-bar motif: " + twoBarOnlyPieces);
    }

    @Test
    void resolutionScalesTheSamePieces() {
        SyntheticConfig config = SyntheticConfig.defaults().withSeed(3);
        List<Score> fine = SyntheticCorpus.generate(config, 6);
        List<Score> coarse = SyntheticCorpus.generate(config.withTicksPerQuarter(96), 6);
        for (int i = 0; i < 6; i++) {
            assertEquals(fine.get(i).resampled(96), coarse.get(i), "piece " + i);
        }
    }

    @Test
    void configBarsAreRespected() {
        for (Score s : SyntheticCorpus.generate(SyntheticConfig.defaults().withBars(2, 2), 6)) {
            assertEquals(2, s.timeGrid().barAt(s.endTick() - 1) + 1);
        }
    }

    @Test
    void badConfigAndCountAreRejectedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyntheticConfig.defaults().withTicksPerQuarter(482));
        assertTrue(e.getMessage().contains("482"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.defaults().withBars(9, 4));
        assertTrue(e.getMessage().contains("got 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.defaults().withBars(0, 4));
        assertThrows(IllegalArgumentException.class, () -> SyntheticConfig.defaults().withTempoChangeEvery(-1));
        e = assertThrows(IllegalArgumentException.class, () -> SyntheticCorpus.generate(1, -2));
        assertTrue(e.getMessage().contains("-2"), e.getMessage());
        assertEquals(List.of(), SyntheticCorpus.generate(1, 0));
    }

    /** Fraction of bars b whose melody (pitch, onset within bar) equals bar b + periodBars. */
    private static double repeatedBarFraction(Score s, int periodBars) {
        TimeGrid g = s.timeGrid();
        List<Note> melody = s.tracks().get(MELODY).notes();
        int bars = g.barAt(s.endTick() - 1) + 1;
        int same = 0;
        for (int b = 0; b + periodBars < bars; b++) {
            if (barContent(melody, g, b).equals(barContent(melody, g, b + periodBars))) {
                same++;
            }
        }
        return same / (double) (bars - periodBars);
    }

    private static List<List<Long>> barContent(List<Note> notes, TimeGrid g, int bar) {
        long start = g.barStartTick(bar);
        long end = g.barStartTick(bar + 1);
        return notes.stream().filter(n -> n.startTick() >= start && n.startTick() < end)
                .map(n -> List.of(n.startTick() - start, (long) n.pitch())).toList();
    }

    /** A polynomial hash of every note, tempo and meter; independent of Object.hashCode. */
    private static long fingerprint(List<Score> pieces) {
        long h = 17;
        for (Score s : pieces) {
            for (TempoChange t : s.tempos()) {
                h = h * 31 + t.tick() * 7 + t.microsPerQuarter();
            }
            for (int i = 0; i < s.tracks().size(); i++) {
                Track t = s.tracks().get(i);
                h = h * 31 + i * 1000 + t.program();
                for (Note n : t.notes()) {
                    h = h * 31 + n.startTick();
                    h = h * 31 + n.durationTicks();
                    h = h * 31 + n.pitch() * 128L + n.velocity();
                }
            }
        }
        return h;
    }
}
