package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.partita.symbolic.ControlChange;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchBend;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TextEvent;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/** Each reading rule of {@link MidiReader}, on small files built byte by byte. */
class MidiReaderRulesTest {

    static ReadResult read(byte[] bytes) throws MidiFormatException {
        return MidiReader.lenient().read(bytes, "test.mid");
    }

    static Score score(byte[] bytes) throws MidiFormatException {
        return read(bytes).score();
    }

    @Test
    void format0WithSeveralChannelsGivesOneTrackPerChannel() throws Exception {
        byte[] body = SmfBytes.body()
                .meta(0, 0x03, 'M', 'i', 'x')
                .ev(0, 0xC0, 33).ev(0, 0xC1, 0)
                .ev(0, 0x90, 40, 100).ev(0, 0x91, 64, 90).ev(0, 0x99, 36, 120)
                .ev(480, 0x80, 40, 0).ev(0, 0x81, 64, 0).ev(0, 0x89, 36, 0)
                .endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(0, 1, 480).track(body).bytes());
        assertEquals(3, s.tracks().size());
        assertEquals(new Track("Mix", 33, false, List.of(new Note(0, 480, 40, 100)), List.of(), List.of()), s.tracks().get(0));
        assertEquals(new Track("Mix", 0, false, List.of(new Note(0, 480, 64, 90)), List.of(), List.of()), s.tracks().get(1));
        assertTrue(s.tracks().get(2).isDrum());
        assertEquals(List.of(new Note(0, 480, 36, 120)), s.tracks().get(2).notes());
    }

    @Test
    void format1TempoInAnyTrackAppliesToScoreAndTracksStartAtZero() throws Exception {
        byte[] conductor = SmfBytes.body().meta(0, 0x51, 0x07, 0xA1, 0x20).endOfTrack(0).bytes();
        byte[] part = SmfBytes.body().meta(960, 0x51, 0x0F, 0x42, 0x40)
                .ev(0, 0x90, 60, 80).ev(240, 0x80, 60, 0).endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(1, 2, 480).track(conductor).track(part).bytes());
        assertEquals(List.of(new TempoChange(0, 500_000), new TempoChange(960, 1_000_000)), s.tempos());
        assertEquals(List.of(new Note(960, 240, 60, 80)), s.tracks().get(0).notes());
    }

    @Test
    void format2SequencesAreLaidOverEachOtherFromTickZero() throws Exception {
        byte[] a = SmfBytes.body().ev(0, 0x90, 60, 80).ev(100, 0x80, 60, 0).endOfTrack(0).bytes();
        byte[] b = SmfBytes.body().ev(0, 0x90, 62, 80).ev(100, 0x80, 62, 0).endOfTrack(0).bytes();
        ReadResult r = read(SmfBytes.header(2, 2, 96).track(a).track(b).bytes());
        assertEquals(2, r.report().format());
        assertEquals(0, r.score().tracks().get(1).notes().get(0).startTick());
    }

    @Test
    void runningStatusReusesThePreviousChannelStatus() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x90, 60, 80).ev(0, 64, 81).ev(100, 60, 0).ev(0, 64, 0).endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertEquals(List.of(new Note(0, 100, 60, 80), new Note(0, 100, 64, 81)), s.tracks().get(0).notes());
    }

    @Test
    void noteOnWithVelocityZeroEndsTheNote() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x90, 60, 80).ev(50, 0x90, 60, 0).endOfTrack(10).bytes();
        assertEquals(List.of(new Note(0, 50, 60, 80)), score(SmfBytes.header(0, 1, 96).track(body).bytes()).tracks().get(0).notes());
    }

    @Test
    void overlappingNotesOfOnePitchPairFirstInFirstOut() throws Exception {
        byte[] body = SmfBytes.body()
                .ev(0, 0x90, 60, 80).ev(50, 0x90, 60, 90)
                .ev(50, 0x80, 60, 0).ev(100, 0x80, 60, 0).endOfTrack(0).bytes();
        List<Note> notes = score(SmfBytes.header(0, 1, 96).track(body).bytes()).tracks().get(0).notes();
        assertEquals(List.of(new Note(0, 100, 60, 80), new Note(50, 150, 60, 90)), notes);
    }

    @Test
    void noteStillSoundingIsClosedAtEndOfTrackAndListed() throws Exception {
        byte[] body = SmfBytes.body().ev(10, 0x90, 60, 80).endOfTrack(200).bytes();
        ReadResult r = read(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertEquals(List.of(new Note(10, 200, 60, 80)), r.score().tracks().get(0).notes());
        assertEquals(1, r.report().repairCounts().get(Repair.Kind.NOTE_CLOSED_AT_END_OF_TRACK));
    }

    @Test
    void programChangeMidChannelStartsANewTrackAndControlsFollowTheirProgram() throws Exception {
        byte[] body = SmfBytes.body()
                .ev(0, 0xB0, 7, 100)                   // volume while program 0, which never plays
                .ev(0, 0xC0, 0x18)                     // guitar
                .ev(0, 0x90, 60, 80).ev(96, 0x80, 60, 0)
                .ev(0, 0xB0, 64, 127)                  // pedal during guitar
                .ev(0, 0xC0, 0x30)                     // strings
                .ev(0, 0x90, 67, 70).ev(96, 0x80, 67, 0)
                .ev(0, 0xE0, 0x00, 0x40)               // centre bend during strings
                .endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertEquals(2, s.tracks().size());
        Track guitar = s.tracks().get(0);
        Track strings = s.tracks().get(1);
        assertEquals(0x18, guitar.program());
        assertEquals(List.of(new Note(0, 96, 60, 80)), guitar.notes());
        assertEquals(List.of(new ControlChange(0, 7, 100), new ControlChange(96, 64, 127)), guitar.controls());
        assertEquals(0x30, strings.program());
        assertEquals(List.of(new PitchBend(192, 0)), strings.pitchBends());
    }

    @Test
    void returningToAnEarlierProgramReusesItsTrack() throws Exception {
        byte[] body = SmfBytes.body()
                .ev(0, 0xC0, 1).ev(0, 0x90, 60, 80).ev(10, 0x80, 60, 0)
                .ev(0, 0xC0, 2).ev(0, 0x90, 62, 80).ev(10, 0x80, 62, 0)
                .ev(0, 0xC0, 1).ev(0, 0x90, 64, 80).ev(10, 0x80, 64, 0)
                .endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertEquals(2, s.tracks().size());
        assertEquals(2, s.tracks().get(0).notes().size());
    }

    @Test
    void channelTenMakesDrumTracks() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x99, 38, 100).ev(10, 0x99, 38, 0).endOfTrack(0).bytes();
        Track t = score(SmfBytes.header(0, 1, 96).track(body).bytes()).tracks().get(0);
        assertTrue(t.isDrum());
        assertEquals(0, t.program());
    }

    @Test
    void tempoMeterKeyAndTextEventsAreKept() throws Exception {
        byte[] body = SmfBytes.body()
                .meta(0, 0x51, 0x07, 0xA1, 0x20)
                .meta(0, 0x58, 6, 3, 24, 8)
                .meta(0, 0x59, 0xFD, 1)
                .text(0, 0x06, "Verse")
                .text(0, 0x05, "la")
                .text(0, 0x01, "Grüße")
                .meta(96, 0x58, 3, 2, 24, 8)
                .endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(1, 1, 96).track(body).bytes());
        assertEquals(List.of(new TimeSignature(0, 6, 8), new TimeSignature(96, 3, 4)), s.timeSignatures());
        assertEquals(List.of(new KeySignature(0, -3, true)), s.keySignatures());
        assertEquals(List.of(new TextEvent(0, TextEvent.Kind.MARKER, "Verse"), new TextEvent(0, TextEvent.Kind.LYRIC, "la"),
                new TextEvent(0, TextEvent.Kind.TEXT, "Grüße")), s.texts());
    }

    @Test
    void pitchBendIsSignedAroundTheCentre() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x90, 60, 80)
                .ev(0, 0xE0, 0x00, 0x00).ev(1, 0xE0, 0x7F, 0x7F).ev(1, 0x80, 60, 0).endOfTrack(0).bytes();
        Track t = score(SmfBytes.header(0, 1, 96).track(body).bytes()).tracks().get(0);
        assertEquals(List.of(new PitchBend(0, -8192), new PitchBend(1, 8191)), t.pitchBends());
    }

    @Test
    void smpteDivisionIsConvertedSoSecondsStayExact() throws Exception {
        int division = ((-25 & 0xFF) << 8) | 40; // 25 fps, 40 ticks per frame = 1000 ticks per second
        byte[] body = SmfBytes.body().meta(0, 0x51, 0x07, 0xA1, 0x20).ev(0, 0x90, 60, 80).ev(1000, 0x80, 60, 0).endOfTrack(0).bytes();
        ReadResult r = read(SmfBytes.header(0, 1, division).track(body).bytes());
        assertEquals(1000, r.score().ticksPerQuarter());
        assertEquals(List.of(new TempoChange(0, 1_000_000)), r.score().tempos());
        assertTrue(r.report().smpteDivision());
        assertEquals(1, r.report().repairCounts().get(Repair.Kind.SMPTE_DIVISION_CONVERTED));
    }

    @Test
    void dropFrameSmpteUsesThirtyTicksPerFrameUnitAndItsExactTempo() throws Exception {
        int division = ((-29 & 0xFF) << 8) | 4;
        Score s = score(SmfBytes.header(0, 1, division).track(SmfBytes.body().endOfTrack(0).bytes()).bytes());
        assertEquals(120, s.ticksPerQuarter());
        assertEquals(1_001_001, s.tempos().get(0).microsPerQuarter());
    }

    @Test
    void unknownChunksAreSkippedInBothModes() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x90, 60, 80).ev(10, 0x80, 60, 0).endOfTrack(0).bytes();
        byte[] file = SmfBytes.header(1, 1, 96).ascii("XFIH").u32(3).raw(1, 2, 3).track(body).bytes();
        for (MidiReader reader : List.of(MidiReader.lenient(), MidiReader.strict())) {
            ReadResult r = reader.read(file, "x.mid");
            assertEquals(1, r.score().noteCount());
            assertEquals(1, r.report().repairCounts().get(Repair.Kind.UNKNOWN_CHUNK_SKIPPED));
        }
    }

    @Test
    void riffRmidWrapperIsUnwrapped() throws Exception {
        byte[] smf = SmfBytes.header(0, 1, 96).track(SmfBytes.body().ev(0, 0x90, 60, 80).ev(10, 0x80, 60, 0).endOfTrack(0).bytes()).bytes();
        SmfBytes riff = new SmfBytes().ascii("RIFF");
        int riffLength = 4 + 8 + smf.length;
        riff.raw(riffLength & 0xFF, (riffLength >> 8) & 0xFF, 0, 0).ascii("RMID").ascii("data")
                .raw(smf.length & 0xFF, (smf.length >> 8) & 0xFF, 0, 0).raw(toInts(smf));
        ReadResult r = MidiReader.strict().read(riff.bytes(), "x.rmi");
        assertEquals(1, r.score().noteCount());
        assertEquals(1, r.report().repairCounts().get(Repair.Kind.RIFF_UNWRAPPED));
    }

    @Test
    void headerLengthAboveSixFollowedDirectlyByMtrkIsReadAsSix() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x90, 60, 80).ev(10, 0x80, 60, 0).endOfTrack(0).bytes();
        byte[] file = new SmfBytes().ascii("MThd").u32(22).u16(0).u16(1).u16(96).track(body).bytes();
        ReadResult r = read(file);
        assertEquals(1, r.score().noteCount());
        assertEquals(1, r.report().repairCounts().get(Repair.Kind.HEADER_TOO_LONG));
    }

    @Test
    void noteOffWithoutSoundingNoteIsIgnoredAndListed() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0x80, 60, 0).endOfTrack(0).bytes();
        ReadResult r = read(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertEquals(0, r.score().noteCount());
        assertEquals(1, r.report().repairCounts().get(Repair.Kind.NOTE_OFF_WITHOUT_NOTE_ON));
    }

    @Test
    void repairsAreListedUpToTheCapButCountedInFull() throws Exception {
        SmfBytes.Body b = SmfBytes.body();
        for (int i = 0; i < 50; i++) {
            b.ev(0, 0x80, 60, 0);
        }
        ReadResult r = read(SmfBytes.header(0, 1, 96).track(b.endOfTrack(0).bytes()).bytes());
        assertEquals(50, r.report().repairCounts().get(Repair.Kind.NOTE_OFF_WITHOUT_NOTE_ON));
        assertEquals(ReadReport.MAX_LISTED_PER_KIND, r.report().repairs().size());
    }

    @Test
    void channelsWithoutNotesGiveNoTrack() throws Exception {
        byte[] body = SmfBytes.body().ev(0, 0xB3, 7, 100).ev(0, 0xC3, 5).endOfTrack(0).bytes();
        Score s = score(SmfBytes.header(0, 1, 96).track(body).bytes());
        assertTrue(s.tracks().isEmpty());
        assertFalse(s.tracks().stream().anyMatch(Track::isEmpty));
    }

    static int[] toInts(byte[] bytes) {
        int[] out = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] & 0xFF;
        }
        return out;
    }
}
