package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;

/** {@link MidiWriter}'s file and stream output. */
class MidiWriterFileTest {

    private static final Score SONG = Score.empty(480).withTracks(List.of(
            Track.of("piano", 0, false, List.of(new Note(0, 480, 60, 100)))));

    private static List<String> namesIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesTheSameBytesAsToBytesAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("song.mid");
        MidiWriter.write(SONG, file, WriteOptions.defaults());
        assertArrayEquals(MidiWriter.toBytes(SONG, WriteOptions.defaults()), Files.readAllBytes(file));
        assertEquals(List.of("song.mid"), namesIn(dir));
    }

    @Test
    void replacesAnExistingFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("song.mid");
        Files.write(file, new byte[] {1, 2, 3});
        MidiWriter.write(SONG, file, 96);
        assertArrayEquals(MidiWriter.toBytes(SONG, 96), Files.readAllBytes(file));
        assertEquals(List.of("song.mid"), namesIn(dir));
    }

    @Test
    void refusedScoreLeavesTheExistingFileAndNoTemporary(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("song.mid");
        Files.write(file, new byte[] {1, 2, 3});
        Score tooLong = Score.empty(480).withTracks(List.of(
                Track.of("t", 0, false, List.of(new Note(0x1000_0000L, 1, 60, 100)))));
        assertThrows(IllegalArgumentException.class, () -> MidiWriter.write(tooLong, file, 480));
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        assertEquals(List.of("song.mid"), namesIn(dir));
    }

    @Test
    void missingDirectoryIsAnIOException(@TempDir Path dir) {
        assertThrows(IOException.class, () -> MidiWriter.write(SONG, dir.resolve("no/such/dir/x.mid"), 480));
    }

    @Test
    void streamGetsTheSameBytesAndIsLeftOpen() throws IOException {
        class TrackingStream extends ByteArrayOutputStream {
            boolean closed;

            @Override
            public void close() {
                closed = true;
            }
        }
        TrackingStream out = new TrackingStream();
        out.write(0x42); // bytes already in the stream stay in front
        MidiWriter.write(SONG, out, WriteOptions.defaults().withTicksPerQuarter(960));
        byte[] expected = MidiWriter.toBytes(SONG, 960);
        byte[] actual = out.toByteArray();
        assertEquals(0x42, actual[0]);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(actual, 1, actual.length));
        assertEquals(false, out.closed);
    }

    @Test
    void refusedScoreWritesNothingToTheStream() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Score badSecondTrack = Score.empty(480).withTracks(List.of(
                Track.of("fine", 0, false, List.of(new Note(0, 1, 60, 100))),
                Track.of("t", 0, false, List.of(new Note(0x1000_0000L, 1, 60, 100)))));
        assertThrows(IllegalArgumentException.class, () -> MidiWriter.write(badSecondTrack, out, WriteOptions.defaults()));
        assertEquals(0, out.size());
    }
}
