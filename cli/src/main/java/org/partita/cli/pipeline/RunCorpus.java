package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.partita.training.CheckpointInfo;
import org.partita.training.TokenCorpus;
import org.partita.training.TokenCorpusIndex;

/**
 * Checks that a token corpus is the one a training run was made on, before a command mixes them
 * ({@code train --resume}, {@code baseline --run}): same tokenizer config (compared as JSON, key order aside),
 * same vocabulary size and special ids, same file count and the same held-out files. Without it a corpus
 * re-tokenized with another config trains on or is scored with the wrong vocabulary, silently. Stateless.
 */
public final class RunCorpus {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RunCorpus() {
    }

    /**
     * @param checkpoint the run's checkpoint directory (holds {@code config.json} and {@code tokenizer.json})
     * @param info       its {@code config.json}
     * @param corpus     the corpus given now
     * @param option     how the user named the corpus ({@code "--data"}), for the message
     * @throws IllegalArgumentException naming the first difference
     */
    public static void check(Path checkpoint, CheckpointInfo info, TokenCorpus corpus, String option) throws IOException {
        String what = option + " " + corpus.directory() + " is not the corpus of the run in " + checkpoint.getParent() + ": ";
        TokenCorpusIndex index = corpus.index();
        CheckpointInfo.Corpus then = info.corpus();
        if (then.vocabSize() != index.vocabSize() || then.bosId() != index.bosId() || then.eosId() != index.eosId()
                || then.padId() != index.padId()) {
            throw new IllegalArgumentException(what + "vocabulary size " + index.vocabSize() + " (BOS/EOS/PAD "
                    + index.bosId() + "/" + index.eosId() + "/" + index.padId() + ") now, " + then.vocabSize() + " ("
                    + then.bosId() + "/" + then.eosId() + "/" + then.padId() + ") in the run");
        }
        Path runTokenizer = checkpoint.resolve("tokenizer.json");
        Path dataTokenizer = corpus.tokenizerFile();
        boolean runHas = Files.isRegularFile(runTokenizer);
        boolean dataHas = dataTokenizer != null && Files.isRegularFile(dataTokenizer);
        if (runHas != dataHas) {
            throw new IllegalArgumentException(what + (runHas ? "it has no tokenizer.json" : "the run has no tokenizer.json"));
        }
        if (runHas && !readJson(runTokenizer).equals(readJson(dataTokenizer))) {
            throw new IllegalArgumentException(what + "its tokenizer.json differs from " + runTokenizer
                    + " (tokenized with another config)");
        }
        CheckpointInfo.Split split = info.split();
        if (corpus.fileCount() != split.fileCount()) {
            throw new IllegalArgumentException(what + corpus.fileCount() + " files now, " + split.fileCount() + " in the run");
        }
        List<String> sources = new ArrayList<>();
        for (int f : split.validationFiles()) {
            sources.add(index.files().get(f).source());
        }
        if (!sources.equals(split.validationSources())) {
            throw new IllegalArgumentException(what + "its held-out files are other files than the run's");
        }
    }

    private static JsonNode readJson(Path file) throws IOException {
        try {
            return MAPPER.readTree(InputFile.readString(file, Limits.defaults().inputBytes()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
