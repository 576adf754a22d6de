package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCorpusTest {
    @Test
    void writtenPiecesReadBackAcrossShards(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, 10)) {
            w.add("a.mid", "aa", 3, new int[] {3, 4, 5, 6});
            w.add("b.mid", "bb", 5, new int[] {7, 8, 9, 10, 11, 12, 13, 14});
            w.add("c.mid", "cc", 1, new int[] {40});
        }
        TokenCorpus c = TokenCorpus.open(dir);
        assertEquals(2, c.index().shards().size(), "b does not fit in shard 0 after a");
        assertArrayEquals(new int[] {3, 4, 5, 6}, c.tokens(0));
        assertArrayEquals(new int[] {7, 8, 9, 10, 11, 12, 13, 14}, c.tokens(1));
        assertArrayEquals(new int[] {40}, c.tokens(2));
        assertEquals(8, c.index().files().get(2).offset());
        assertEquals(4 * 9, Files.size(dir.resolve("shard-00001.bin")));
    }

    @Test
    void truncatedShardIsRejectedWithSizes(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, 100)) {
            w.add("a.mid", "aa", 3, new int[] {3, 4, 5, 6});
        }
        Files.write(dir.resolve("shard-00000.bin"), new byte[12]);
        IOException e = assertThrows(IOException.class, () -> TokenCorpus.open(dir));
        assertTrue(e.getMessage().contains("12 bytes") && e.getMessage().contains("4 tokens"), e.getMessage());
    }

    @Test
    void indexWithUnknownKeyIsRejected(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, 100)) {
            w.add("a.mid", "aa", 3, new int[] {3});
        }
        Path index = dir.resolve("index.json");
        Files.writeString(index, Files.readString(index).replace("{", "{\"extra\":1,"));
        assertThrows(IOException.class, () -> TokenCorpus.open(dir));
    }

    @Test
    void windowsHaveBosAtPieceStartEosAtPieceEndAndPadAfter(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, 100)) {
            w.add("short.mid", "s", 1, new int[] {10, 11, 12});
            w.add("long.mid", "l", 1, new int[] {20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33});
        }
        TokenCorpus c = TokenCorpus.open(dir);
        DataSplit allTrain = new DataSplit(0, 0, List.of(0, 1), List.of());
        TokenWindows w = new TokenWindows(c, allTrain, 7, 5, null, null);
        boolean sawShort = false;
        for (int step = 1; step <= 50; step++) {
            for (int[] win : w.trainBatch(4, step)) {
                assertEquals(8, win.length);
                if (win[1] == 10) {
                    assertArrayEquals(new int[] {1, 10, 11, 12, 2, 0, 0, 0}, win);
                    sawShort = true;
                } else if (win[0] == 1) {
                    assertEquals(20, win[1]);
                } else {
                    for (int i = 1; i < win.length; i++) {
                        assertTrue(win[i] == win[i - 1] + 1 || (win[i] == 2 && win[i - 1] == 33), java.util.Arrays.toString(win));
                    }
                }
            }
        }
        assertTrue(sawShort);
        assertArrayEquals(w.trainBatch(4, 17), w.trainBatch(4, 17), "a step's batch depends only on seed and step");
    }

    @Test
    void windowStartsAreHonoured(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 60, 1, 2, 0, 100)) {
            int[] ids = new int[40];
            for (int i = 0; i < 40; i++) {
                ids[i] = 3 + i;
            }
            w.add("p.mid", "p", 1, ids);
        }
        TokenCorpus c = TokenCorpus.open(dir);
        TokenWindows w = new TokenWindows(c, new DataSplit(0, 0, List.of(0), List.of()), 8, 1, null,
                (file, tokens) -> new int[] {0, 16, 32});
        Set<Integer> firsts = new HashSet<>();
        for (int step = 1; step <= 30; step++) {
            for (int[] win : w.trainBatch(2, step)) {
                firsts.add(win[0]);
            }
        }
        assertEquals(Set.of(1, 3 + 16, 3 + 32), firsts);
    }

    @Test
    void splitIsByFileSeededAndDisjoint() {
        DataSplit a = DataSplit.of(20, 0.25, 3);
        assertEquals(a, DataSplit.of(20, 0.25, 3));
        assertEquals(5, a.validationFiles().size());
        assertEquals(15, a.trainFiles().size());
        Set<Integer> all = new HashSet<>(a.trainFiles());
        all.addAll(a.validationFiles());
        assertEquals(20, all.size());
        assertNotEquals(a.validationFiles(), DataSplit.of(20, 0.25, 4).validationFiles());
    }

    @Test
    void augmentationSeesEveryWindow(@TempDir Path dir) throws IOException {
        TokenCorpus c = TestCorpora.repeatingPattern(dir, 16, 5, 3, 30);
        TokenWindows w = new TokenWindows(c, new DataSplit(0, 0, List.of(0, 1, 2), List.of()), 8, 1,
                (win, rng) -> { int[] o = win.clone(); o[0] = 15; return o; }, null);
        for (int[] win : w.trainBatch(5, 1)) {
            assertEquals(15, win[0]);
        }
    }

    @Test
    void indexWithoutFramingAsWrittenBeforeTheKeyExistedReadsAsAdded(@TempDir Path dir) throws IOException {
        // index.json exactly as a corpus written before "framing" existed (format version 1)
        Files.write(dir.resolve("shard-00000.bin"), new byte[12]);
        Files.writeString(dir.resolve("index.json"), """
                {"formatVersion":1,"vocabSize":50,"bosId":1,"eosId":2,"padId":0,
                 "shards":[{"file":"shard-00000.bin","tokens":3}],
                 "files":[{"source":"a.mid","sha1":"aa","shard":0,"offset":0,"length":3,"notes":1}]}""");
        TokenCorpus c = TokenCorpus.open(dir);
        assertEquals(PieceFraming.ADDED, c.index().framing());
        assertEquals(5, c.index().trainingLength(0));
    }

    @Test
    void addedFramingIsOmittedFromTheIndexAndInPieceIsWrittenAndReadBack(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir.resolve("added"), 50, 1, 2, 0, 100)) {
            w.add("a.mid", "aa", 3, new int[] {3, 4});
        }
        assertTrue(!Files.readString(dir.resolve("added/index.json")).contains("framing"),
                "an added-framing index stays readable by readers that predate the key");
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir.resolve("in"), 50, 1, 2, 0, PieceFraming.IN_PIECE, 100)) {
            w.add("a.mid", "aa", 3, new int[] {1, 3, 4, 2, 7});
        }
        assertTrue(Files.readString(dir.resolve("in/index.json")).contains("\"framing\" : \"in-piece\""));
        TokenCorpus c = TokenCorpus.open(dir.resolve("in"));
        assertEquals(PieceFraming.IN_PIECE, c.index().framing());
        assertArrayEquals(new int[] {1, 3, 4, 2, 7}, c.trainingSequence(0));
        assertArrayEquals(new int[] {1, 3, 4, 2}, TokenCorpus.open(dir.resolve("added")).trainingSequence(0));
    }

    @Test
    void unknownFramingIsRejectedNamingTheValue(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, PieceFraming.IN_PIECE, 100)) {
            w.add("a.mid", "aa", 3, new int[] {1, 2});
        }
        Path index = dir.resolve("index.json");
        Files.writeString(index, Files.readString(index).replace("in-piece", "inside"));
        IOException e = assertThrows(IOException.class, () -> TokenCorpus.open(dir));
        assertTrue(e.getMessage().contains("inside"), e.getMessage());
    }

    @Test
    void inPieceWriterRefusesAPieceWithoutItsOwnBosOrEosOrWithPad(@TempDir Path dir) throws IOException {
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, PieceFraming.IN_PIECE, 100)) {
            var noBos = assertThrows(IllegalArgumentException.class, () -> w.add("a.mid", "aa", 1, new int[] {3, 2}));
            assertTrue(noBos.getMessage().contains("a.mid") && noBos.getMessage().contains("id 3"), noBos.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.add("b.mid", "bb", 1, new int[] {1, 3}));
            assertThrows(IllegalArgumentException.class, () -> w.add("c.mid", "cc", 1, new int[] {1, 0, 2}));
            w.add("d.mid", "dd", 1, new int[] {1, 2});
        }
        assertEquals(1, TokenCorpus.open(dir).fileCount());
    }

    @Test
    void inPieceWindowsAddNoBosOrEosAndBosIsNeverATarget(@TempDir Path dir) throws IOException {
        // ids: BOS 1 and EOS 2 are the pieces' own first and (row-)last tokens; PAD 0
        try (TokenCorpusWriter w = new TokenCorpusWriter(dir, 50, 1, 2, 0, PieceFraming.IN_PIECE, 100)) {
            w.add("short.mid", "s", 1, new int[] {1, 10, 11, 2, 5});
            w.add("long.mid", "l", 1, new int[] {1, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 2, 5});
        }
        TokenCorpus c = TokenCorpus.open(dir);
        TokenWindows w = new TokenWindows(c, new DataSplit(0, 0, List.of(0, 1), List.of()), 7, 5, null, null);
        boolean sawShort = false;
        boolean sawLongStart = false;
        for (int step = 1; step <= 50; step++) {
            for (int[] win : w.trainBatch(4, step)) {
                assertEquals(8, win.length);
                for (int i = 1; i < win.length; i++) {
                    assertTrue(win[i] != 1, "BOS as a target: " + java.util.Arrays.toString(win));
                }
                if (win[1] == 10) {
                    assertArrayEquals(new int[] {1, 10, 11, 2, 5, 0, 0, 0}, win, "no BOS/EOS added, PAD after");
                    sawShort = true;
                } else if (win[0] == 1) {
                    assertArrayEquals(new int[] {1, 20, 21, 22, 23, 24, 25, 26}, win);
                    sawLongStart = true;
                }
            }
        }
        assertTrue(sawShort && sawLongStart);
        List<int[]> validation = new TokenWindows(c, new DataSplit(0, 0, List.of(0), List.of(1)), 7, 5, null, null)
                .validationWindows(10);
        assertEquals(2, validation.size(), "14 tokens in windows of 7 targets");
        assertArrayEquals(new int[] {26, 27, 28, 29, 30, 2, 5, 0}, validation.get(1), "the next window starts at the last target");
    }
}
