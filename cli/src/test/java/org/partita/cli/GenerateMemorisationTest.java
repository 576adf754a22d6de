package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The memorisation verdicts {@code generate --check-memorisation} and {@code demo} print beside their pieces. */
class GenerateMemorisationTest {

    @TempDir
    Path dir;

    @Test
    void generatePrintsAVerdictUnderEachPiece() {
        Path idx = dir.resolve("idx");
        Run index = Run.partita("evaluate", "--index-training", QuickDemo.outDir().resolve("corpus").toString(),
                "--out", idx.toString());
        assertEquals(0, index.exitCode(), index.toString());
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", dir.resolve("g").toString(),
                "--num", "2", "--max-bars", "4", "--check-memorisation", idx.toString());
        assertEquals(0, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        for (String piece : List.of("sample-000:", "sample-001:")) {
            int at = lines.stream().filter(l -> l.startsWith(piece)).map(lines::indexOf).findFirst().orElseThrow();
            String verdict = lines.get(at + 1);
            assertTrue(verdict.startsWith("  COPIED: ") || verdict.startsWith("  ok: "),
                    run.toString());
        }
    }

    @Test
    void aMissingIndexIsABadInput() {
        Run run = Run.partita("generate", "--model", QuickDemo.runDir().toString(), "--out", dir.toString(),
                "--check-memorisation", dir.resolve("none").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no memorisation index here"), run.toString());
    }

    @Test
    void theDemoChecksItsPiecesAgainstItsOwnCorpusAndSaysSo() {
        String out = QuickDemo.run().out();
        assertTrue(out.contains("Memorisation check against the demo's own training corpus ("
                + QuickDemo.outDir().resolve("corpus") + "/"), out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("  unconditional-000 ")), out);
    }
}
