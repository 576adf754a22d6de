package org.partita.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slow checks, run with {@code ./mvnw -pl training -am verify -Pheavy}. */
@Tag("heavy")
class HeavyTrainingTest {
    @Test
    void nativeMemoryStaysFlatOverAThousandSteps(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 64, 7, 20, 500);
        TransformerConfig model = new TransformerConfig(64, 64, 64, 2, 4, 0.1, PositionalEncoding.ROTARY, true);
        TrainConfig train = TrainerTest.TRAIN.withSteps(1000).withBatchSize(8).withLogEvery(100).withEvalEvery(250)
                .withCheckpointEvery(500);
        // -Pheavy runs tests with a fixed pre-touched heap and capped direct buffers (training/pom.xml), so growth
        // of VmRSS is native memory held by tensors (plus JIT code).
        System.out.println("JVM arguments: " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        List<double[]> samples = new ArrayList<>(); // step, VmRSS MB
        new Trainer(corpus, dir.resolve("run")).optListener(new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) {
                double rss = rssMb();
                samples.add(new double[] {p.step(), rss});
                System.out.printf("step %d VmRSS %.1f MB%n", p.step(), rss);
            }
        }).train(model, train);
        double growth = samples.get(9)[1] - samples.get(2)[1]; // step 300 → 1000
        assertTrue(growth < 48, "native memory grew " + growth + " MB between steps 300 and 1000");
    }

    @Test
    void resumeOnTwoThreadsGivesTheSameLosses(@TempDir Path dir) throws Exception {
        TokenCorpus corpus = TestCorpora.repeatingPattern(dir.resolve("corpus"), 16, 5, 10, 60);
        TransformerConfig model = TrainerTest.MODEL.withWidth(64);
        TrainConfig train = TrainerTest.TRAIN.withThreads(2).withBatchSize(8);
        List<Double> straight = new ArrayList<>();
        List<Double> split = new ArrayList<>();
        new Trainer(corpus, dir.resolve("a")).optListener(collect(straight)).train(model, train);
        new Trainer(corpus, dir.resolve("b")).optListener(collect(split)).optStopAfterStep(10).train(model, train);
        new Trainer(corpus, dir.resolve("b")).optListener(collect(split)).resume();
        assertEquals(straight, split);
    }

    static TrainingListener collect(List<Double> losses) {
        return new TrainingListener() {
            @Override public void onProgress(TrainingProgress p) { losses.add(p.loss()); }
        };
    }

    static double rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
