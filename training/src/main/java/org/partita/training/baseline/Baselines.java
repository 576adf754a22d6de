package org.partita.training.baseline;

import org.partita.training.Augmentation;
import org.partita.training.DataSplit;
import org.partita.training.TokenCorpus;
import org.partita.training.TokenWindows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Baseline perplexities on exactly the validation tokens a {@code Trainer} run scores: the same
 * {@link DataSplit#of split} (file count, validation fraction, seed) and the same
 * {@link TokenWindows#validationWindows validation windows} (pieces read as {@code BOS, tokens, EOS} or, when
 * they carry their own, their tokens; consecutive
 * windows of {@code contextLength + 1} ids, at most {@code evalWindows}, PAD targets skipped). Models are fitted on
 * the training files only, each read the same way ({@link TokenCorpus#trainingSequence}).
 *
 * @param split the split used
 * @param validationWindows number of validation windows scored
 * @param results one row per model: unigram (add-one), then the n-gram
 */
public record Baselines(DataSplit split, int validationWindows, List<Perplexity> results) {
    public Baselines {
        results = List.copyOf(results);
    }

    public static Baselines compute(TokenCorpus corpus, double validationFraction, long seed, int contextLength,
                                    int evalWindows, int order) {
        return compute(corpus, validationFraction, seed, contextLength, evalWindows, order, stage -> { });
    }

    /**
     * As {@link #compute(TokenCorpus, double, long, int, int, int)}, telling {@code stages} what it starts
     * (on the calling thread, for progress displays): reading the corpus, fitting each model, scoring.
     */
    public static Baselines compute(TokenCorpus corpus, double validationFraction, long seed, int contextLength,
                                    int evalWindows, int order, Consumer<String> stages) {
        stages.accept("reading " + corpus.fileCount() + " files");
        DataSplit split = DataSplit.of(corpus.fileCount(), validationFraction, seed);
        if (split.validationFiles().isEmpty()) {
            throw new IllegalArgumentException("no validation files (validationFraction " + validationFraction
                    + ", " + corpus.fileCount() + " files)");
        }
        List<int[]> windows = new TokenWindows(corpus, split, contextLength, seed, Augmentation.NONE, null)
                .validationWindows(evalWindows);
        List<int[]> train = new ArrayList<>();
        for (int f : split.trainFiles()) {
            train.add(corpus.trainingSequence(f));
        }
        int vocab = corpus.index().vocabSize();
        int pad = corpus.index().padId();
        stages.accept("fitting the unigram model on " + train.size() + " files, scoring " + windows.size() + " windows");
        Perplexity unigram = Perplexity.of(UnigramModel.fit(vocab, train), windows, pad);
        stages.accept("fitting the " + order + "-gram model, scoring " + windows.size() + " windows");
        List<Perplexity> results = List.of(unigram, Perplexity.of(NGramModel.fit(order, vocab, train), windows, pad));
        return new Baselines(split, windows.size(), results);
    }
}
