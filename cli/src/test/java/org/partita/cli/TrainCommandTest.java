package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.training.TokenCorpusWriter;

class TrainCommandTest {
    private static final String TINY = """
            {"model": {"contextLength": 16, "width": 16, "layers": 1, "heads": 2, "dropout": 0.0},
             "training": {"batchSize": 2, "warmupSteps": 1, "logEvery": 1, "evalEvery": 2, "evalWindows": 4,
                          "checkpointEvery": 0, "validationFraction": 0.25, "threads": 1}}
            """;

    @TempDir
    Path tmp;

    /** 8 pieces of a repeating pattern over ids 4..11 (PAD 0, BOS 1, EOS 2), vocabulary 12. */
    static Path corpus(Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 12, 1, 2, 0, 1000)) {
            for (int p = 0; p < 8; p++) {
                int[] ids = new int[30 + p];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = 4 + (i + p) % 8;
                }
                w.add("piece-" + p + ".mid", "0".repeat(40), ids.length / 3, ids);
            }
        }
        return dir;
    }

    private Path config() throws IOException {
        return Files.writeString(tmp.resolve("train.json"), TINY);
    }

    @Test
    void trainsATinyModelAndWritesCheckpointsMetricsAndLogLines() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Path out = tmp.resolve("run");
        Run r = Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--config", config().toString(),
                "--steps", "4");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(Files.isDirectory(out.resolve("last")), r.toString());
        assertTrue(Files.isDirectory(out.resolve("best")), r.toString());
        assertTrue(r.err().contains("train: step 4/4"), r.toString());
        assertTrue(r.err().contains("train: validation at step 2: loss"), r.toString());
        assertTrue(r.out().startsWith("train: step 4,"), r.toString());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(4 + 2, metrics.size(), metrics.toString());
    }

    @Test
    void resumeContinuesAStoppedRunToTheEndOfItsSchedule() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Path out = tmp.resolve("run");
        Run first = Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--config",
                config().toString(), "--steps", "6", "--stop-after", "3");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().startsWith("train: step 3,"), first.toString());
        Run second = Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--resume");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.err().contains("train: step 4/6"), second.toString());
        assertTrue(second.out().startsWith("train: step 6,"), second.toString());
        List<String> steps = Files.readAllLines(out.resolve("metrics.jsonl")).stream()
                .filter(l -> l.contains("\"train\"")).toList();
        assertEquals(6, steps.size(), steps.toString());
    }

    @Test
    void trainingIntoADirectoryWithARunWithoutResumeIsBadUsage() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Path out = tmp.resolve("run");
        assertEquals(0, Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--config",
                config().toString(), "--steps", "1").exitCode());
        Run again = Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--steps", "1");
        assertEquals(2, again.exitCode(), again.toString());
        assertTrue(again.err().contains("--resume"), again.toString());
    }

    @Test
    void resumeWithoutACheckpointIsBadInput() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Run r = Run.partita("train", "--data", data.toString(), "--out", tmp.resolve("none").toString(), "--resume");
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no checkpoint in"), r.toString());
    }

    @Test
    void resumeWithNewStepsIsBadUsage() throws IOException {
        Run r = Run.partita("train", "--data", tmp.toString(), "--out", tmp.toString(), "--resume", "--steps", "9");
        assertEquals(2, r.exitCode(), r.toString());
    }

    @Test
    void anUnknownKeyInTrainJsonIsBadUsageNamingTheKey() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Path cfg = Files.writeString(tmp.resolve("bad.json"), "{\"training\": {\"stepz\": 3}}");
        Run r = Run.partita("train", "--data", data.toString(), "--out", tmp.resolve("run").toString(), "--config",
                cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("stepz"), r.toString());
    }

    @Test
    void anInvalidValueInTrainJsonIsBadUsageNamingTheValue() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Path cfg = Files.writeString(tmp.resolve("bad.json"), "{\"model\": {\"width\": 10, \"heads\": 3}}");
        Run r = Run.partita("train", "--data", data.toString(), "--out", tmp.resolve("run").toString(), "--config",
                cfg.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("width 10, heads 3"), r.toString());
    }

    @Test
    void aDataDirectoryWithoutIndexJsonIsBadInput() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Run r = Run.partita("train", "--data", empty.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("no index.json"), r.toString());
    }

    @Test
    void aCorruptIndexJsonIsBadInput() throws IOException {
        Path data = corpus(tmp.resolve("tokens"));
        Files.writeString(data.resolve("index.json"), "{\"formatVersion\": 1, \"vocabSize\": ");
        Run r = Run.partita("train", "--data", data.toString(), "--out", tmp.resolve("run").toString());
        assertEquals(3, r.exitCode(), r.toString());
        assertTrue(r.err().contains("index.json"), r.toString());
    }

    @Test
    void missingDataOptionIsBadUsage() {
        Run r = Run.partita("train", "--out", tmp.toString());
        assertEquals(2, r.exitCode(), r.toString());
        assertTrue(r.err().contains("--data"), r.toString());
    }

    @Test
    void etaIsShownAsHoursMinutesSeconds() {
        assertEquals("1:02:03", TrainProgressDisplay.duration(3723));
        assertEquals("4:05", TrainProgressDisplay.duration(245));
        assertEquals("?", TrainProgressDisplay.duration(Double.NaN));
    }
}
