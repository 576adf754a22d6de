package org.partita.midi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed corpus of {@link MidiReaderFuzzTest}: small files built byte by byte with
 * {@link SmfBytes}, one per structure the reader handles (formats 0/1/2, running status, SMPTE,
 * RIFF, truncations, each kind of repair). Nothing is copied from real corpora.
 *
 * <p>The committed files under {@code src/test/resources/org/partita/midi/MidiReaderFuzzTestInputs/}
 * are written by {@link #main} and checked against {@link #all()} by {@link FuzzSeedsTest}. To change
 * them, edit this class and run from {@code midi-io/}:
 * <pre>
 *   ../mvnw -q -B -f .. -pl midi-io -am test-compile
 *   java -cp target/test-classes:target/classes:../symbolic/target/classes org.partita.midi.FuzzSeeds src/test/resources
 * </pre>
 */
final class FuzzSeeds {

    /** The fuzz test methods; each has its own Inputs directory, so each gets the seeds. */
    static final List<String> FUZZ_METHODS = List.of(
            "lenientReadOfAnyBytesGivesAValidScoreOrAFormatException",
            "strictReadOfAnyBytesSucceedsOnlyWithTheScoreTheLenientReaderGives");

    /** Seed file names start with this; Jazzer names its findings {@code crash-<sha1>} and so on. */
    static final String PREFIX = "seed-";

    static final String INPUTS_DIR = "org/partita/midi/MidiReaderFuzzTestInputs";

    private FuzzSeeds() {
    }

    /** Seed name (without {@link #PREFIX}) to bytes, in name order. */
    static Map<String, byte[]> all() {
        Map<String, byte[]> s = new TreeMap<>();
        byte[] note = SmfBytes.body().ev(0, 0x90, 60, 80).ev(96, 0x80, 60, 64).bytes();
        byte[] noteTrack = SmfBytes.body().raw(ints(note)).endOfTrack(0).bytes();

        s.put("format0-running-status", SmfBytes.header(0, 1, 96).track(SmfBytes.body()
                .meta(0, 0x03, 'P', 'i', 'a', 'n', 'o')
                .ev(0, 0x90, 60, 80).ev(0, 64, 70).ev(0, 67, 60)
                .ev(96, 60, 0).ev(0, 64, 0).ev(0, 67, 0)
                .ev(0, 0x99, 36, 100).ev(48, 36, 0)
                .endOfTrack(0).bytes()).bytes());
        s.put("format1-conductor-and-two-parts", SmfBytes.header(1, 3, 480)
                .track(SmfBytes.body()
                        .meta(0, 0x51, 0x07, 0xA1, 0x20)
                        .meta(0, 0x58, 6, 3, 24, 8)
                        .meta(0, 0x59, 0xFE, 1)
                        .text(0, 0x06, "Verse")
                        .meta(1920, 0x51, 0x06, 0x1A, 0x80)
                        .endOfTrack(0).bytes())
                .track(SmfBytes.body()
                        .ev(0, 0xC0, 40).ev(0, 0xB0, 7, 100).ev(0, 0xB0, 64, 127)
                        .ev(0, 0x90, 72, 90).ev(240, 0xE0, 0x00, 0x50).ev(240, 0x80, 72, 0)
                        .ev(0, 0xB0, 64, 0).endOfTrack(0).bytes())
                .track(SmfBytes.body()
                        .ev(0, 0xC1, 0).ev(0, 0x91, 48, 70).ev(0, 0x91, 48, 71)
                        .ev(480, 0x81, 48, 0).ev(10, 0x81, 48, 0)
                        .ev(0, 0xC1, 24).ev(0, 0x91, 50, 60).ev(480, 0x91, 50, 0)
                        .endOfTrack(0).bytes())
                .bytes());
        s.put("format2-two-sequences", SmfBytes.header(2, 2, 96).track(noteTrack)
                .track(SmfBytes.body().ev(0, 0x90, 62, 80).ev(48, 0x80, 62, 0).endOfTrack(0).bytes()).bytes());
        s.put("smpte-25fps-40-ticks", SmfBytes.header(0, 1, 0xE728).track(SmfBytes.body()
                .meta(0, 0x51, 0x07, 0xA1, 0x20).raw(ints(note)).endOfTrack(0).bytes()).bytes());
        s.put("smpte-2997-drop-frame", SmfBytes.header(1, 1, 0xE350).track(noteTrack).bytes());
        s.put("riff-rmid", riff(SmfBytes.header(0, 1, 96).track(noteTrack).bytes()));
        s.put("text-sysex-and-aftertouch", SmfBytes.header(0, 1, 96).track(SmfBytes.body()
                .text(0, 0x01, "tëxt")
                .text(0, 0x02, "(c) nobody")
                .meta(0, 0x05, 0xE9)
                .ev(0, 0xF0, 5, 0x7E, 0x7F, 0x09, 0x01, 0xF7)
                .ev(0, 0xF7, 1, 0xF7)
                .ev(0, 0x90, 60, 80).ev(5, 0xA0, 60, 40).ev(5, 0xD0, 30)
                .ev(10, 0x80, 60, 0)
                .meta(0, 0x7F, 0, 0, 0x41)
                .endOfTrack(0).bytes()).bytes());
        s.put("missing-end-of-track", SmfBytes.header(0, 1, 96).track(note).bytes());
        s.put("truncated-in-event", Arrays.copyOf(SmfBytes.header(0, 1, 96).track(noteTrack).bytes(), 27));
        s.put("truncated-header", Arrays.copyOf(SmfBytes.header(0, 1, 96).bytes(), 11));
        s.put("header-only", SmfBytes.header(1, 0, 96).bytes());
        s.put("chunk-length-past-end", SmfBytes.header(0, 1, 96).track(noteTrack, 4000).bytes());
        s.put("chunk-length-covering-next-mtrk", SmfBytes.header(1, 2, 96)
                .track(noteTrack, noteTrack.length + 8).track(noteTrack).bytes());
        s.put("garbage-between-and-after-chunks", SmfBytes.header(1, 2, 96).track(noteTrack)
                .raw(9, 9, 9, 9, 9, 9, 9, 9, 9).track(noteTrack).raw(0, 1, 2).bytes());
        s.put("unknown-chunk", SmfBytes.header(0, 1, 96).ascii("XFIH").u32(3).raw(1, 2, 3).track(noteTrack).bytes());
        s.put("header-length-8", new SmfBytes().ascii("MThd").u32(8).u16(0).u16(1).u16(96).raw(0, 0)
                .track(noteTrack).bytes());
        s.put("repairs-in-events", SmfBytes.header(0, 1, 96).track(SmfBytes.body()
                .ev(0, 0x40)                     // data byte with no status
                .ev(0, 0xF8)                     // real-time status in a file
                .ev(0, 0x90, 60, 0xD0)           // velocity above 127
                .meta(0, 0x01, 'x').ev(10, 60, 0) // running status after meta
                .ev(0, 0x80, 61, 0)              // note-off without note-on
                .meta(0, 0x51, 1, 2)             // tempo with 2 bytes
                .meta(0, 0x58, 4, 7, 24, 8)      // denominator 2^7
                .meta(0, 0x59, 9, 0)             // 9 sharps
                .ev(0, 0x90, 62, 80)             // still sounding at the end
                .endOfTrack(0).ev(0, 0x90, 63, 80).bytes()).bytes());
        s.put("vlq-five-bytes", SmfBytes.header(1, 2, 96).track(noteTrack)
                .track(SmfBytes.body().raw(0x81, 0x81, 0x81, 0x81, 0x01, 0x90, 60, 80).bytes()).bytes());
        s.put("max-delta-and-tempo", SmfBytes.header(0, 1, 0x7FFF).track(SmfBytes.body()
                .meta(0, 0x51, 0xFF, 0xFF, 0xFF)
                .ev(0x0FFFFFFF, 0x90, 127, 127).ev(0x0FFFFFFF, 0x80, 127, 0)
                .endOfTrack(0x0FFFFFFF).bytes()).bytes());
        return s;
    }

    /** Wraps an SMF in a RIFF RMID container (little-endian lengths). */
    private static byte[] riff(byte[] smf) {
        SmfBytes r = new SmfBytes().ascii("RIFF");
        int riffLength = 4 + 8 + smf.length;
        return r.raw(riffLength & 0xFF, (riffLength >> 8) & 0xFF, 0, 0).ascii("RMID").ascii("data")
                .raw(smf.length & 0xFF, (smf.length >> 8) & 0xFF, 0, 0).raw(ints(smf)).bytes();
    }

    private static int[] ints(byte[] bytes) {
        int[] v = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            v[i] = bytes[i] & 0xFF;
        }
        return v;
    }

    /** Writes every seed into each fuzz method's Inputs directory under {@code args[0]} (test resources). */
    public static void main(String[] args) throws IOException {
        Path resources = Paths.get(args.length > 0 ? args[0] : "src/test/resources");
        for (String method : FUZZ_METHODS) {
            Path dir = resources.resolve(INPUTS_DIR).resolve(method);
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> e : all().entrySet()) {
                Files.write(dir.resolve(PREFIX + e.getKey()), e.getValue());
            }
            System.out.println(all().size() + " seeds written to " + dir);
        }
    }
}
