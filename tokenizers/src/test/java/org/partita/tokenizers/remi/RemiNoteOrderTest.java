package org.partita.tokenizers.remi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.midi.SmfBytes;
import org.partita.symbolic.Score;

/**
 * The order of notes that share a position, on hand-made files for the cases the corpora hold
 * rarely or not at all. Expected orders follow MidiTok 3.0.6 with symusic 0.5.8 (docs/tokenizers.md,
 * "Note order"): tracks in chunk order and, within a chunk, in (channel, program) order; same-program
 * tracks merged (all drums as one) and sorted by (resampled time, resampled duration, pitch, raw
 * velocity); an unmerged track keeps its Note On order. Files: 480 ticks per quarter, so one REMI
 * position (1/8 beat at the default resolution) is 60 ticks.
 */
class RemiNoteOrderTest {

    private static final int NOTE_ON = 0x90;
    private static final int NOTE_OFF = 0x80;
    private static final int PROGRAM = 0xC0;

    private final RemiTokenizer tok = RemiTokenizer.of(RemiConfig.defaults());

    @Test
    void sameTickNotesOfOneTrackKeepTheirNoteOnOrder() throws Exception {
        // Note On 67 (ends 480), 60 (ends 960), 64 (ends 240), all at tick 0. Sorting by pitch would
        // give 60 64 67, by duration 64 67 60: MidiTok keeps the file's 67 60 64.
        byte[] file = file(track(
                ev(0, NOTE_ON, 67, 90), ev(0, NOTE_ON, 60, 90), ev(0, NOTE_ON, 64, 90),
                ev(240, NOTE_OFF, 64, 0), ev(240, NOTE_OFF, 67, 0), ev(480, NOTE_OFF, 60, 0)));
        assertEquals(List.of("Program_0 Pitch_67", "Program_0 Pitch_60", "Program_0 Pitch_64"), notes(file));
    }

    @Test
    void sameProgramTracksAreMergedAndSortedByDurationThenPitch() throws Exception {
        // Chunk 1 (program 0, channel 1): 72 for 480 ticks, 60 for 960. Chunk 2 (program 0, channel 2):
        // 48 for 480, 65 for 240. Merged and sorted by (duration, pitch): 65(240) 48(480) 72(480) 60(960).
        byte[] file = file(
                track(ev(0, NOTE_ON, 72, 90), ev(0, NOTE_ON, 60, 90), ev(480, NOTE_OFF, 72, 0), ev(480, NOTE_OFF, 60, 0)),
                track(ev(0, NOTE_ON | 1, 48, 90), ev(0, NOTE_ON | 1, 65, 90), ev(240, NOTE_OFF | 1, 65, 0),
                        ev(240, NOTE_OFF | 1, 48, 0)));
        assertEquals(List.of("Program_0 Pitch_65", "Program_0 Pitch_48", "Program_0 Pitch_72", "Program_0 Pitch_60"),
                notes(file));
    }

    @Test
    void drumsAndBassOnOnePositionFollowTheChunkOrder() throws Exception {
        byte[] drums = track(ev(0, NOTE_ON | 9, 42, 90), ev(0, NOTE_ON | 9, 36, 90),
                ev(60, NOTE_OFF | 9, 42, 0), ev(0, NOTE_OFF | 9, 36, 0));
        byte[] bass = track(ev(0, PROGRAM | 1, 33), ev(0, NOTE_ON | 1, 40, 90), ev(480, NOTE_OFF | 1, 40, 0));
        // Drums first in the file: its notes in Note On order (42 before 36, though 36 is lower), then the bass.
        assertEquals(List.of("Program_-1 PitchDrum_42", "Program_-1 PitchDrum_36", "Program_33 Pitch_40"),
                notes(file(drums, bass)));
        // The same chunks the other way round.
        assertEquals(List.of("Program_33 Pitch_40", "Program_-1 PitchDrum_42", "Program_-1 PitchDrum_36"),
                notes(file(bass, drums)));
    }

    @Test
    void drumTracksOfSeveralChunksAreMergedAsOne() throws Exception {
        // Two drum chunks, both 60 ticks long at tick 0: merged (all drums count as program -1) and
        // sorted by (duration, pitch): 36 38 42 46, whatever the chunks' own orders.
        byte[] a = track(ev(0, NOTE_ON | 9, 42, 90), ev(0, NOTE_ON | 9, 36, 90), ev(60, NOTE_OFF | 9, 42, 0),
                ev(0, NOTE_OFF | 9, 36, 0));
        byte[] b = track(ev(0, NOTE_ON | 9, 46, 90), ev(0, NOTE_ON | 9, 38, 90), ev(60, NOTE_OFF | 9, 46, 0),
                ev(0, NOTE_OFF | 9, 38, 0));
        assertEquals(List.of("Program_-1 PitchDrum_36", "Program_-1 PitchDrum_38", "Program_-1 PitchDrum_42",
                "Program_-1 PitchDrum_46"), notes(file(a, b)));
    }

