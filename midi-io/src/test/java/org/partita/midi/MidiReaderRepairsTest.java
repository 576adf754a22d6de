package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What real files get wrong: the lenient reader repairs and lists it, the strict reader refuses it
 * at the right byte; and what no reader can accept is refused with its offset.
 */
class MidiReaderRepairsTest {

    private static final byte[] NOTE = SmfBytes.body().ev(0, 0x90, 60, 80).ev(10, 0x80, 60, 0).bytes();

    private static byte[] withNote(SmfBytes.Body body) {
        return body.raw(MidiReaderRulesTest.toInts(NOTE)).bytes();
    }

    static Stream<Arguments> repairable() {
        byte[] good = withNote(SmfBytes.body()).clone();
        byte[] goodTrack = SmfBytes.body().raw(MidiReaderRulesTest.toInts(good)).endOfTrack(0).bytes();
        return Stream.of(
                Arguments.of("data byte above 127", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().ev(0, 0x90, 60, 0xD0).ev(10, 0x80, 60, 0).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.DATA_BYTE_ABOVE_127, 25L, 1),
                Arguments.of("missing End of Track", SmfBytes.header(0, 1, 96).track(good).bytes(),
                        Repair.Kind.MISSING_END_OF_TRACK, 30L, 1),
                Arguments.of("running status after meta", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().ev(0, 0x90, 60, 80).meta(0, 0x01, 'x').ev(10, 60, 0).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.RUNNING_STATUS_AFTER_META_OR_SYSEX, 32L, 1),
                Arguments.of("running status after sysex", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().ev(0, 0x90, 60, 80).ev(0, 0xF0, 2, 0x7E, 0xF7).ev(10, 60, 0).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.RUNNING_STATUS_AFTER_META_OR_SYSEX, 32L, 1),
                Arguments.of("wrong track count", SmfBytes.header(1, 3, 96).track(goodTrack).bytes(),
                        Repair.Kind.TRACK_COUNT_MISMATCH, 10L, 1),
                Arguments.of("chunk length past end of file", SmfBytes.header(0, 1, 96).track(goodTrack, 1000).bytes(),
                        Repair.Kind.CHUNK_TRUNCATED, 18L, 1),
                Arguments.of("garbage after last track", SmfBytes.header(0, 1, 96).track(goodTrack).raw(0, 1, 2, 3, 4, 5, 6, 7, 8).bytes(),
                        Repair.Kind.TRAILING_GARBAGE, 34L, 1),
                Arguments.of("short garbage after last track", SmfBytes.header(0, 1, 96).track(goodTrack).raw(0, 0).bytes(),
                        Repair.Kind.TRAILING_GARBAGE, 34L, 1),
                Arguments.of("garbage between tracks", SmfBytes.header(1, 2, 96).track(goodTrack).raw(9, 9, 9, 9, 9, 9, 9, 9, 9).track(goodTrack).bytes(),
                        Repair.Kind.GARBAGE_BETWEEN_CHUNKS, 34L, 2),
                Arguments.of("illegal real-time status byte", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().ev(0, 0xF8).raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.ILLEGAL_STATUS_BYTE, 22L, 1),
                Arguments.of("variable-length quantity of 5 bytes", SmfBytes.header(1, 2, 96)
                        .track(goodTrack).track(SmfBytes.body().raw(0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 80).bytes()).bytes(),
                        Repair.Kind.VARIABLE_LENGTH_TOO_LONG, 42L, 1),
                Arguments.of("event cut off by chunk end", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().raw(MidiReaderRulesTest.toInts(NOTE)).ev(0, 0x90, 60).bytes()).bytes(),
                        Repair.Kind.EVENT_TRUNCATED, 30L, 1),
                Arguments.of("tempo meta with 2 bytes", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().meta(0, 0x51, 1, 2).raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.INVALID_META_EVENT, 22L, 1),
                Arguments.of("time signature denominator 2^7", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().meta(0, 0x58, 4, 7, 24, 8).raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.INVALID_META_EVENT, 22L, 1),
                Arguments.of("data byte with no status", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().ev(0, 0x40).raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes(),
                        Repair.Kind.DATA_BYTE_WITHOUT_STATUS, 23L, 1),
                Arguments.of("events after End of Track", SmfBytes.header(0, 1, 96)
                        .track(SmfBytes.body().raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).ev(0, 0x90, 61, 80).bytes()).bytes(),
                        Repair.Kind.EVENTS_AFTER_END_OF_TRACK, 34L, 1),
                Arguments.of("chunk length covering the next MTrk", SmfBytes.header(1, 2, 96)
                        .track(goodTrack, goodTrack.length + 8).track(goodTrack).bytes(),
                        Repair.Kind.CHUNK_LENGTH_MISMATCH, 18L, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repairable")
    void lenientReaderRepairsAndListsIt(String name, byte[] file, Repair.Kind kind, long strictOffset, int notes) throws Exception {
        ReadResult r = MidiReader.lenient().read(file, "case.mid");
        assertTrue(r.report().repairCounts().getOrDefault(kind, 0) >= 1, name + ": expected " + kind + " in " + r.report().repairs());
        assertEquals(notes, r.score().noteCount(), name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repairable")
    void strictReaderRefusesItAtItsOffset(String name, byte[] file, Repair.Kind kind, long strictOffset, int notes) {
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.strict().read(file, "case.mid"));
        assertEquals(strictOffset, e.byteOffset(), name + ": " + e.getMessage());
        assertTrue(e.getMessage().contains(kind.name()), e.getMessage());
        assertTrue(e.getMessage().startsWith("case.mid at byte " + strictOffset + ": "), e.getMessage());
    }

    static Stream<Arguments> unreadable() {
        return Stream.of(
                Arguments.of("empty file", new byte[0], 0L, "empty"),
                Arguments.of("not MIDI", "hello, this is not midi".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0L, "expected 'MThd'"),
                Arguments.of("header cut short", new SmfBytes().ascii("MThd").u32(6).u16(0).bytes(), 0L, "too short"),
                Arguments.of("header length 4", new SmfBytes().ascii("MThd").u32(4).u16(0).u16(1).u16(96).bytes(), 4L, "MThd length must be 6, got 4"),
                Arguments.of("header length past end", new SmfBytes().ascii("MThd").u32(0xFFFFFFF0L).u16(0).u16(1).u16(96).bytes(), 4L, "runs past the end"),
                Arguments.of("format 3", SmfBytes.header(3, 0, 96).bytes(), 8L, "format must be 0, 1 or 2, got 3"),
                Arguments.of("division 0", SmfBytes.header(0, 0, 0).bytes(), 12L, "must be > 0, got 0"),
                Arguments.of("division -1", SmfBytes.header(0, 0, 0xFFFF).bytes(), 12L, "got 1"),
                Arguments.of("SMPTE 0 ticks per frame", SmfBytes.header(0, 0, 0xE700).bytes(), 12L, "ticks per frame must be > 0"),
                Arguments.of("RIFF without data chunk", new SmfBytes().ascii("RIFF").raw(4, 0, 0, 0).ascii("RMID").bytes(), 12L, "without a 'data' chunk"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unreadable")
    void unreadableInputIsRefusedWithItsOffsetAndRule(String name, byte[] file, long offset, String rule) {
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.lenient().read(file, "bad.mid"));
        assertEquals(offset, e.byteOffset(), e.getMessage());
        assertTrue(e.rule().contains(rule), e.getMessage());
        assertEquals("bad.mid", e.source());
    }

    @Test
    void missingPathIsAFormatExceptionNamingThePath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.mid");
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> MidiReader.lenient().read(missing));
        assertEquals(missing.toString(), e.source());
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void inputAboveTheSizeLimitIsRefusedBeforeParsing() {
        MidiReader small = new MidiReader(ReadOptions.defaults().withMaxInputBytes(20));
        byte[] file = SmfBytes.header(0, 1, 96).track(SmfBytes.body().raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes();
        MidiFormatException e = assertThrows(MidiFormatException.class, () -> small.read(new ByteArrayInputStream(file), "s.mid"));
        assertTrue(e.getMessage().contains("limit of 20 bytes"), e.getMessage());
    }

    @Test
    void streamInputReadsLikeBytes() throws Exception {
        byte[] file = SmfBytes.header(0, 1, 96).track(SmfBytes.body().raw(MidiReaderRulesTest.toInts(NOTE)).endOfTrack(0).bytes()).bytes();
        assertEquals(MidiReader.lenient().read(file, "a").score(), MidiReader.lenient().read(new ByteArrayInputStream(file), "a").score());
    }
}
