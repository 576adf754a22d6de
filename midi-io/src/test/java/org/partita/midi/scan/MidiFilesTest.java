package org.partita.midi.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MidiFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"a.mid", "a.MID", "b.midi", "c.Kar", "d.rmi", "e.RMI", "x.y.mid"})
    void midiExtensionsAreRecognisedInAnyCase(String name) {
        assertTrue(MidiFiles.hasMidiExtension(Path.of(name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.txt", "mid", "a.mid.bak", "README.md", "a.midx"})
    void otherNamesAreNotMidi(String name) {
        assertFalse(MidiFiles.hasMidiExtension(Path.of(name)));
    }

    @Test
    void directorySearchIsRecursiveSortedAndFiltersByExtension() throws IOException {
        touch("b.mid");
        touch("a.MIDI");
        touch("notes.txt");
        touch("sub/deeper/c.kar");
        touch("sub/z.rmi");
        touch("sub/readme.md");

        List<MidiFiles.Found> found = MidiFiles.find(List.of(dir));

        assertEquals(List.of(dir.resolve("a.MIDI"), dir.resolve("b.mid"), dir.resolve("sub/deeper/c.kar"),
                dir.resolve("sub/z.rmi")), found.stream().map(MidiFiles.Found::path).toList());
        assertTrue(found.stream().allMatch(MidiFiles.Found::isToRead));
    }

    @Test
    void namedFileIsTakenWhateverItsExtension() throws IOException {
        Path odd = touch("song.bin");

        List<MidiFiles.Found> found = MidiFiles.find(List.of(odd));

        assertEquals(List.of(odd), found.stream().map(MidiFiles.Found::path).toList());
        assertTrue(found.get(0).isToRead());
    }

    @Test
    void missingPathBecomesFailureInItsPlace() throws IOException {
        Path a = touch("a.mid");
        Path missing = dir.resolve("nope.mid");
        Path b = touch("b.mid");

        List<MidiFiles.Found> found = MidiFiles.find(List.of(a, missing, b));

        assertEquals(List.of(a, missing, b), found.stream().map(MidiFiles.Found::path).toList());
        assertTrue(found.get(0).isToRead());
        assertFalse(found.get(1).isToRead());
        assertEquals("no such file or directory", found.get(1).failure().reason());
        assertTrue(found.get(2).isToRead());
    }

    @Test
    void fileReachedTwiceIsListedOnce() throws IOException {
        Path a = touch("a.mid");
        touch("b.mid");

        List<MidiFiles.Found> found = MidiFiles.find(List.of(a, dir));

        assertEquals(List.of(a, dir.resolve("b.mid")), found.stream().map(MidiFiles.Found::path).toList());
    }

    @Test
    void namedDirectoryThatIsASymbolicLinkIsSearchedUnderItsGivenName() throws IOException {
        touch("real/a.mid");
        touch("real/sub/b.kar");
        Path link = Files.createSymbolicLink(dir.resolve("link"), dir.resolve("real"));

        List<MidiFiles.Found> found = MidiFiles.find(List.of(link));

        assertEquals(List.of(link.resolve("a.mid"), link.resolve("sub/b.kar")),
                found.stream().map(MidiFiles.Found::path).toList());
    }

    @Test
    void symbolicLinkToADirectoryInsideASearchIsNotFollowed() throws IOException {
        touch("real/a.mid");
        Files.createDirectories(dir.resolve("top"));
        Files.createSymbolicLink(dir.resolve("top/loop"), dir.resolve("top"));
        Files.createSymbolicLink(dir.resolve("top/other"), dir.resolve("real"));

        assertEquals(List.of(), MidiFiles.find(List.of(dir.resolve("top"))));
    }

    @Test
    void fifoAndLinkToADeviceInADirectoryAreSkippedWithTheReasonAndTheRegularFileIsRead() throws Exception {
        touch("good.mid");
        Process p = new ProcessBuilder("mkfifo", dir.resolve("x.mid").toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo");
        Files.createSymbolicLink(dir.resolve("z.mid"), Path.of("/dev/zero"));

        List<MidiFiles.Found> found = MidiFiles.find(List.of(dir));

        assertEquals(3, found.size(), found.toString());
        assertEquals(dir.resolve("good.mid"), found.get(0).path());
        assertTrue(found.get(0).isToRead());
        assertEquals("skipped: a FIFO (named pipe), not a regular file", found.get(1).failure().reason());
        assertEquals(dir.resolve("x.mid"), found.get(1).path());
        assertEquals("skipped: a character device, not a regular file", found.get(2).failure().reason());
        assertEquals(dir.resolve("z.mid"), found.get(2).path());
    }

    @Test
    void emptyDirectoryGivesNothing() {
        assertEquals(List.of(), MidiFiles.find(List.of(dir)));
    }

    private Path touch(String relative) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[] {1});
        return p;
    }
}
