package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioSystem;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void quickDemoRunsThePipelineAndWritesMidiWavAndPng() throws Exception {
        Path out = QuickDemo.outDir();
        Run run = QuickDemo.run();

        for (String f : new String[] {"corpus/piece-000.mid", "corpus/piece-007.mid", "held-out.mid",
                "tokens/index.json", "tokens/tokenizer.json", "run/metrics.jsonl", "run/last/config.json",
                "run/last/tokenizer.json", "generated/continuation-prompt.mid", "generated/continuation.json",
                "generated/unconditional.json", "demo.json"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        for (String name : new String[] {"continuation-000", "unconditional-000"}) {
            Path gen = out.resolve("generated");
            MidiReader.strict().read(gen.resolve(name + ".mid"));
            assertEquals(44_100f, AudioSystem.getAudioFileFormat(gen.resolve(name + ".wav").toFile())
                    .getFormat().getSampleRate());
            assertTrue(ImageIO.read(gen.resolve(name + ".png").toFile()).getWidth() > 100, name);
        }
        assertTrue(run.out().contains("2 pieces, grammar violations: 0"), run.toString());
        assertTrue(run.out().contains("Listen:   " + out.resolve("generated/continuation-000.wav")), run.toString());
        assertTrue(run.err().contains("demo: [4/5] generate:"), run.toString());
    }

    @Test
    void demoJsonRecordsTheSeedsAndResults() throws Exception {
        JsonNode demo = new ObjectMapper().readTree(QuickDemo.outDir().resolve("demo.json").toFile());

        assertEquals(42, demo.at("/seeds/corpus").asLong());
        assertEquals(42, demo.at("/seeds/training").asLong());
        assertEquals(42, demo.at("/seeds/continuations").asLong());
        assertEquals(43, demo.at("/seeds/unconditional").asLong());
        assertEquals(0, demo.at("/generation/violations").asLong());
        assertEquals(30, demo.at("/model/steps").asInt());
        assertTrue(demo.at("/model/validationPerplexity").asDouble() > 1);
    }

    @Test
    void aFolderHoldingSomethingElseIsRefusedBeforeAnyWork() throws Exception {
        Files.createDirectories(dir.resolve("run"));

        Run run = Run.partita("demo", "--quick", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains(dir.resolve("run") + " exists but " + dir + " holds no demo.json"), run.toString());
    }

    @Test
    void countOneIsBadUsageNamingTheValue() {
        Run run = Run.partita("demo", "--count", "1", "--out", dir.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("--count must be in 2..1000, got 1"), run.toString());
    }

    @Test
    void helpDescribesTheWholePipeline() {
        Run run = Run.partita("demo", "--help");

        assertTrue(run.out().contains("tokenize it (REMI)"), run.toString());
        assertTrue(run.out().contains("--quick"), run.toString());
    }
}
