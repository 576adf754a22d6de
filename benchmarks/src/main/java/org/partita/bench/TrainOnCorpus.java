package org.partita.bench;

import org.partita.training.TokenCorpus;
import org.partita.training.TrainConfig;
import org.partita.training.TrainResult;
import org.partita.training.Trainer;
import org.partita.training.TrainingListener;
import org.partita.training.TransformerConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs one training job and prints plain log lines (a stop-gap for long runs until {@code partita train}
 * exists). Args: TOKENS_DIR RUN_DIR MODEL_JSON TRAIN_JSON, or TOKENS_DIR RUN_DIR --resume.
 */
public final class TrainOnCorpus {
    public static void main(String[] args) throws Exception {
        TokenCorpus corpus = TokenCorpus.open(Path.of(args[0]));
        long start = System.nanoTime();
        Trainer trainer = new Trainer(corpus, Path.of(args[1])).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) {
                System.out.printf("step %d/%d loss %.4f lr %.2e grad %.2f tok/s %.0f eta %.0fs elapsed %.0fs%n",
                        p.step(), p.totalSteps(), p.loss(), p.learningRate(), p.gradNorm(), p.tokensPerSecond(),
                        p.etaSeconds(), (System.nanoTime() - start) / 1e9);
            }

            @Override public void onValidation(ValidationResult r) {
                System.out.printf("validation step %d loss %.4f perplexity %.3f windows %d%s%n",
                        r.step(), r.loss(), r.perplexity(), r.windows(), r.best() ? " best" : "");
            }
        });
        TrainResult result = args.length > 2 && args[2].equals("--resume") ? trainer.resume()
                : trainer.train(TransformerConfig.fromJson(Files.readString(Path.of(args[2]))),
                        TrainConfig.fromJson(Files.readString(Path.of(args[3]))));
        System.out.printf("done %s in %.0fs%n", result, (System.nanoTime() - start) / 1e9);
    }
}
