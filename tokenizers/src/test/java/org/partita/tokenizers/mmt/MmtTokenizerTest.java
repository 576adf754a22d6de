package org.partita.tokenizers.mmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.ScoreDifference;

class MmtTokenizerTest {

    private final MmtTokenizer tok = MmtTokenizer.of(MmtConfig.defaults());

    private static Score twoTracks() {
        Track piano = Track.of("p", 1, false, List.of(new Note(0, 480, 60, 90), new Note(240, 100, 64, 90)));
        Track drums = Track.of("d", 0, true, List.of(new Note(480, 60, 36, 100)));
        Track fx = Track.of("fx", 120, false, List.of(new Note(0, 480, 70, 90)));
        return new Score(480, List.of(piano, drums, fx), List.of(new TempoChange(0, 500_000)), List.of(), List.of(),
                List.of());
    }

    @Test
    void rowsAreSosInstrumentsSonNotesEosWithBeatPositionAndDurationBins() {
        CompoundSequence rows = tok.encodeRows(twoTracks());
        assertEquals(8, rows.size(), "SOS, 2 instruments (program 120 has no class), SON, 3 notes, EOS");
        assertEquals(MmtFields.SOS, rows.code(0, 0));
        assertEquals(MmtFields.INSTRUMENT_ROW, rows.code(1, 0));
        assertEquals(1, rows.code(1, 5), "piano (program 1) is class 'piano', code 1");
        assertEquals(MmtInstruments.NAMES.size(), rows.code(2, 5), "drums last");
        assertEquals(MmtFields.SON, rows.code(3, 0));
        // Note at tick 240 of 480 tpq = beat 0, position 6 of 12; duration 100 ticks = 2.5 steps -> 2.
        assertEquals(List.of(3, 1, 7, 65, 2, 1), List.of(rows.code(5, 0), rows.code(5, 1), rows.code(5, 2),
                rows.code(5, 3), rows.code(5, 4), rows.code(5, 5)));
        assertEquals(6, rows.position(5));
        assertEquals(1, rows.noteIndex(5));
        assertEquals(MmtFields.EOS, rows.code(7, 0));
        assertEquals(-1, rows.noteIndex(7));
    }

    @Test
    void decodingTheRowsGivesTheQuantisedScoreWithACleanReport() {
        Decoded fromRows = tok.decodeRows(tok.encodeRows(twoTracks()).rows());
        assertTrue(fromRows.report().isClean(), fromRows.report().toString());
        assertNull(ScoreDifference.of(tok.quantise(twoTracks()), fromRows.score()));
        Decoded fromIds = tok.decode(tok.encode(twoTracks()).ids());
        assertNull(ScoreDifference.of(tok.quantise(twoTracks()), fromIds.score()));
        assertEquals(6 * 8, tok.encode(twoTracks()).size());
    }

    @Test
    void decodeNeverThrowsOnRandomRowsAndCountsWhatIsWrong() {
        Random random = new Random(11L);
        int[] sizes = tok.fieldSizes();
        for (int k = 0; k < 500; k++) {
            int[][] rows = new int[random.nextInt(40)][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = new int[random.nextInt(10) == 0 ? random.nextInt(8) : 6];
                for (int f = 0; f < rows[i].length; f++) {
                    rows[i][f] = random.nextInt(f < 6 ? sizes[f] + 2 : 5) - 1;
                }
            }
            tok.decodeRows(rows);
        }
        Decoded d = tok.decodeRows(new int[][] {{3, 1, 1, 61, 0, 1}, {3, 1, 1, 61, 3, 1}});
        assertEquals(1, d.report().count(Violation.NOTE_WITHOUT_DURATION));
        assertEquals(1, d.report().count(Violation.MISPLACED_SPECIAL_TOKEN), "notes before start-of-notes");
        assertEquals(1, d.report().count(Violation.UNDECLARED_INSTRUMENT));
        assertEquals(1, d.score().noteCount());
    }

    @Test
    void grammarRejectsNotesGoingBackInTime() {
        int[] ids = tok.encode(twoTracks()).ids();
        assertEquals(-1, tok.grammar().firstViolation(ids));
        int[] offsets = tok.fieldOffsets();
        // Rows: SOS, 2 instruments, SON, notes at rows 4..6, EOS. Move the drum note (row 6, beat 1) to
        // beat 0 position 0, before the note at beat 0 position 6 in row 5.
        int drumsRow = 6;
        ids[drumsRow * 6 + 1] = offsets[1] + 1;
        ids[drumsRow * 6 + 2] = offsets[2] + 1;
        assertEquals(drumsRow * 6 + 2, tok.grammar().firstViolation(ids));
    }

