package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.Track;
import org.partita.symbolic.npy.Npy;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;

class DetokenizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void corpusPieceComesBackAsTheQuantisedScoreNoteForNote() throws Exception {
        Path in = TokenizeCommandTest.writePieces(dir.resolve("in"), 3);
        Path corpus = dir.resolve("corpus");
        assertEquals(0, Run.partita("tokenize", in.toString(), "--out", corpus.toString()).exitCode());
        Path midi = dir.resolve("back.mid");

        Run run = Run.partita("detokenize", "--corpus", corpus.toString(), "--file", "1", "--out", midi.toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("decode report: no rule broken"), run.toString());
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        Score expected = remi.quantise(MidiReader.lenient().read(in.resolve("a1.mid")).score());
        Score actual = MidiReader.lenient().read(midi).score();
        assertEquals(notesAt480(expected), notesAt480(actual));
    }

    @Test
    void pieceIsFoundByItsSourcePath() throws Exception {
        Path in = TokenizeCommandTest.writePieces(dir.resolve("in"), 2);
        Path corpus = dir.resolve("corpus");
        assertEquals(0, Run.partita("tokenize", in.toString(), "--out", corpus.toString()).exitCode());

        Run run = Run.partita("detokenize", "--corpus", corpus.toString(), "--source", in.resolve("a1.mid").toString(),
                "--out", dir.resolve("x.mid").toString());
        Run missing = Run.partita("detokenize", "--corpus", corpus.toString(), "--source", "nope.mid",
                "--out", dir.resolve("y.mid").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("piece 1 ("), run.toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().contains("nope.mid"), missing.toString());
    }

    @Test
    void idFilesAsTextTokensTextIntsAndNpyDecodeToTheSameMusic() throws Exception {
        Path in = TokenizeCommandTest.writePieces(dir.resolve("in"), 1);
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        Score score = MidiReader.lenient().read(in.resolve("a0.mid")).score();
        int[] ids = remi.encode(score).ids();
        Path tokensTxt = Files.write(dir.resolve("tokens.txt"), remi.encode(score).tokens(remi.vocabulary()));
        Path intsTxt = Files.writeString(dir.resolve("ids.txt"),
                java.util.Arrays.stream(ids).mapToObj(String::valueOf).collect(Collectors.joining(" ")));
        Path npy = Files.write(dir.resolve("ids.npy"), Npy.int32(ids, ids.length));
        String expected = notesAt480(remi.quantise(score));

        for (Path idFile : List.of(tokensTxt, intsTxt, npy)) {
            Path out = dir.resolve(idFile.getFileName() + ".mid");
            Run run = Run.partita("detokenize", "--ids", idFile.toString(), "--out", out.toString());
            assertEquals(0, run.exitCode(), run.toString());
            assertEquals(expected, notesAt480(MidiReader.lenient().read(out).score()), idFile.toString());
        }
    }

    @Test
    void decodeReportCountsRuleBreaksByKind() throws Exception {
        Path ids = Files.writeString(dir.resolve("bad.txt"), "Bar_None Position_0 Program_0 Pitch_60 99999\n");

        Run run = Run.partita("detokenize", "--ids", ids.toString(), "--out", dir.resolve("bad.mid").toString());

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("UNKNOWN_ID"), run.toString());
    }

    @Test
    void unknownTokenStringInIdFileIsBadUsageNamingIt() throws Exception {
        Path ids = Files.writeString(dir.resolve("bad.txt"), "Bar_None Pitch_Banana\n");

        Run run = Run.partita("detokenize", "--ids", ids.toString(), "--out", dir.resolve("bad.mid").toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("Pitch_Banana"), run.toString());
    }

    /** Notes per (drum, program) in time order, times scaled to 480 ticks per quarter, as text. */
    static String notesAt480(Score score) {
        List<String> lines = new ArrayList<>();
        for (Track t : score.tracks()) {
            for (Note n : t.notes()) {
                lines.add((t.isDrum() ? "drum" : "p" + t.program()) + String.format(" %08d %08d %3d %3d",
                        n.startTick() * 480 / score.ticksPerQuarter(), n.durationTicks() * 480 / score.ticksPerQuarter(),
                        n.pitch(), n.velocity()));
            }
        }
        lines.sort(Comparator.naturalOrder());
        return String.join("\n", lines);
    }
}
