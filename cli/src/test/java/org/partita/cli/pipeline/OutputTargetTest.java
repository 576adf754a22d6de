package org.partita.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.scan.FileKind;

class OutputTargetTest {

    @TempDir
    Path dir;

    @Test
    void regularFileIsReplacedWholeWithNoTemporaryLeft() throws IOException {
        Path out = dir.resolve("a.txt");
        Files.writeString(out, "old content, longer than the new one");
        OutputTarget.of(out, "OUT").writeString("new");
        assertEquals("new", Files.readString(out));
        assertEquals(List.of(out), list(dir));
    }

    @Test
    void failedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
        Path out = dir.resolve("a.txt");
        Files.writeString(out, "old");
        OutputTarget target = OutputTarget.of(out, "OUT");
        assertThrows(IOException.class, () -> target.write(stream -> {
            stream.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(out));
        assertEquals(List.of(out), list(dir));
    }

    @Test
    void symbolicLinkIsFollowedAndStaysALink() throws IOException {
        Path real = dir.resolve("real.txt");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), real.getFileName());
        OutputTarget.of(link, "OUT").writeString("new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void danglingLinkCreatesItsTarget() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("made.txt"));
        OutputTarget.of(link, "OUT").writeString("x");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("x", Files.readString(dir.resolve("made.txt")));
    }

    @Test
    void newFileGetsTheUmaskPermissionsNotOwnerOnly() throws IOException {
        Path out = dir.resolve("new.wav");
        OutputTarget.of(out, "OUT").writeString("x");
        Path probe = Files.createFile(dir.resolve("probe"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        assertEquals(expected, Files.getPosixFilePermissions(out));
    }

    @Test
    void fifoIsWrittenThroughNotReplaced() throws Exception {
        Path fifo = mkfifo(dir.resolve("pipe.mid"));
        byte[] content = "through the pipe".getBytes(StandardCharsets.UTF_8);
        CompletableFuture<byte[]> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            OutputTarget target = OutputTarget.of(fifo, "OUT");
            assertTrue(target.isWriteThrough());
            target.writeBytes(content);
            assertArrayEquals(content, reader.get());
        });
        assertEquals(FileKind.FIFO, FileKind.of(fifo));
    }

    @Test
    void directoryMissingParentAndEmptyPathAreRefusedNamingTheOption() {
        IllegalArgumentException isDir = assertThrows(IllegalArgumentException.class, () -> OutputTarget.of(dir, "--json"));
        assertTrue(isDir.getMessage().startsWith("--json " + dir + " is a directory"), isDir.getMessage());
        IllegalArgumentException noParent = assertThrows(IllegalArgumentException.class,
                () -> OutputTarget.of(dir.resolve("nodir/x.mid"), "OUT"));
        assertTrue(noParent.getMessage().contains("no such directory"), noParent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OutputTarget.of(Path.of(""), "OUT"));
        assertFalse(Files.exists(dir.resolve("nodir"), LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void folderOptionRefusesAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("f"), "x");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OutputTarget.checkDirectory(file, "--out"));
        assertEquals("--out " + file + " is a regular file, not a directory", e.getMessage());
    }

    static Path mkfifo(Path path) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
        return path;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