    @Test
    void configJsonRoundTripsAndRefusesUnknownKeys() {
        MmtConfig c = MmtConfig.defaults().withMaxBeat(256);
        assertEquals(c, MmtConfigJson.fromJson(MmtConfigJson.toJson(c)));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> MmtConfigJson.fromJson("{\"resolutoin\": 12}"));
        assertTrue(e.getMessage().contains("resolutoin"), e.getMessage());
    }

    @Test
    void padIsOneIdAppendedAfterTheSixFieldsAndNoFieldIdMoves() {
        int[] offsets = tok.fieldOffsets();
        int[] sizes = tok.fieldSizes();
        int afterFields = offsets[5] + sizes[5];
        assertEquals(afterFields + 1, tok.vocabulary().size());
        assertEquals(afterFields, tok.vocabulary().id("PAD_None"));
        assertEquals(0, tok.vocabulary().id(MmtTokenizer.START_OF_SONG));
        assertEquals(MmtFields.EOS, tok.vocabulary().id(MmtTokenizer.END_OF_SONG));
        assertEquals(offsets[5] + sizes[5] - 1, tok.vocabulary().id("instrument_drums"), "last field id unchanged");
    }

    @Test
    void grammarNeverAllowsPad() {
        int pad = tok.vocabulary().id("PAD_None");
        org.partita.tokenizers.GrammarState state = tok.grammar().start();
        for (int id : tok.encode(twoTracks()).ids()) {
            assertTrue(!state.allowed().get(pad) && !state.allows(pad), "PAD allowed before id " + id);
            state = state.next(id);
        }
        assertTrue(!state.allows(pad), "PAD allowed after end-of-song");
    }

    @Test
    void aLoneTrailingEndOfSongTypeIdEndsTheSongWithoutAViolation() {
        int[] ids = tok.encode(twoTracks()).ids();
        int[] cut = java.util.Arrays.copyOf(ids, ids.length - 5); // as generation stops: type_end-of-song only
        assertEquals(tok.vocabulary().id(MmtTokenizer.END_OF_SONG), cut[cut.length - 1]);
        Decoded d = tok.decode(cut);
        assertTrue(d.report().isClean(), d.report().toString());
        assertNull(ScoreDifference.of(tok.quantise(twoTracks()), d.score()));
        assertEquals(-1, tok.grammar().firstViolation(cut));
    }

    @Test
    void aTrailingPartialRowThatIsNotEndOfSongIsStillAMissingField() {
        int[] ids = tok.encode(twoTracks()).ids();
        int[] noteCut = java.util.Arrays.copyOf(ids, ids.length - 6 - 3); // last note row cut after 3 fields
        assertEquals(1, tok.decode(noteCut).report().count(Violation.MISSING_FIELD));
        int[] eosWithBeat = java.util.Arrays.copyOf(ids, ids.length - 4);
        eosWithBeat[eosWithBeat.length - 1] = tok.fieldOffsets()[1] + 3; // end-of-song, then a beat value
        assertEquals(1, tok.decode(eosWithBeat).report().count(Violation.MISSING_FIELD));
    }

    @Test
    void trailingPadIsSilentAndPadInsideIsAMisplacedSpecialTokenThatIsSkipped() {
        int pad = tok.vocabulary().id("PAD_None");
        int[] ids = tok.encode(twoTracks()).ids();
        int[] padded = java.util.Arrays.copyOf(ids, ids.length + 7);
        java.util.Arrays.fill(padded, ids.length, padded.length, pad);
        Decoded d = tok.decode(padded);
        assertTrue(d.report().isClean(), d.report().toString());
        assertNull(ScoreDifference.of(tok.quantise(twoTracks()), d.score()));

        int[] inside = new int[ids.length + 1];
        System.arraycopy(ids, 0, inside, 0, 13);
        inside[13] = pad;
        System.arraycopy(ids, 13, inside, 14, ids.length - 13);
        Decoded e = tok.decode(inside);
        assertEquals(1, e.report().total(), e.report().toString());
        assertEquals(1, e.report().count(Violation.MISPLACED_SPECIAL_TOKEN));
        assertNull(ScoreDifference.of(tok.quantise(twoTracks()), e.score()));
        assertTrue(tok.grammar().firstViolation(inside) == 13);
    }

    @Test
    void noteRowsNeedADeclaredInstrumentSoMaskedGenerationNeverReachesADeadEnd() {
        int[] offsets = tok.fieldOffsets();
        org.partita.tokenizers.GrammarState state = tok.grammar().start();
        // start-of-song row, then start-of-notes row with no instrument declared
        for (int id : new int[] {0, offsets[1], offsets[2], offsets[3], offsets[4], offsets[5],
                MmtFields.SON, offsets[1], offsets[2], offsets[3], offsets[4], offsets[5]}) {
            assertTrue(state.allows(id), "id " + id);
            state = state.next(id);
        }
        assertTrue(!state.allows(MmtFields.NOTE), "a note row with no instrument declared");
        assertTrue(state.allows(MmtFields.EOS));
        assertEquals(1, state.allowed().cardinality());
    }

    @Test
    void aRandomWalkOverAllowedIdsNeverMeetsAnEmptyMaskBeforeEndOfSong() {
        // what grammar-masked generation does: pick any allowed id, never an empty mask before end-of-song
        Random random = new Random(5L);
        int endOfSong = tok.vocabulary().id(MmtTokenizer.END_OF_SONG);
        int ended = 0;
        for (int walk = 0; walk < 300; walk++) {
            org.partita.tokenizers.GrammarState state = tok.grammar().start();
            for (int step = 0; step < 2000; step++) {
                java.util.BitSet allowed = state.allowed();
                assertTrue(!allowed.isEmpty(), "walk " + walk + ": nothing allowed at step " + step);
                // favour high ids now and then, to reach the last instrument code and the last beats
                int pick = random.nextInt(4) == 0 ? allowed.length() - 1
                        : allowed.stream().skip(random.nextInt(allowed.cardinality())).findFirst().getAsInt();
                state = state.next(pick);
                if (pick == endOfSong && step % 6 == 0) {
                    ended++;
                    break;
                }
            }
        }
        assertTrue(ended > 0, "some walks end with end-of-song");
    }
}
