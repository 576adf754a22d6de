package org.partita.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.symbolic.SyntheticCorpus;

/** A path that is not a regular file is read as a stream, through the same size limit as a file. */
class MidiReaderNonRegularFileTest {

    @TempDir
    Path dir;

    @Test
    void endlessDeviceIsRefusedAtTheSizeLimit() {
        Path zero = Path.of("/dev/zero");
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            MidiFormatException e = assertThrows(MidiFormatException.class,
                    () -> new MidiReader(ReadOptions.defaults().withMaxInputBytes(1 << 16)).read(zero));
            assertEquals("input is more than the limit of 65536 bytes", e.rule());
            assertEquals("/dev/zero", e.source());
        });
    }

    @Test
    void fifoWithAWriterIsReadLikeAFile() throws Exception {
        byte[] midi = MidiWriter.toBytes(SyntheticCorpus.generate(5, 1).get(0), 480);
        Path fifo = dir.resolve("pipe.mid");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (OutputStream out = Files.newOutputStream(fifo)) {
                out.write(midi);
            } catch (java.io.IOException e) {
                throw new RuntimeException(e);
            }
        });
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            ReadResult r = MidiReader.lenient().read(fifo);
            writer.get();
            assertTrue(r.score().noteCount() > 0);
            assertEquals(MidiReader.lenient().read(midi, "x").score(), r.score());
        });
    }
}
