package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.symbolic.TimeGrid;
import org.partita.symbolic.Track;

class EvaluateCommandTest {

    private static final List<String> METRICS = List.of("pitch_range", "n_pitches_used", "n_pitch_classes_used",
            "polyphony", "polyphony_rate", "pitch_entropy", "pitch_class_entropy", "scale_consistency",
            "empty_beat_rate", "drum_in_pattern_rate", "drum_pattern_consistency", "groove_consistency");

    @TempDir
    Path dir;

    @Test
    void badFilesAreListedAndSkippedWithExitThreeAndTheJsonHoldsTheMusPyNames() throws IOException {
        List<Score> scores = SyntheticCorpus.generate(3, 2);
        Path gen = Files.createDirectories(dir.resolve("gen"));
        MidiWriter.write(scores.get(0), gen.resolve("a.mid"), 480);
        Score pianoOnly = scores.get(1).withTracks(scores.get(1).tracks().stream().filter(t -> !t.isDrum()).toList());
        MidiWriter.write(pianoOnly, gen.resolve("b.mid"), 480);
        Path bad = Files.write(gen.resolve("c.mid"), new byte[] {'n', 'o', 'p', 'e'});
        Path json = dir.resolve("out.json");
        Path csv = dir.resolve("out.csv");

        Run run = Run.partita("evaluate", gen.toString(), "--json", json.toString(), "--csv", csv.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.endsWith(gen.resolve("a.mid").toString())), run.toString());
        assertTrue(run.out().contains("Failed files (1), skipped:\n  " + bad + ": at byte 0: "), run.toString());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, root.get("pieces").size());
        JsonNode a = root.get("pieces").get(0);
        assertEquals(gen.resolve("a.mid").toString(), a.get("file").asText());
        assertEquals(METRICS, names(a.get("metrics")));
        JsonNode b = root.get("pieces").get(1).get("metrics");
        assertTrue(b.get("drum_pattern_consistency").isNull(), "NaN is written as null: " + b);
        assertTrue(b.get("pitch_range").isIntegralNumber());
        assertTrue(root.get("comparison").isNull());
        assertFalse(a.has("memorisation"));
        assertEquals(bad.toString(), root.get("failures").get(0).get("file").asText());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("file," + String.join(",", METRICS) + ",grammar_error_rate", rows.get(0));
        assertEquals(3, rows.size());
    }

    @Test
    void aCopiedPassageIsFlaggedWithItsTrainingFileAndBarsAndTheReferenceIsCompared() throws IOException {
        Path training = Files.createDirectories(dir.resolve("training"));
        List<Score> corpus = SyntheticCorpus.generate(11, 6);
        for (int i = 0; i < corpus.size(); i++) {
            MidiWriter.write(corpus.get(i), training.resolve("piece-" + i + ".mid"), 480);
        }
        Path idx = dir.resolve("idx");
        Run index = Run.partita("evaluate", "--index-training", training.toString(), "--out", idx.toString());
        assertEquals(0, index.exitCode(), index.toString());
        assertTrue(index.out().startsWith("indexed 6 files"), index.toString());

        Path gen = Files.createDirectories(dir.resolve("gen"));
        Path copy = gen.resolve("copy.mid");
        MidiWriter.write(bars(corpus.get(2), 3, 6).transposed(2), copy, 480);
        Path json = dir.resolve("e.json");
        Path png = dir.resolve("plot.png");
        Run run = Run.partita("evaluate", copy.toString(), "--memorisation", idx.toString(), "--reference",
                training.toString(), "--json", json.toString(), "--plot", png.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("COPIED ") && l.contains("piece-2.mid bars 3-")
                && l.endsWith(copy.toString())), run.toString());
        JsonNode memo = new ObjectMapper().readTree(json.toFile()).get("pieces").get(0).get("memorisation");
        assertTrue(memo.get("flagged").asBoolean());
        assertEquals(training.resolve("piece-2.mid").toString(), memo.get("longest").get("source").asText());
        assertEquals(3, memo.get("longest").get("source_bars").get(0).asInt());
        assertEquals(2, memo.get("longest").get("transposition").asInt());
        JsonNode comparison = new ObjectMapper().readTree(json.toFile()).get("comparison");
        assertEquals(METRICS.stream().sorted().toList(), names(comparison).stream().sorted().toList());
        assertEquals(6, comparison.get("pitch_range").get("reference_count").asInt());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image);
        assertTrue(image.getWidth() > 500 && image.getHeight() > 400);
    }

    @Test
    void aTokenCorpusIsIndexedByDecodingItsPiecesUnderTheirSourceNames() throws IOException {
        Path training = Files.createDirectories(dir.resolve("training"));
        List<Score> corpus = SyntheticCorpus.generate(17, 4);
        for (int i = 0; i < corpus.size(); i++) {
            MidiWriter.write(corpus.get(i), training.resolve("piece-" + i + ".mid"), 480);
        }
        Path tokens = dir.resolve("tokens");
        assertEquals(0, Run.partita("tokenize", training.toString(), "--out", tokens.toString()).exitCode());
        Path idx = dir.resolve("idx");
        Run index = Run.partita("evaluate", "--index-training", tokens.toString(), "--out", idx.toString());
        assertEquals(0, index.exitCode(), index.toString());
        assertTrue(index.out().startsWith("indexed 4 files"), index.toString());

        Path copy = dir.resolve("copy.mid");
        MidiWriter.write(bars(corpus.get(1), 2, 5).transposed(-1), copy, 480);
        Run run = Run.partita("evaluate", copy.toString(), "--memorisation", idx.toString());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("COPIED ")
                && l.contains(training.resolve("piece-1.mid") + " bars 2-")), run.toString());
    }

    @Test
    void aMissingIndexIsABadInput() {
        Run run = Run.partita("evaluate", dir.toString(), "--memorisation", dir.resolve("nothing").toString());
        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.err().contains("no memorisation index here"), run.toString());
    }

    /** Notes starting in bars first..last (1-based), moved to start at tick 0. */
    static Score bars(Score s, int first, int last) {
        TimeGrid grid = s.timeGrid();
        long start = grid.barStartTick(first - 1);
        List<Track> tracks = new ArrayList<>();
        for (Track t : s.tracks()) {
            List<Note> kept = new ArrayList<>();
            for (Note n : t.notes()) {
                int bar = grid.barAt(n.startTick()) + 1;
                if (bar >= first && bar <= last) {
                    kept.add(n.withStartTick(n.startTick() - start));
                }
            }
            tracks.add(t.withNotes(kept));
        }
        return s.withTracks(tracks).withTempos(List.of());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
