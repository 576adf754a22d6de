package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiWriter;
import org.partita.midi.WriteOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.SyntheticConfig;
import org.partita.symbolic.SyntheticCorpus;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.TokenizerRegistry;
import org.partita.training.Checkpoints;
import org.partita.training.GenerationConfig;
import org.partita.training.TokenCorpus;
import org.partita.training.TrainResult;
import org.partita.training.Trainer;
import org.partita.training.TransformerModel;

/**
 * The whole pipeline on synthetic music, as library calls: synthetic corpus → MIDI files → REMI tokens →
 * a small transformer trained on the CPU → continuations of a held-out piece's opening and unconditional
 * pieces → MIDI, WAV and PNG files. Layout of {@code OUT}:
 * <pre>
 * corpus/piece-000.mid ...   training pieces       held-out.mid   the prompt source (not trained on)
 * tokens/                    token corpus          run/           checkpoints, metrics.jsonl
 * generated/                 continuation-000.{mid,wav,png}, ..., unconditional-000..., *.json,
 *                            harmonized.{mid,wav,png} (held-out melody harmonised by the piano-roll model)
 * demo.json                  settings, seeds, timings, results
 * </pre>
 * A folder holding a previous demo ({@code demo.json}) is reused: its {@code corpus}, {@code tokens},
 * {@code run} and {@code generated} folders are deleted first. Never prints.
 */
public final class DemoPipeline {

    static final List<String> OWNED = List.of("corpus", "tokens", "run", "generated");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DemoPipeline() {
    }

    /**
     * Runs the demo into {@code out}.
     *
     * @throws IllegalArgumentException if {@code out} holds one of the demo's folders but no {@code demo.json}
     *     (it is not ours to delete)
     */
    public static DemoResult run(Path out, DemoSettings settings, DemoProgress progress)
            throws IOException, MidiFormatException {
        return run(out, settings, progress, PieceOutputs.DEFAULT_MAX_WAV_SECONDS);
    }

    /**
     * As {@link #run(Path, DemoSettings, DemoProgress)}; a generated piece whose audio would last longer than
     * {@code maxWavSeconds} gets no WAV file and says why (the demo's pieces last seconds; the guard is the same
     * as {@code generate --max-seconds}).
     */
    public static DemoResult run(Path out, DemoSettings settings, DemoProgress progress, double maxWavSeconds)
            throws IOException, MidiFormatException {
        prepare(out);
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> cpuSeconds = new LinkedHashMap<>();
        long[] t = {System.nanoTime(), processCpuNanos()};

        progress.stage("corpus", settings.pieces() + " synthetic pieces (seed " + settings.seed() + ")");
        SyntheticConfig synthetic = SyntheticConfig.defaults().withSeed(settings.seed())
                .withBars(settings.minBars(), settings.maxBarsPerPiece());
        List<Score> scores = SyntheticCorpus.generate(synthetic, settings.pieces() + 1);
        Path corpusDir = Files.createDirectories(out.resolve("corpus"));
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < settings.pieces(); i++) {
            Path f = corpusDir.resolve(String.format("piece-%03d.mid", i));
            OutputTarget.of(f).writeBytes(MidiWriter.toBytes(scores.get(i), WriteOptions.DEFAULT_TICKS_PER_QUARTER));
            files.add(f);
        }
        Path heldOut = out.resolve("held-out.mid");
        OutputTarget.of(heldOut).writeBytes(
                MidiWriter.toBytes(scores.get(settings.pieces()), WriteOptions.DEFAULT_TICKS_PER_QUARTER));
        lap(seconds, cpuSeconds, "corpus", t);

        progress.stage("tokenize", "REMI, default configuration");
        Tokenizer remi = TokenizerRegistry.standard().createDefault("REMI");
        CorpusTokens.Summary tokens = CorpusTokens.write(files, remi, out.resolve("tokens"));
        lap(seconds, cpuSeconds, "tokenize", t);

        var model = settings.model().withVocabSize(remi.vocabulary().size());
        progress.stage("train", settings.effectiveTraining().steps() + " steps, width " + model.width() + ", "
                + model.layers() + " layers, context " + model.contextLength());
        Path runDir = out.resolve("run");
        TrainResult train;
        long parameters;
        TokenCorpus corpus = TokenCorpus.open(tokens.directory());
        train = new Trainer(corpus, runDir).optListener(progress.training()).train(model, settings.effectiveTraining());
        try (TransformerModel m = Checkpoints.loadModel(train.lastCheckpoint())) {
            parameters = m.parameterCount();
        }
        lap(seconds, cpuSeconds, "train", t);

