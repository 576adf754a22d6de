package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.partita.symbolic.ControlChange;
import org.partita.symbolic.KeySignature;
import org.partita.symbolic.Note;
import org.partita.symbolic.PitchBend;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TextEvent;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;

/** What {@link MidiWriter} writes, read back with javax.sound.midi as an independent oracle. */
class MidiWriterTest {

    private static Score score(int tpq, Track... tracks) {
        return Score.empty(tpq).withTracks(List.of(tracks));
    }

    private static Sequence written(Score score, int tpq) {
        return JavaxOracle.parse(MidiWriter.toBytes(score, tpq));
    }

    @Test
    void writesFormatOneAtTheRequestedResolutionWithAConductorChunkPlusOnePerTrack() {
        Score s = score(480, Track.of("a", 0, false, List.of(new Note(0, 480, 60, 90))),
                Track.of("b", 33, false, List.of()), Track.of("c", 0, true, List.of()));
        byte[] bytes = MidiWriter.toBytes(s, WriteOptions.defaults());
        Sequence seq = JavaxOracle.parse(bytes);
        assertEquals(1, JavaxOracle.fileType(bytes));
        assertEquals(Sequence.PPQ, seq.getDivisionType());
        assertEquals(480, seq.getResolution());
        assertEquals(4, seq.getTracks().length);
        assertTrue(JavaxOracle.shortMessages(seq.getTracks()[0]).isEmpty(), "conductor has no channel events");
    }

    @Test
    void conductorCarriesTempoMeterAndKeyAsTheirMetaBytes() {
        Score s = Score.empty(480)
                .withTempos(List.of(new TempoChange(0, 500_000), new TempoChange(1920, 0xFFFFFF)))
                .withTimeSignatures(List.of(new TimeSignature(0, 6, 8), new TimeSignature(1920, 7, 64)));
        s = new Score(480, List.of(), s.tempos(), s.timeSignatures(),
                List.of(new KeySignature(0, -3, true), new KeySignature(960, 7, false)), List.of());
        List<MidiEvent> metas = JavaxOracle.metaEvents(written(s, 480).getTracks()[0]);
        List<String> actual = new ArrayList<>();
        for (MidiEvent e : metas) {
            MetaMessage m = (MetaMessage) e.getMessage();
            actual.add(e.getTick() + ":" + Integer.toHexString(m.getType()) + ":" + hex(m.getData()));
        }
        assertEquals(List.of(
                "0:51:07a120", "0:58:06031808", "0:59:fd01",
                "960:59:0700",
                "1920:51:ffffff", "1920:58:07061808"), actual);
    }

