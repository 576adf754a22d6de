package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void goodAndBadFileAreBothReportedAndTheExitCodeIsThree() throws IOException {
        Path good = writeSyntheticPiece("a-good.mid");
        Path bad = Files.write(dir.resolve("b-bad.MID"), new byte[] {'M', 'T', 'h', 'x', 0, 1});

        Run run = Run.partita("inspect", dir.toString());

        assertEquals(3, run.exitCode(), run.toString());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("status"), run.toString());
        assertTrue(lines.get(1).startsWith("ok ") && lines.get(1).endsWith(good.toString()), run.toString());
        assertTrue(lines.get(2).startsWith("FAILED ") && lines.get(2).endsWith(bad.toString()), run.toString());
        assertTrue(lines.get(3).startsWith("total: 2 files, 1 read, 1 failed;"), run.toString());
        assertTrue(lines.contains("Failed files (1):"), run.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("  " + bad + ": ")), run.toString());
    }

    @Test
    void summaryLineHoldsTheFileFacts() throws IOException {
        Score score = SyntheticCorpus.generate(7, 1).get(0);
        Path good = dir.resolve("piece.mid");
        MidiWriter.write(score, good, 480);

        Run run = Run.partita("inspect", good.toString());

        assertEquals(0, run.exitCode(), run.toString());
        String[] fields = run.out().lines().toList().get(1).trim().split("\\s+", 12);
        assertEquals("ok", fields[0]);
        assertEquals("480", fields[2]);
        assertEquals(String.valueOf(score.noteCount()), fields[4]);
        assertEquals(good.toString(), fields[11]);
    }

    @Test
    void jsonReportParsesBackWithFilesFailuresTotalsAndOptions() throws IOException {
        Path good = writeSyntheticPiece("good.mid");
        Path bad = Files.write(dir.resolve("bad.mid"), new byte[] {1, 2, 3});
        Path json = dir.resolve("out/report.json");
        Files.createDirectories(json.getParent());

        Run run = Run.partita("inspect", good.toString(), bad.toString(), "--json", json.toString(),
                "--threads", "2");

        assertEquals(3, run.exitCode(), run.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(ReportJson.SCHEMA_VERSION, root.get("schemaVersion").asInt());
        assertEquals(good.toString(), root.at("/files/0/path").asText());
        assertTrue(root.at("/files/0/notes").asInt() > 0, root.toString());
        assertTrue(root.at("/files/0/programs").isArray(), root.toString());
        assertEquals(bad.toString(), root.at("/failures/0/path").asText());
        assertFalse(root.at("/failures/0/reason").asText().isBlank());
        assertEquals(2, root.at("/totals/files").asInt());
        assertEquals(1, root.at("/totals/failed").asInt());
        assertEquals(2, root.at("/options/threads").asInt());
        assertEquals(false, root.at("/options/strict").asBoolean());
    }

    @Test
    void strictRefusesAFileTheLenientReaderRepairs() throws IOException {
        // format 0, 96 tpq, one note, and no End of Track event at the end of the track
        Path noEndOfTrack = Files.write(dir.resolve("no-eot.mid"), HexFormat.of().parseHex(
                "4d546864000000060000000100604d54726b00000008" + "00904064" + "60804000"));

        Run lenient = Run.partita("inspect", noEndOfTrack.toString());
        Run strict = Run.partita("inspect", "--strict", noEndOfTrack.toString());

        assertEquals(0, lenient.exitCode(), lenient.toString());
        assertTrue(lenient.out().contains("1 repair in 1 file"), lenient.toString());
        assertTrue(lenient.out().contains("MISSING_END_OF_TRACK"), lenient.toString());
        assertEquals(3, strict.exitCode(), strict.toString());
        assertTrue(strict.out().contains("Failed files (1):"), strict.toString());
    }

    @Test
    void missingPathIsReportedAsFailedWithExitCodeThree() {
        Path missing = dir.resolve("missing.mid");

        Run run = Run.partita("inspect", missing.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("  " + missing + ": no such file or directory"), run.toString());
    }

    @Test
    void emptyFolderIsNotAnErrorButSaysNothingWasFound() {
        Run run = Run.partita("inspect", dir.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().startsWith("total: 0 files"), run.toString());
        assertTrue(run.err().contains("no MIDI files"), run.toString());
    }

    @Test
    void withoutPathsItIsBadUsage() {
        Run run = Run.partita("inspect");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("PATH"), run.toString());
    }

    @Test
    void zeroThreadsIsBadUsageNamingTheValue() {
        Run run = Run.partita("inspect", "--threads", "0", dir.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--threads must be >= 1, got 0"), run.toString());
    }

    @Test
    void edgeCorpusIsFullyReportedWithoutStackTraces() throws IOException {
        Path edge = org.partita.midi.SharedData.dir("edge");
        Path json = dir.resolve("edge.json");

        Run run = Run.partita("inspect", edge.toString(), "--json", json.toString());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        int files = root.at("/totals/files").asInt();
        int failed = root.at("/totals/failed").asInt();
        assertTrue(files > 100, "edge files found: " + files);
        assertEquals(failed > 0 ? 3 : 0, run.exitCode(), run.toString());
        assertEquals(files, root.get("files").size() + root.get("failures").size());
        // one table line per file, between the header and the totals line
        assertEquals(files + 1, run.out().lines().takeWhile(l -> !l.startsWith("total:")).count());
        assertTrue(run.out().contains("test-not-a-midi-file.mid: "), "a non-MIDI file is listed as failed");
        assertFalse(run.out().contains("unexpected error"), run.out());
        assertFalse(run.err().contains("\tat "), run.err());
    }

    private Path writeSyntheticPiece(String name) throws IOException {
        Path file = dir.resolve(name);
        MidiWriter.write(SyntheticCorpus.generate(1, 1).get(0), file, 480);
        return file;
    }
}
