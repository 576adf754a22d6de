package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.midi.SharedData;
import org.partita.symbolic.Score;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.tokenizers.mmt.MmtTokenizer;
import org.partita.training.DataSplit;
import org.partita.training.PieceFraming;
import org.partita.training.TokenCorpus;
import org.partita.training.TokenWindows;

/**
 * MMT token corpora: the pieces carry their own begin and end (start-of-song and end-of-song rows), so a
 * corpus can be trained on and generated from, end to end on real files.
 */
class MmtCorpusTest {

    private static final int ROW = MmtTokenizer.FIELDS.size();

    @TempDir
    Path dir;

    /** A few real files: js_fakes chorales (one instrument) and freedoom tracks (several, drums). */
    private static List<Path> realFiles() {
        List<Path> files = new ArrayList<>(SharedData.midiFiles(SharedData.dir("corpora/js_fakes/midi")).subList(0, 6));
        files.addAll(SharedData.midiFiles(SharedData.dir("corpora/freedoom_music")).subList(0, 3));
        return files;
    }

    private static String[] tokenizeArgs(List<Path> files, Path out) {
        List<String> args = new ArrayList<>(List.of("tokenize", "--tokenizer", "MMT", "--out", out.toString()));
        files.forEach(f -> args.add(f.toString()));
        return args.toArray(new String[0]);
    }

    @Test
    void realFilesMakeACorpusWhosePiecesBeginWithBosAndEndWithTheEndOfSongRowAndPadIsNeverATarget() throws Exception {
        List<Path> files = realFiles();
        Path out = dir.resolve("tok");

        Run run = Run.partita(tokenizeArgs(files, out));

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("tokenized " + files.size() + " of " + files.size() + " files with MMT"), run.toString());
        Tokenizer mmt = TokenizerRegistry.standard().createDefault("MMT");
        TokenCorpus corpus = TokenCorpus.open(out);
        int bos = mmt.vocabulary().id(MmtTokenizer.START_OF_SONG);
        int eos = mmt.vocabulary().id(MmtTokenizer.END_OF_SONG);
        int pad = mmt.vocabulary().id("PAD_None");
        assertEquals(PieceFraming.IN_PIECE, corpus.index().framing());
        assertEquals(List.of(bos, eos, pad, mmt.vocabulary().size()), List.of(corpus.index().bosId(),
                corpus.index().eosId(), corpus.index().padId(), corpus.index().vocabSize()));
        int[] endRow = new int[ROW];
        int[] offsets = ((MmtTokenizer) mmt).fieldOffsets();
        endRow[0] = eos;
        for (int f = 1; f < ROW; f++) {
            endRow[f] = offsets[f]; // code 0 of the other fields: None
        }
        for (int i = 0; i < files.size(); i++) {
            int[] ids = corpus.tokens(i);
            Score score = MidiReader.lenient().read(files.get(i)).score();
            assertArrayEquals(mmt.encode(score).ids(), ids, files.get(i).toString());
            assertEquals(bos, ids[0], "first token of " + files.get(i));
            assertArrayEquals(endRow, Arrays.copyOfRange(ids, ids.length - ROW, ids.length), "last row of " + files.get(i));
            assertTrue(Arrays.stream(ids).noneMatch(id -> id == pad), "PAD inside " + files.get(i));
            assertArrayEquals(ids, corpus.trainingSequence(i), "in-piece framing adds nothing");
        }

        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            all.add(i);
        }
        TokenWindows windows = new TokenWindows(corpus, new DataSplit(0, 0, all.subList(1, all.size()), List.of(0)),
                256, 3, null, null);
        List<int[]> seen = new ArrayList<>(windows.validationWindows(1000));
        for (int step = 1; step <= 40; step++) {
            seen.addAll(Arrays.asList(windows.trainBatch(8, step)));
        }
        int piecesStarts = 0;
        for (int[] w : seen) {
            piecesStarts += w[0] == bos ? 1 : 0;
            int firstPad = w.length;
            for (int j = 1; j < w.length; j++) {
                assertTrue(w[j] != bos, "BOS as a training target at " + j);
                if (w[j] == pad && firstPad == w.length) {
                    firstPad = j;
                }
                assertTrue(firstPad == w.length || w[j] == pad, "a real token after PAD at " + j);
            }
            if (firstPad < w.length) {
                // PAD only after the piece's end-of-song row: those targets carry no loss, and none is real
                assertArrayEquals(endRow, Arrays.copyOfRange(w, firstPad - ROW, firstPad), "before PAD");
            }
        }
        assertTrue(piecesStarts > 0, "some windows start a piece");
    }

    @Test
    void tokenizeTrainAndGenerateWithMmtGivesMidiThatReadsBack() throws Exception {
        Path tok = dir.resolve("tok");
        List<Path> files = SharedData.midiFiles(SharedData.dir("corpora/js_fakes/midi")).subList(0, 24);
        assertEquals(0, Run.partita(tokenizeArgs(files, tok)).exitCode());
        Path config = Files.writeString(dir.resolve("train.json"), """
                {"model": {"contextLength": 64, "width": 32, "layers": 1, "heads": 2, "dropout": 0.0},
                 "training": {"batchSize": 4, "learningRate": 3e-3, "warmupSteps": 2, "logEvery": 5, "evalEvery": 0,
                              "evalWindows": 4, "checkpointEvery": 0, "validationFraction": 0.1, "threads": 1}}
                """);
        Path model = dir.resolve("run");
        Run train = Run.partita("train", "--data", tok.toString(), "--out", model.toString(), "--config",
                config.toString(), "--steps", "12");
        assertEquals(0, train.exitCode(), train.toString());
        JsonNode checkpoint = new ObjectMapper().readTree(model.resolve("last/config.json").toFile());
        assertEquals("in-piece", checkpoint.at("/corpus/framing").asText(), checkpoint.toString());

        Path gen = dir.resolve("gen");
        Run generate = Run.partita("generate", "--model", model.toString(), "--out", gen.toString(), "--num", "2",
                "--max-tokens", "400", "--max-bars", "2", "--seed", "3", "--threads", "1");

        assertEquals(0, generate.exitCode(), generate.toString());
        JsonNode summary = new ObjectMapper().readTree(gen.resolve("sample.json").toFile());
        assertEquals("MMT", summary.get("tokenizer").asText());
        for (int i = 0; i < 2; i++) {
            JsonNode piece = summary.at("/pieces/" + i);
            assertEquals(0, piece.get("grammarViolations").asInt(), piece.toString());
            assertEquals(0, piece.get("decodeViolations").asInt(), piece.toString());
            assertTrue(piece.get("bars").asInt() <= 2, piece.toString());
            Score back = MidiReader.strict().read(gen.resolve(piece.get("midi").asText())).score();
            assertEquals(piece.get("notes").asInt(), back.noteCount(), piece.toString());
        }
        Run inspect = Run.partita("inspect", gen.toString());
        assertEquals(0, inspect.exitCode(), inspect.toString());
        assertTrue(inspect.out().contains("2 files, 2 read, 0 failed"), inspect.toString());
    }
}
