package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    @Test
    void continuesAPromptAndPrintsOneLinePerPiece() {
        Path out = dir.resolve("gen");
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", out.toString(),
                "--prompt", QuickDemo.outDir().resolve("held-out.mid").toString(), "--prompt-bars", "2",
                "--num", "2", "--max-bars", "4", "--max-tokens", "100", "--seed", "3", "--top-k", "20",
                "--png", "--threads", "1");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("prompt: first 2 bars of "), run.toString());
        assertTrue(run.out().contains("sample-000: "), run.toString());
        assertTrue(run.out().contains("violations 0 -> " + out.resolve("sample-001.mid") + ", sample-001.png"),
                run.toString());
        assertTrue(run.out().contains("2 pieces from "), run.toString());
        assertTrue(Files.isRegularFile(out.resolve("sample-prompt.mid")));
        assertTrue(Files.isRegularFile(out.resolve("sample.json")));
    }

    @Test
    void aBarLimitNotAboveThePromptIsBadUsage() {
        Run run = Run.partita("generate", "--model", dir.toString(), "--out", dir.toString(),
                "--prompt", "x.mid", "--prompt-bars", "4", "--max-bars", "4");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--max-bars (4) must be more than --prompt-bars (4)"), run.toString());
    }

    @Test
    void topPOutOfRangeIsBadUsageNamingTheOption() {
        Run run = Run.partita("generate", "--model", dir.toString(), "--out", dir.toString(), "--top-p", "1.5");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--top-p must be in (0, 1], got 1.5"), run.toString());
    }

    @Test
    void aMissingModelIsABadInput() {
        Path missing = dir.resolve("no-such-run");
        Run run = Run.partita("generate", "--model", missing.toString(), "--out", dir.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--model " + missing + ": no such directory"), run.toString());
    }

    @Test
    void aPromptThatIsNotMidiIsABadInput() throws Exception {
        Path notMidi = Files.writeString(dir.resolve("notes.mid"), "not a midi file");
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", dir.toString(),
                "--prompt", notMidi.toString(), "--prompt-bars", "2", "--max-bars", "4");

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("generate: cannot read " + notMidi + ": at byte 0:"), run.toString());
    }

    @Test
    void aSoundfontThatIsNotOneIsRefusedBeforeSamplingAndWritesNothing() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.sf2"), "not a soundfont");
        Path out = dir.resolve("gen-junk");
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", out.toString(),
                "--soundfont", junk.toString(), "--num", "1", "--max-tokens", "50", "--threads", "1");

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains(junk.toString()), run.toString());
        assertTrue(!run.err().contains("\tat "), run.toString());
        assertTrue(!Files.exists(out), "nothing written: " + run);
    }

    @Test
    void aPieceFileThatIsAFolderIsBadUsageBeforeSampling() throws Exception {
        Path out = Files.createDirectories(dir.resolve("gen-blocked"));
        Files.createDirectories(out.resolve("sample-001.mid"));
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", out.toString(),
                "--num", "2", "--max-tokens", "50", "--threads", "1");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--out " + out.resolve("sample-001.mid") + " is a directory"), run.toString());
        assertTrue(!Files.exists(out.resolve("sample-000.mid")), "no piece sampled or written: " + run);
    }
}
