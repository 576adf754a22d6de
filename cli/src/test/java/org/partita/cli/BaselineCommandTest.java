package org.partita.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineCommandTest {
    @TempDir
    Path tmp;

    @Test
    void printsUnigramAndFourGramPerplexityOfTheValidationTokens() throws IOException {
        Path data = TrainCommandTest.corpus(tmp.resolve("tokens"));
        Run r = Run.partita("baseline", "--data", data.toString(), "--validation-fraction", "0.25", "--context", "16");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("validation: 2 of 8 files"), r.toString());
        assertTrue(r.out().contains("unigram (add-one)"), r.toString());
        assertTrue(r.out().contains("4-gram (interpolated Kneser-Ney)"), r.toString());
    }

    @Test
    void withARunItComparesAgainstTheRunsBestValidationPerplexity() throws IOException {
        Path data = TrainCommandTest.corpus(tmp.resolve("tokens"));
        Path cfg = Files.writeString(tmp.resolve("train.json"), """
                {"model": {"contextLength": 16, "width": 16, "layers": 1, "heads": 2},
                 "training": {"batchSize": 2, "warmupSteps": 1, "evalEvery": 2, "validationFraction": 0.25,
                              "threads": 1}}
                """);
        Path out = tmp.resolve("run");
        assertEquals(0, Run.partita("train", "--data", data.toString(), "--out", out.toString(), "--config",
                cfg.toString(), "--steps", "2").exitCode());
        Run r = Run.partita("baseline", "--data", data.toString(), "--run", out.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.out().contains("windows of 16+1 ids"), r.toString());
        assertTrue(r.out().contains("transformer (run, step 2)"), r.toString());
        assertTrue(r.out().contains("/ transformer perplexity:"), r.toString());
    }

    @Test
    void aMissingCorpusIsBadInput() {
        Run r = Run.partita("baseline", "--data", tmp.resolve("nothing").toString());
        assertEquals(3, r.exitCode(), r.toString());
    }
}