        progress.stage("generate", settings.samplesEach() + " continuations of held-out.mid's first "
                + settings.promptBars() + " bars, " + settings.samplesEach() + " unconditional");
        Path generated = out.resolve("generated");
        PieceOutputs outputs = new PieceOutputs(generated, "continuation", settings.wav(), true,
                org.partita.midi.audio.AudioOptions.defaults(), maxWavSeconds);
        GenerateConfig base = new GenerateConfig(runDir, null, settings.promptBars(), settings.maxBars(),
                GenerationConfig.defaults().withMaxNewTokens(settings.maxNewTokens())
                        .withTemperature(settings.temperature()).withTopK(0).withTopP(settings.topP())
                        .withSeed(settings.seed()).withSamples(settings.samplesEach()),
                outputs, settings.threads());
        GenerationResult continuations = PieceGeneration.run(base.withPrompt(heldOut, settings.promptBars()));
        GenerationResult unconditional = PieceGeneration.run(base.withOutputs(outputs.withNamePrefix("unconditional"))
                .withSampling(base.sampling().withSeed(settings.seed() + 1)));
        lap(seconds, cpuSeconds, "generate", t);

        List<Path> harmonized = List.of();
        if (org.partita.training.roll.RollModels.hasDefault()) {
            progress.stage("harmonize", "held-out.mid's melody in four voices with the shipped piano-roll model");
            harmonized = DemoHarmony.write(scores.get(settings.pieces()), generated, settings.seed(), settings.wav());
            lap(seconds, cpuSeconds, "harmonize", t);
        }

        Path summary = out.resolve("demo.json");
        DemoResult result = new DemoResult(out, corpusDir, heldOut, tokens, runDir, parameters, train,
                continuations, unconditional, harmonized, summary, seconds, cpuSeconds);
        OutputTarget.of(summary).writeString(summaryJson(settings, result));
        return result;
    }

    /**
     * Checks that the demo may write into {@code out}: it is new, or holds none of the demo's folders, or holds an
     * earlier demo.
     *
     * @throws IllegalArgumentException naming the folder that is in the way
     */
    public static void checkOutDir(Path out) {
        if (Files.isRegularFile(out.resolve("demo.json"))) {
            return;
        }
        for (String name : OWNED) {
            Path dir = out.resolve(name);
            if (Files.exists(dir)) {
                throw new IllegalArgumentException(dir + " exists but " + out + " holds no demo.json, so it is "
                        + "not from an earlier demo; choose another --out or remove it");
            }
        }
    }

    private static void prepare(Path out) throws IOException {
        checkOutDir(out);
        for (String name : OWNED) {
            if (Files.exists(out.resolve(name))) {
                deleteTree(out.resolve(name));
            }
        }
        Files.createDirectories(out);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Records the wall-clock and process CPU seconds since {@code since} and moves {@code since} to now. */
    private static void lap(Map<String, Double> seconds, Map<String, Double> cpuSeconds, String stage, long[] since) {
        long now = System.nanoTime();
        long cpu = processCpuNanos();
        seconds.put(stage, (now - since[0]) / 1e9);
        cpuSeconds.put(stage, cpu < 0 ? Double.NaN : (cpu - since[1]) / 1e9);
        since[0] = now;
        since[1] = cpu;
    }

    /** CPU time of the whole process (all threads, PyTorch's included), or -1 where the JVM cannot tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    private static String summaryJson(DemoSettings s, DemoResult r) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        ObjectNode seeds = root.putObject("seeds");
        seeds.put("corpus", s.seed());
        seeds.put("training", s.effectiveTraining().seed());
        seeds.put("continuations", s.seed());
        seeds.put("unconditional", s.seed() + 1);
        ObjectNode corpus = root.putObject("corpus");
        corpus.put("pieces", s.pieces());
        corpus.put("bars", s.minBars() + ".." + s.maxBarsPerPiece());
        corpus.put("directory", "corpus");
        corpus.put("heldOut", "held-out.mid");
        corpus.put("tokenizer", "REMI");
        corpus.put("tokens", r.tokens().tokens());
        ObjectNode model = root.putObject("model");
        model.set("config", JSON.readTree(s.model().toJson()));
        model.put("parameters", r.parameters());
        model.set("training", JSON.readTree(s.effectiveTraining().toJson()));
        model.put("steps", r.train().step());
        model.put("lastLoss", r.train().lastLoss());
        model.put("validationLoss", r.train().bestValidationLoss());
        model.put("validationPerplexity", r.validationPerplexity());
        model.put("run", "run");
        ObjectNode gen = root.putObject("generation");
        gen.put("promptBars", s.promptBars());
        gen.put("maxBars", s.maxBars());
        gen.put("maxNewTokens", s.maxNewTokens());
        gen.put("temperature", s.temperature());
        gen.put("topP", s.topP());
        gen.put("violations", r.continuations().violations() + r.unconditional().violations());
        gen.put("summaries", "generated/continuation.json, generated/unconditional.json");
        ObjectNode timing = root.putObject("seconds");
        r.stageSeconds().forEach(timing::put);
        timing.put("total", r.totalSeconds());
        ObjectNode cpu = root.putObject("cpuSeconds");
        r.stageCpuSeconds().forEach(cpu::put);
        cpu.put("total", r.totalCpuSeconds());
        root.put("threads", s.threads() > 0 ? s.threads() : Runtime.getRuntime().availableProcessors());
        return JSON.writeValueAsString(root);
    }
}