    @Test
    void textsBecomeTheirMetaTypesEncodedAsUtf8() {
        List<TextEvent> texts = new ArrayList<>();
        for (TextEvent.Kind k : TextEvent.Kind.values()) {
            texts.add(new TextEvent(10L * k.ordinal(), k, k.name() + " Grüße ♪"));
        }
        Score s = new Score(480, List.of(), List.of(), List.of(), List.of(), texts);
        List<MidiEvent> metas = JavaxOracle.metaEvents(written(s, 480).getTracks()[0]);
        assertEquals(texts.size(), metas.size());
        for (int i = 0; i < texts.size(); i++) {
            MetaMessage m = (MetaMessage) metas.get(i).getMessage();
            assertEquals(texts.get(i).tick(), metas.get(i).getTick());
            assertEquals(texts.get(i).kind().metaType(), m.getType());
            assertEquals(texts.get(i).text(), new String(m.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void eachTrackStartsWithItsUtf8NameAndAProgramChangeOnItsChannel() {
        Score s = score(480, Track.of("Flûte", 73, false, List.of(new Note(0, 10, 72, 80))),
                Track.of("Kit", 25, true, List.of(new Note(0, 10, 36, 100))));
        Sequence seq = written(s, 480);
        String[] names = {"Flûte", "Kit"};
        int[] programs = {73, 25};
        int[] channels = {0, 9};
        for (int i = 0; i < 2; i++) {
            javax.sound.midi.Track t = seq.getTracks()[i + 1];
            MidiEvent first = t.get(0);
            MetaMessage name = (MetaMessage) first.getMessage();
            assertEquals(0x03, name.getType());
            assertEquals(names[i], new String(name.getData(), StandardCharsets.UTF_8));
            ShortMessage program = (ShortMessage) t.get(1).getMessage();
            assertEquals(0, t.get(1).getTick());
            assertEquals(ShortMessage.PROGRAM_CHANGE, program.getCommand());
            assertEquals(programs[i], program.getData1());
            assertEquals(Set.of(channels[i]), JavaxOracle.channels(t));
        }
    }

    @Test
    void notesAreWrittenAsNoteOnWithVelocityAndNoteOffWithVelocity64() {
        Score s = score(480, Track.of("p", 0, false, List.of(new Note(100, 380, 60, 91))));
        assertEquals(List.of("0:C0 0 0 0", "100:90 0 60 91", "480:80 0 60 64"),
                JavaxOracle.describeShort(written(s, 480).getTracks()[1]));
    }

    @Test
    void drumTracksUseChannelTenAndMelodicTracksSkipIt() {
        List<Track> tracks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tracks.add(Track.of("m" + i, i, false, List.of(new Note(0, 1, 60, 64))));
        }
        tracks.add(3, Track.of("drums", 0, true, List.of(new Note(0, 1, 38, 64))));
        Sequence seq = written(Score.empty(480).withTracks(tracks), 480);
        assertEquals(Set.of(9), JavaxOracle.channels(seq.getTracks()[4]));
        List<Integer> melodic = new ArrayList<>();
        for (int i = 1; i < seq.getTracks().length; i++) {
            if (i != 4) {
                melodic.add(JavaxOracle.channels(seq.getTracks()[i]).first());
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 10), melodic);
    }

    /**
     * Random notes re-paired so that, per pitch, earlier starts never end later (the case FIFO
     * pairing can recover); includes overlaps, chords, touching and zero-length notes.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2024})
    void notesComeBackExactlyThroughFifoPairing(long seed) {
        java.util.Random rnd = new java.util.Random(seed);
        TreeMap<Integer, List<long[]>> byPitch = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            int pitch = 58 + rnd.nextInt(5);
            long start = rnd.nextInt(64) * 30L;
            long duration = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(6) * 30L;
            byPitch.computeIfAbsent(pitch, p -> new ArrayList<>()).add(new long[] {start, start + duration});
        }
        List<Note> notes = new ArrayList<>();
        for (var e : byPitch.entrySet()) {
            long[] starts = e.getValue().stream().mapToLong(x -> x[0]).sorted().toArray();
            long[] ends = e.getValue().stream().mapToLong(x -> x[1]).sorted().toArray();
            for (int i = 0; i < starts.length; i++) {
                notes.add(new Note(starts[i], ends[i] - starts[i], e.getKey(), 1 + rnd.nextInt(127)));
            }
        }
        Track track = Track.of("t", 0, false, notes);
        Sequence seq = written(score(480, track), 480);
        assertEquals(track.notes(), JavaxOracle.notesFifo(seq.getTracks()[1]));
    }

    @Test
    void overlappingSamePitchNotesStartingTogetherComeBackExactly() {
        List<Note> notes = List.of(new Note(0, 960, 60, 100), new Note(0, 480, 60, 50),
                new Note(240, 960, 60, 70));
        Track t = Track.of("t", 0, false, notes);
        assertEquals(t.notes(), JavaxOracle.notesFifo(written(score(480, t), 480).getTracks()[1]));
    }

    /** Documents the limit of FIFO pairing: a same-pitch note nested inside a longer one swaps ends. */
    @Test
    void nestedSamePitchNoteKeepsItsStartsAndEndsButFifoSwapsThePairing() {
        Track t = Track.of("t", 0, false, List.of(new Note(0, 100, 60, 90), new Note(20, 10, 60, 80)));
        List<Note> back = JavaxOracle.notesFifo(written(score(480, t), 480).getTracks()[1]);
        assertEquals(List.of(new Note(0, 30, 60, 90), new Note(20, 80, 60, 80)), back);
    }

    @Test
    void zeroDurationNotesAreOnThenOffAtTheSameTickAfterOtherNoteOns() {
        Track t = Track.of("t", 0, false, List.of(new Note(5, 0, 60, 100), new Note(5, 10, 60, 90),
                new Note(5, 0, 72, 80)));
        assertEquals(List.of("0:C0 0 0 0",
                        "5:90 0 60 100", "5:90 0 60 90", "5:90 0 72 80", "5:80 0 60 64", "5:80 0 72 64",
                        "15:80 0 60 64"),
                JavaxOracle.describeShort(written(score(480, t), 480).getTracks()[1]));
        assertEquals(t.notes(), JavaxOracle.notesFifo(written(score(480, t), 480).getTracks()[1]));
    }

    @Test
    void controlChangesAndBendsPrecedeNoteOnsAtTheSameTick() {
        Track t = new Track("t", 0, false, List.of(new Note(0, 480, 60, 90), new Note(480, 480, 62, 90)),
                List.of(new ControlChange(0, 0, 1), new ControlChange(480, ControlChange.SUSTAIN_PEDAL, 127)),
                List.of(new PitchBend(480, 8191), new PitchBend(960, -8192)));
        assertEquals(List.of("0:B0 0 0 1", "0:C0 0 0 0", "0:90 0 60 90",
                        "480:80 0 60 64", "480:B0 0 64 127", "480:E0 0 127 127", "480:90 0 62 90",
                        "960:80 0 62 64", "960:E0 0 0 0"),
                JavaxOracle.describeShort(written(score(480, t), 480).getTracks()[1]));
    }

    @ParameterizedTest(name = "delta {0}")
    @ValueSource(longs = {0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000, 0x0FFFFFFF})
    void deltaTimesAtVariableLengthBoundariesReadBackExactly(long delta) {
        Track t = Track.of("t", 0, false, List.of(new Note(delta, delta, 64, 100)));
        Score s = score(480, t).withTempos(List.of(new TempoChange(delta, 400_000)));
        Sequence seq = written(s, 480);
        assertEquals(delta, JavaxOracle.metaEvents(seq.getTracks()[0]).get(0).getTick());
        assertEquals(List.of(new Note(delta, delta, 64, 100)), JavaxOracle.notesFifo(seq.getTracks()[1]));
    }

    @Test
    void largeAbsoluteTicksAreFineWhileEachDeltaFits() {
        Note late = new Note(0x0FFF_FFFFL + 5, 0x0FFF_FFFFL, 60, 100);
        Track t = Track.of("t", 0, false, List.of(new Note(5, 1, 60, 100), late));
        assertEquals(t.notes(), JavaxOracle.notesFifo(written(score(480, t), 480).getTracks()[1]));
    }

    @Test
    void deltaTimeBeyondFourVlqBytesIsRefusedNamingTheValueAndTrack() {
        Track t = Track.of("Cello", 42, false, List.of(new Note(0x1000_0000L, 1, 48, 100)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MidiWriter.toBytes(score(480, t), 480));
        assertTrue(e.getMessage().contains("268435456") && e.getMessage().contains("'Cello'"), e.getMessage());
    }

    @Test
    void rescales96To480Exactly() {
        Track t = new Track("t", 0, false, List.of(new Note(1, 95, 60, 100), new Note(96, 0, 61, 100)),
                List.of(new ControlChange(3, 7, 99)), List.of(new PitchBend(7, 100)));
        Score s = score(96, t).withTempos(List.of(new TempoChange(48, 600_000)));
        Sequence seq = written(s, 480);
        assertEquals(480, seq.getResolution());
        assertEquals(List.of(new Note(5, 475, 60, 100), new Note(480, 0, 61, 100)),
                JavaxOracle.notesFifo(seq.getTracks()[1]));
        assertEquals(List.of("0:C0 0 0 0", "5:90 0 60 100", "15:B0 0 7 99", "35:E0 0 100 64",
                        "480:80 0 60 64", "480:90 0 61 100", "480:80 0 61 64"),
                JavaxOracle.describeShort(seq.getTracks()[1]));
        assertEquals(240, JavaxOracle.metaEvents(seq.getTracks()[0]).get(0).getTick());
    }

    @Test
    void rescales480To96RoundingAndKeepingPositiveDurations() {
        // t * 96 / 480 = t / 5: 7 -> 1.4 -> 1, 8 -> 1.6 -> 2, a 1-tick note at 0 rounds to 0 ticks and is kept at 1.
        Track t = Track.of("t", 0, false, List.of(new Note(0, 1, 50, 100), new Note(7, 1, 60, 100),
                new Note(8, 480, 62, 100)));
        Score s = score(480, t).withTempos(List.of(new TempoChange(3, 600_000)));
        Sequence seq = written(s, 96);
        assertEquals(96, seq.getResolution());
        List<Note> expected = List.of(new Note(0, 1, 50, 100), new Note(1, 1, 60, 100), new Note(2, 96, 62, 100));
        assertEquals(expected, JavaxOracle.notesFifo(seq.getTracks()[1]));
        assertEquals(s.resampled(96).tracks().get(0).notes(), expected);
        assertEquals(1, JavaxOracle.metaEvents(seq.getTracks()[0]).get(0).getTick());
    }

    @Test
    void rescalingRoundsExactHalvesUp() {
        // 4 -> 2 ticks per quarter: tick 1 is exactly 0.5 and becomes 1; tick 3 (1.5) becomes 2.
        Track t = Track.of("t", 0, false, List.of(new Note(1, 2, 60, 100)));
        Sequence seq = written(score(4, t), 2);
        assertEquals(List.of(new Note(1, 1, 60, 100)), JavaxOracle.notesFifo(seq.getTracks()[1]));
    }

    @Test
    void moreThanSixteenTracksAreEachRecoveredFromTheirOwnChunk() {
        List<Track> tracks = new ArrayList<>();
        for (int p = 0; p < 17; p++) {
            tracks.add(Track.of("p" + p, p, false, List.of(new Note(p * 10L, 100, 60, 1 + p))));
        }
        tracks.add(Track.of("drums", 0, true, List.of(new Note(0, 5, 36, 127))));
        tracks.add(Track.of("again p3", 3, false, List.of(new Note(0, 100, 60, 99))));
        Sequence seq = written(Score.empty(480).withTracks(tracks), 480);
        assertEquals(20, seq.getTracks().length);
        int[] expectedChannels = ChannelAssignment.channels(tracks);
        assertEquals(expectedChannels[0], expectedChannels[15], "17 programs: the 16th reuses channel 0");
        assertEquals(expectedChannels[3], expectedChannels[18], "same program, same channel");
        assertNotEquals(9, expectedChannels[16]);
        for (int i = 0; i < tracks.size(); i++) {
            javax.sound.midi.Track chunk = seq.getTracks()[i + 1];
            assertEquals(Set.of(expectedChannels[i]), JavaxOracle.channels(chunk), "track " + i);
            assertEquals(tracks.get(i).program(), JavaxOracle.shortMessages(chunk).get(0).getData1(), "track " + i);
            assertEquals(tracks.get(i).notes(), JavaxOracle.notesFifo(chunk), "track " + i);
        }
    }

    @Test
    void writingIsDeterministic() {
        Track t = Track.of("t", 0, false, List.of(new Note(0, 10, 60, 90), new Note(0, 10, 64, 90)));
        assertArrayEquals(MidiWriter.toBytes(score(480, t), 480), MidiWriter.toBytes(score(480, t), 480));
    }

    private static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
