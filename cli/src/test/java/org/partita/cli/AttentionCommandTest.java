package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.attention.AttributesCsv;

class AttentionCommandTest {

    @TempDir
    Path dir;

    @Test
    void savedNpzReadBackGivesTheSameAttentionCsv() throws IOException {
        Path first = dir.resolve("model");
        Run run = Run.partita("attention", "--model", QuickDemo.runDir().toString(), "--data",
                QuickDemo.outDir().resolve("tokens").toString(), "--num-sequences", "5", "--max-len", "64", "--save-npz",
                "--bootstrap", "50", "--out", first.toString());
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("5 sequences"), run.out());
        Path second = dir.resolve("npz");
        Run again = Run.partita("attention", "--npz", first.resolve("attention.npz").toString(), "--attributes",
                first.resolve("tokens.csv").toString(), "--bootstrap", "50", "--out", second.toString());
        assertEquals(0, again.exitCode(), again.toString());
        List<String> a = Files.readAllLines(first.resolve("attention.csv"));
        assertTrue(a.size() > 100, "rows: " + a.size());
        assertEquals(a, Files.readAllLines(second.resolve("attention.csv")));
        assertEquals(Files.readString(first.resolve("heads.csv")), Files.readString(second.resolve("heads.csv")));
        assertTrue(Files.exists(second.resolve("heatmap-beat-layer0.png")));
        assertTrue(Files.readString(first.resolve("attention.json")).contains("\"sequenceSeed\" : 1"));
    }

    @Test
    void noteUnitWithMmtBaselineIsRefusedAsBadUsage() {
        Run run = Run.partita("attention", "--npz", "a.npz", "--attributes", "a.csv", "--unit", "note", "--baseline", "mmt",
                "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--unit note cannot use --baseline mmt"), run.err());
    }

    @Test
    void csvRowsNotMatchingTheAttentionAreBadInputNamingTheSequence() throws IOException {
        Path first = dir.resolve("model");
        Run run = Run.partita("attention", "--model", QuickDemo.runDir().toString(), "--data",
                QuickDemo.outDir().resolve("tokens").toString(), "--num-sequences", "2", "--max-len", "16", "--save-npz",
                "--bootstrap", "0", "--out", first.toString());
        assertEquals(0, run.exitCode(), run.toString());
        List<String> rows = Files.readAllLines(first.resolve("tokens.csv"));
        rows.remove(rows.size() - 1); // the last token of sequence 1
        Path csv = dir.resolve("short.csv");
        Files.write(csv, rows);
        Run bad = Run.partita("attention", "--npz", first.resolve("attention.npz").toString(), "--attributes", csv.toString(),
                "--out", dir.resolve("bad").toString());
        assertEquals(ExitCodes.BAD_INPUT, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("sequence 1 has 15 rows, attn_1 is 16 x 16"), bad.err());
        assertEquals(1, bad.err().strip().lines().count(), bad.err());
        assertTrue(rows.get(0).equals(AttributesCsv.HEADER));
    }

    @Test
    void npzWithoutAttributesIsBadUsage() {
        Run run = Run.partita("attention", "--npz", "a.npz", "--out", dir.toString());
        assertEquals(ExitCodes.USAGE, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--npz and --attributes go together"), run.err());
    }

    @Test
    void anOutputThatIsAFileIsBadUsageBeforeAnyWork() throws IOException {
        Path first = dir.resolve("model");
        Run run = Run.partita("attention", "--model", QuickDemo.runDir().toString(), "--data",
                QuickDemo.outDir().resolve("tokens").toString(), "--num-sequences", "1", "--max-len", "8", "--save-npz",
                "--bootstrap", "0", "--out", first.toString());
        assertEquals(0, run.exitCode(), run.toString());
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Run bad = Run.partita("attention", "--npz", first.resolve("attention.npz").toString(), "--attributes",
                first.resolve("tokens.csv").toString(), "--out", file.toString());
        // the output policy checks --out before the work (docs/cli.md, "Output policy"): bad usage, not a bad input
        assertEquals(ExitCodes.USAGE, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("--out " + file + " is a regular file, not a directory"), bad.err());
    }
}
