package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.partita.midi.MidiReader;
import org.partita.midi.MidiWriter;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.training.TokenCorpus;

class TokenizeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aFolderWhoseEveryFileFailsLeavesNoIndexThatLooksLikeAnEmptyCorpus() throws Exception {
        Path in = Files.createDirectories(dir.resolve("all-bad"));
        Files.write(in.resolve("a.mid"), new byte[] {'M', 'T', 'h', 'x', 0, 1});
        Files.writeString(in.resolve("b.mid"), "not a midi file");
        Path out = dir.resolve("out-none");

        Run run = Run.partita("tokenize", in.toString(), "--out", out.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("tokenized 0 of 2 files"), run.toString());
        assertTrue(run.err().contains("no file was tokenized, so no index.json was written in " + out), run.toString());
        assertTrue(!Files.exists(out.resolve("index.json")), "no index.json: " + run);
        assertTrue(Files.isRegularFile(out.resolve("failures.json")), "the failures are listed: " + run);
    }

    @Test
    void corpusWithOneGarbageFileWritesEveryGoodPieceListsTheBadOneAndExitsThree() throws Exception {
        Path in = writePieces(dir.resolve("in"), 3);
        Path bad = Files.write(in.resolve("b-garbage.mid"), new byte[] {'M', 'T', 'h', 'x', 0, 1});
        Path out = dir.resolve("out");

        Run run = Run.partita("tokenize", in.toString(), "--out", out.toString());

        assertEquals(3, run.exitCode(), run.toString());
        assertTrue(run.out().contains("tokenized 3 of 4 files with REMI"), run.toString());
        assertTrue(run.out().contains("Failed files (1)"), run.toString());
        assertTrue(run.out().contains("  " + bad + ": "), run.toString());
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        assertEquals(remi.configJson(), Files.readString(out.resolve("tokenizer.json")));
        try (var files = Files.list(in)) {
            List<Path> good = files.filter(p -> !p.equals(bad)).sorted().toList();
            TokenCorpus corpus = TokenCorpus.open(out);
            assertEquals(3, corpus.fileCount());
            for (int i = 0; i < good.size(); i++) {
                Score score = MidiReader.lenient().read(good.get(i)).score();
                assertArrayEquals(remi.encode(score).ids(), corpus.tokens(i), good.get(i).toString());
                assertEquals(good.get(i).toString(), corpus.index().files().get(i).source());
                assertEquals(sha1(good.get(i)), corpus.index().files().get(i).sha1());
            }
        }
        JsonNode failures = new ObjectMapper().readTree(out.resolve("failures.json").toFile());
        assertEquals(bad.toString(), failures.at("/failures/0/path").asText());
        assertTrue(failures.at("/failures/0/byteOffset").asLong() >= 0, failures.toString());
    }

    @Test
    void outputIsByteIdenticalWhateverTheThreadCount() throws Exception {
        Path in = writePieces(dir.resolve("in"), 12);
        Files.write(in.resolve("f-garbage.mid"), new byte[] {1, 2, 3});

        Run one = Run.partita("tokenize", in.toString(), "--out", dir.resolve("t1").toString(), "--threads", "1");
        Run four = Run.partita("tokenize", in.toString(), "--out", dir.resolve("t4").toString(), "--threads", "4");

        assertEquals(3, one.exitCode(), one.toString());
        assertEquals(3, four.exitCode(), four.toString());
        for (String name : List.of("shard-00000.bin", "index.json", "tokenizer.json", "failures.json")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(name)),
                    Files.readAllBytes(dir.resolve("t4").resolve(name)), name);
        }
    }

    @Test
    void textOptionWritesOneTokenStringPerLineMirroringTheInputTree() throws Exception {
        Path in = writePieces(dir.resolve("in/sub"), 1).getParent();
        Path out = dir.resolve("out");

        Run run = Run.partita("tokenize", in.toString(), "--out", out.toString(), "--text", "--tokenizer", "TSD");

        assertEquals(0, run.exitCode(), run.toString());
        Tokenizer tsd = TokenizerRegistry.standard().createDefault("TSD");
        Score score = MidiReader.lenient().read(in.resolve("sub/a0.mid")).score();
        List<String> lines = Files.readAllLines(out.resolve("text/sub/a0.mid.txt"));
        assertEquals(tsd.encode(score).tokens(tsd.vocabulary()), lines);
    }

    @Test
    void savedTokenizerConfigIsUsedAgainWithConfig() throws Exception {
        Path in = writePieces(dir.resolve("in"), 2);
        Run first = Run.partita("tokenize", in.toString(), "--out", dir.resolve("a").toString(), "--tokenizer", "TSD");
        Run second = Run.partita("tokenize", in.toString(), "--out", dir.resolve("b").toString(),
                "--config", dir.resolve("a/tokenizer.json").toString());

        assertEquals(0, first.exitCode(), first.toString());
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("with TSD"), second.toString());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a/shard-00000.bin")),
                Files.readAllBytes(dir.resolve("b/shard-00000.bin")));
    }

    @Test
    void nonEmptyOutputDirectoryIsRefusedWithoutOverwrite() throws Exception {
        Path in = writePieces(dir.resolve("in"), 1);
        Path out = dir.resolve("out");
        assertEquals(0, Run.partita("tokenize", in.toString(), "--out", out.toString()).exitCode());

        Run again = Run.partita("tokenize", in.toString(), "--out", out.toString());
        Run overwritten = Run.partita("tokenize", in.toString(), "--out", out.toString(), "--overwrite");

        assertEquals(2, again.exitCode(), again.toString());
        assertTrue(again.err().contains("--overwrite"), again.toString());
        assertEquals(0, overwritten.exitCode(), overwritten.toString());
    }

    @Test
    void configFileWithoutTokenizationNameIsBadUsage() throws Exception {
        Path in = writePieces(dir.resolve("in"), 1);
        Path config = Files.writeString(dir.resolve("tok.json"), "{\"config\": {}}");

        Run run = Run.partita("tokenize", in.toString(), "--out", dir.resolve("out").toString(), "--config",
                config.toString());

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("tokenization"), run.toString());
    }

    @Test
    void jsFakesCorpusTokenizesWithoutFailuresAndReadsBack() throws Exception {
        Path jsFakes = org.partita.midi.SharedData.dir("corpora/js_fakes");
        Path out = dir.resolve("jsf");

        Run run = Run.partita("tokenize", jsFakes.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode(), run.toString());
        TokenCorpus corpus = TokenCorpus.open(out);
        assertTrue(corpus.fileCount() > 1000, "files: " + corpus.fileCount());
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        Path first = Path.of(corpus.index().files().get(0).source());
        assertArrayEquals(remi.encode(MidiReader.lenient().read(first).score()).ids(), corpus.tokens(0));
    }

    /** {@code count} synthetic pieces a0.mid, a1.mid, ... in {@code folder}. */
    static Path writePieces(Path folder, int count) throws IOException {
        Files.createDirectories(folder);
        List<Score> scores = SyntheticCorpus.generate(11, count);
        for (int i = 0; i < count; i++) {
            MidiWriter.write(scores.get(i), folder.resolve("a" + i + ".mid"), 480);
        }
        return folder;
    }

    private static String sha1(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(Files.readAllBytes(file)));
    }
}
