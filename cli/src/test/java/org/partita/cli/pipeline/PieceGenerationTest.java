package org.partita.cli.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.cli.QuickDemo;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Score;
import org.partita.training.GenerationConfig;

class PieceGenerationTest {

    @TempDir
    Path dir;

    GenerateConfig config(Path out) {
        return new GenerateConfig(QuickDemo.runDir(), null, 2, 3,
                GenerationConfig.defaults().withMaxNewTokens(120).withSamples(3).withSeed(5),
                PieceOutputs.midiOnly(out).withPng(true), 1);
    }

    @Test
    void writesEveryPieceAsMidiThatReadsBackAndDecodesWithoutViolations() throws Exception {
        GenerationResult r = PieceGeneration.run(config(dir));

        assertEquals(3, r.pieces().size());
        for (GeneratedPiece p : r.pieces()) {
            assertEquals(0, p.grammarViolations(), p.name());
            assertTrue(p.report().isClean(), p.name() + ": " + p.report());
            assertTrue(p.bars() <= 3, p.name() + " has " + p.bars() + " bars, the limit is 3");
            Score read = MidiReader.strict().read(p.files().midi()).score();
            assertEquals(480, read.ticksPerQuarter());
            assertEquals(p.score().noteCount(), read.noteCount(), p.name());
            assertTrue(Files.size(p.files().png()) > 0);
        }
        assertEquals(dir.resolve("sample-002.mid"), r.pieces().get(2).files().midi());
        assertTrue(Files.readString(r.summary()).contains("\"seed\" : 5"), "the seed is recorded");
    }

    @Test
    void sameSeedGivesTheSameTokensAndAnotherSeedOthers() throws Exception {
        GenerationResult a = PieceGeneration.run(config(dir.resolve("a")));
        GenerationResult b = PieceGeneration.run(config(dir.resolve("b")));
        GenerateConfig other = config(dir.resolve("c"));
        GenerationResult c = PieceGeneration.run(other.withSampling(other.sampling().withSeed(6)));

        for (int i = 0; i < 3; i++) {
            assertArrayEquals(a.pieces().get(i).ids(), b.pieces().get(i).ids());
        }
        assertFalse(Arrays.equals(a.pieces().get(0).ids(), c.pieces().get(0).ids()));
        assertArrayEquals(Files.readAllBytes(a.pieces().get(1).files().midi()),
                Files.readAllBytes(b.pieces().get(1).files().midi()));
    }

    @Test
    void continuationsBeginWithThePromptsTokens() throws Exception {
        Path heldOut = QuickDemo.outDir().resolve("held-out.mid");
        GenerateConfig c = config(dir).withPrompt(heldOut, 2).withMaxBars(4);

        GenerationResult r = PieceGeneration.run(c);

        int[] prompt = r.prompt().ids();
        assertTrue(prompt.length > 0);
        for (GeneratedPiece p : r.pieces()) {
            assertEquals(prompt.length, p.promptTokens());
            assertArrayEquals(prompt, Arrays.copyOf(p.ids(), prompt.length), p.name());
            assertEquals(0, p.grammarViolations() + p.report().total(), p.name());
        }
        assertTrue(Files.isRegularFile(r.promptMidi()));
    }

    @Test
    void aFolderWithoutCheckpointIsRefusedNamingIt() {
        IOException e = assertThrows(IOException.class, () -> ModelRun.open(dir));
        assertTrue(e.getMessage().startsWith(dir + " holds no checkpoint"), e.getMessage());
    }
}