    @Test
    void chordPlayedAsAFiveMillisecondArpeggioKeepsItsOnsetOrder() throws Exception {
        // At 120 bpm a tick is 1.04 ms: 67 at tick 0, 64 at 5, 60 at 10, all ending at 960. Resampled to
        // 8 ticks per quarter all three start at 0 and last 16: one position, equal durations. An
        // unmerged track keeps the file's order 67 64 60 (a sort by pitch would give 60 64 67).
        byte[] arpeggio = track(ev(0, NOTE_ON, 67, 90), ev(5, NOTE_ON, 64, 90), ev(5, NOTE_ON, 60, 90),
                ev(950, NOTE_OFF, 67, 0), ev(0, NOTE_OFF, 64, 0), ev(0, NOTE_OFF, 60, 0));
        assertEquals(List.of("Program_0 Pitch_67", "Program_0 Pitch_64", "Program_0 Pitch_60"), notes(file(arpeggio)));
        // Beside another program-0 chunk the track is merged, and the merge sorts on the resampled
        // times and durations: now 60 64 67, then the other chunk's 72 (longer).
        byte[] other = track(ev(0, NOTE_ON | 1, 72, 90), ev(1920, NOTE_OFF | 1, 72, 0));
        assertEquals(List.of("Program_0 Pitch_60", "Program_0 Pitch_64", "Program_0 Pitch_67", "Program_0 Pitch_72"),
                notes(file(arpeggio, other)));
    }

    @Test
    void programChangeInsideAChunkOrdersItsTracksByChannelThenProgram() throws Exception {
        // One chunk: channel 1 plays 60 with program 40, then switches to program 10 and plays 62, both
        // at tick 0; channel 0 (program 5) plays 55. symusic's tracks of a chunk are keyed by
        // (channel, program): (0,5) then (1,10) then (1,40), not in order of first use.
        byte[] chunk = track(ev(0, PROGRAM | 1, 40), ev(0, NOTE_ON | 1, 60, 90), ev(0, PROGRAM | 1, 10),
                ev(0, NOTE_ON | 1, 62, 90), ev(0, PROGRAM, 5), ev(0, NOTE_ON, 55, 90),
                ev(480, NOTE_OFF | 1, 60, 0), ev(0, NOTE_OFF | 1, 62, 0), ev(0, NOTE_OFF, 55, 0));
        assertEquals(List.of("Program_5 Pitch_55", "Program_10 Pitch_62", "Program_40 Pitch_60"), notes(file(chunk)));
    }

    @Test
    void writingAReadScoreKeepsItsNoteOnOrderSoItsTokensStayTheSame() throws Exception {
        byte[] file = file(track(ev(0, NOTE_ON, 67, 90), ev(0, NOTE_ON, 60, 90), ev(0, NOTE_ON, 64, 90),
                ev(240, NOTE_OFF, 64, 0), ev(240, NOTE_OFF, 67, 0), ev(480, NOTE_OFF, 60, 0)));
        Score read = MidiReader.lenient().read(file, "order.mid").score();
        Score again = MidiReader.lenient().read(MidiWriter.toBytes(read, 480), "again.mid").score();
        assertEquals(read, again);
        assertEquals(notes(file), pairs(tok.encode(again).tokens(tok.vocabulary())));
    }

    /** "Program_p Pitch_x" for every note, in token order. */
    private List<String> notes(byte[] file) throws Exception {
        Score score = MidiReader.lenient().read(file, "hand-made.mid").score();
        return pairs(tok.encode(score).tokens(tok.vocabulary()));
    }

    private static List<String> pairs(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).startsWith("Program_") && tokens.get(i + 1).startsWith("Pitch")) {
                out.add(tokens.get(i) + " " + tokens.get(i + 1));
            }
        }
        return out;
    }

    private static int[] ev(int delta, int... bytes) {
        int[] e = new int[bytes.length + 1];
        e[0] = delta;
        System.arraycopy(bytes, 0, e, 1, bytes.length);
        return e;
    }

    /** An MTrk body: each event is {delta, status, data...}; End of Track added. */
    private static byte[] track(int[]... events) {
        SmfBytes.Body body = SmfBytes.body();
        for (int[] e : events) {
            int[] data = new int[e.length - 1];
            System.arraycopy(e, 1, data, 0, data.length);
            body.ev(e[0], data);
        }
        return body.endOfTrack(0).bytes();
    }

    /** A format 1 file at 480 ticks per quarter with a 120 bpm conductor chunk, then the given chunks. */
    private static byte[] file(byte[]... chunks) {
        SmfBytes smf = SmfBytes.header(1, chunks.length + 1, 480);
        smf.track(SmfBytes.body().meta(0, 0x51, 0x07, 0xA1, 0x20).endOfTrack(0).bytes());
        for (byte[] c : chunks) {
            smf.track(c);
        }
        return smf.bytes();
    }
}
