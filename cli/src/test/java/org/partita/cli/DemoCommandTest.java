package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoWritesTheNumberedPiecesAndInspectsThem() {
        Path out = dir.resolve("demo");

        Run run = Run.partita("demo", "--out", out.toString(), "--count", "3", "--seed", "5");

        assertEquals(0, run.exitCode(), run.toString());
        for (String name : new String[] {"piece-000.mid", "piece-001.mid", "piece-002.mid"}) {
            assertTrue(Files.isRegularFile(out.resolve(name)), name);
        }
        assertTrue(run.out().contains("Wrote 3 synthetic pieces (seed 5) to " + out), run.toString());
        assertTrue(run.out().contains("total: 3 files, 3 read, 0 failed;"), run.toString());
        assertTrue(run.out().contains("partita inspect " + out), run.toString());
    }

    @Test
    void sameSeedWritesTheSameBytes() throws IOException {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");

        assertEquals(0, Run.partita("demo", "--out", first.toString(), "--count", "2").exitCode());
        assertEquals(0, Run.partita("demo", "--out", second.toString(), "--count", "2").exitCode());

        assertArrayEquals(Files.readAllBytes(first.resolve("piece-001.mid")),
                Files.readAllBytes(second.resolve("piece-001.mid")));
    }

    @Test
    void helpSaysLaterVersionsRunTheFullPipeline() {
        Run run = Run.partita("demo", "--help");

        assertTrue(run.out().contains("later versions run the full pipeline"), run.toString());
    }

    @Test
    void countZeroIsBadUsageNamingTheValue() {
        Run run = Run.partita("demo", "--count", "0", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--count must be in 1..1000, got 0"), run.toString());
    }
}
