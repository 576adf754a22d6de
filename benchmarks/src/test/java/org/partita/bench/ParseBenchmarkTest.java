package org.partita.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Corpus loading, argument checking and the printed table; timing is never checked here. */
class ParseBenchmarkTest {

    /** Format 0, 96 ticks per quarter, one note of 96 ticks. */
    private static final byte[] ONE_NOTE = {
        'M', 'T', 'h', 'd', 0, 0, 0, 6, 0, 0, 0, 1, 0, 96,
        'M', 'T', 'r', 'k', 0, 0, 0, 13, 0, (byte) 0x90, 60, 80, 96, (byte) 0x80, 60, 0, 0, (byte) 0xFF, 0x2F, 0, 0};

    private static Path corpus(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub/deeper"));
        Files.write(dir.resolve("a.mid"), ONE_NOTE);
        Files.write(dir.resolve("sub/B.MIDI"), ONE_NOTE);
        Files.write(dir.resolve("sub/deeper/c.Kar"), ONE_NOTE);
        Files.write(dir.resolve("sub/broken.rmi"), new byte[] {'R', 'I', 'F', 'F'});
        Files.write(dir.resolve("notes.txt"), ONE_NOTE);
        Files.write(dir.resolve("sub/a.mid.bak"), ONE_NOTE);
        return dir;
    }

    @Test
    void corpusTakesMidiExtensionsInAnyCaseRecursivelyAndNothingElse(@TempDir Path dir) throws IOException {
        MidiCorpus c = MidiCorpus.load(corpus(dir));
        assertEquals(List.of("a.mid", "sub/B.MIDI", "sub/broken.rmi", "sub/deeper/c.Kar"), c.names());
        assertEquals(3L * ONE_NOTE.length + 4, c.totalBytes());
    }

    @Test
    void tablePrintsFileNoteAndFailureCountsForBothRows(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ParseBenchmark.run(new String[] {corpus(dir).toString(), "--rounds", "3", "--warmup", "1",
            "--threads", "2"}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("files 4 "), out);
        assertTrue(out.contains("notes 3 "), out);
        assertTrue(out.contains("failures 1 "), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("      2 |")), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("      1 |")), out);
        assertTrue(out.contains("failure: sub/broken.rmi"), out);
    }

    @Test
    void badArgumentsGiveExitCodeTwoAndNameTheValue(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ParseBenchmark.run(new String[] {dir.toString(), "--rounds", "0"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("--rounds must be >= 1, got 0"));
        assertThrows(IllegalArgumentException.class, () -> ParseBenchmark.Options.parse(new String[] {"--threads", "x", "d"}));
        assertThrows(IllegalArgumentException.class, () -> ParseBenchmark.Options.parse(new String[] {}));
    }

    @Test
    void emptyDirectoryIsAnErrorNotATableOfZeros(@TempDir Path dir) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(2, ParseBenchmark.run(new String[] {dir.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, ParseBenchmark.median(new double[] {1, 2, 3, 10}));
        assertEquals(3.0, ParseBenchmark.median(new double[] {1, 3, 10}));
    }
}
