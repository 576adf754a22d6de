package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.partita.midi.MidiFormatException;
import org.partita.midi.MidiWriter;
import org.partita.midi.WriteOptions;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.mmt.MmtTokenizer;
import org.partita.training.Checkpoints;
import org.partita.training.GenerationConfig;
import org.partita.training.Generator;
import org.partita.training.LogitsMask;
import org.partita.training.PieceFraming;
import org.partita.training.TrainingRuntime;
import org.partita.training.TransformerModel;

/**
 * Generates pieces from a trained model and writes them: prompt preparation, grammar-masked sampling with a
 * bar limit, decoding, MIDI/WAV/PNG files and a JSON summary ({@code PREFIX.json}). Never prints.
 *
 * <p>Bar limit: with a tokenizer that has a {@code Bar_None} token (REMI) a sample ends where its
 * {@code maxBars + 1}-th bar would begin (see {@link GrammarMask}); with MMT where its first note row past
 * {@code 4 × maxBars} beats would begin (its beat id is followed only by EOS, and that row is dropped); with
 * others sampling runs to EOS or the token limit. Either way the decoded piece is then clipped to
 * {@code maxBars} bars, which also shortens notes held past the limit. A sample cut by the token limit loses its trailing incomplete note (tokens after the
 * last point where the grammar would allow EOS), so it decodes without violations too. A piece without a
 * Tempo token gets an explicit 120 bpm at tick 0.
 *
 * <p>Framing (from the checkpoint): with BOS/EOS added around pieces (REMI, TSD) sampling starts from
 * {@code BOS, prompt} and a piece's ids are the prompt and the new ids without EOS. With pieces framed in
 * themselves (MMT: BOS is the start-of-song type id, which the prompt's ids already begin with) sampling starts
 * from the prompt, or BOS alone, and a piece's ids are all of it, the final EOS (a lone end-of-song type id,
 * which the decoder reads as the end) included.
 */
public final class PieceGeneration {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PieceGeneration() {
    }

    /**
     * Runs {@code config}.
     *
     * @throws IOException         if the model cannot be loaded or an output cannot be written
     * @throws MidiFormatException if the prompt is not a readable MIDI file
     * @throws IllegalArgumentException if the prompt has fewer bars than asked for
     */
    public static GenerationResult run(GenerateConfig config) throws IOException, MidiFormatException {
        ModelRun run = ModelRun.open(config.model());
        Prompt prompt = config.prompt() == null ? null
                : Prompt.fromMidi(config.prompt(), config.promptBars(), run.tokenizer());
        return run(config, run, prompt);
    }

    /**
     * Runs {@code config} with its model and prompt already opened ({@code prompt} null: unconditional).
     *
     * @throws IOException if the model's parameters cannot be read or an output cannot be written
     */
    public static GenerationResult run(GenerateConfig config, ModelRun run, Prompt prompt) throws IOException {
        return run(config, run, prompt, Generator.StepListener.NONE);
    }

    /** As {@link #run(GenerateConfig, ModelRun, Prompt)}, telling {@code progress} after each sampling step. */
    public static GenerationResult run(GenerateConfig config, ModelRun run, Prompt prompt,
                                       Generator.StepListener progress) throws IOException {
        try (TransformerModel model = Checkpoints.loadModel(run.checkpoint())) {
            return run(config, run, prompt, progress, model);
        }
    }

    /**
     * Runs {@code config} with a model already loaded from {@code run}'s checkpoint (kept open by the caller, as
     * {@code partita studio} does). Sampling stops with a {@link java.util.concurrent.CancellationException}
     * at the next token once the calling thread is interrupted.
     *
     * @throws IOException if an output cannot be written
     */
    public static GenerationResult run(GenerateConfig config, ModelRun run, Prompt prompt,
                                       Generator.StepListener progress, TransformerModel model) throws IOException {
        Tokenizer tokenizer = run.tokenizer();
        TrainingRuntime.setThreads(config.threads());

        int bos = run.info().corpus().bosId();
        int eos = run.info().corpus().eosId();
        int barId = tokenizer.vocabulary().id("Bar_None");
        boolean barTokens = config.maxBars() > 0 && barId >= 0;
        boolean inPiece = run.info().corpus().framing() == PieceFraming.IN_PIECE;
        int[] promptIds = prompt == null ? new int[0] : prompt.ids();
        int[] start = inPiece && promptIds.length > 0 ? promptIds : concat(new int[] {bos}, promptIds);
        int[] given = inPiece ? start : promptIds; // what each piece's ids begin with
        BitSet lateBeats = lateBeats(tokenizer, config.maxBars());
        GrammarMask mask = barTokens ? GrammarMask.withBarLimit(tokenizer.grammar(), barId, config.maxBars(), eos)
                : lateBeats != null ? GrammarMask.withEndingIds(tokenizer.grammar(), lateBeats, eos)
                : GrammarMask.of(tokenizer.grammar());
        GenerationConfig sampling = config.sampling().withStopAtEos(true);

        long t0 = System.nanoTime();
        List<int[]> samples = new Generator(model, bos, eos).generate(start, sampling, interruptible(mask), progress);
        double seconds = (System.nanoTime() - t0) / 1e9;

        PieceOutputs out = config.outputs();
        Path promptMidi = null;
        if (prompt != null) {
            Files.createDirectories(out.dir());
            promptMidi = out.dir().resolve(out.namePrefix() + "-prompt.mid");
            OutputTarget.of(promptMidi).writeBytes(MidiWriter.toBytes(prompt.score(), WriteOptions.DEFAULT_TICKS_PER_QUARTER));
        }
        List<GeneratedPiece> pieces = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            int[] fresh = samples.get(i);
            boolean ended = fresh.length > 0 && fresh[fresh.length - 1] == eos;
            int[] ids = concat(given, ended && !inPiece ? Arrays.copyOf(fresh, fresh.length - 1) : fresh);
            if (barTokens) {
                ids = GrammarMask.trimToBars(ids, barId, config.maxBars());
            }
            int[] early = lateBeats == null ? ids : GrammarMask.cutAtFirst(ids, given.length, lateBeats);
            if (early != ids) { // the row that began past the limit goes; the piece ends before it
                ids = GrammarMask.trimToEnd(early, tokenizer.grammar(), eos);
                ids = inPiece ? concat(ids, new int[] {eos}) : ids;
            } else if (!ended) {
                ids = GrammarMask.trimToEnd(ids, tokenizer.grammar(), eos); // the token limit may cut a note short
            }
            try {
                pieces.add(piece(out.name(i), ids, given.length, ended, tokenizer, config.maxBars(), out));
            } catch (IOException | IllegalArgumentException e) {
                throw leftBehind(e, promptMidi, pieces);
            }
        }
        Path summary = out.dir().resolve(out.namePrefix() + ".json");
        GenerationResult result = new GenerationResult(run, prompt, promptMidi, pieces, summary, seconds);
        try {
            OutputTarget.of(summary).writeString(summaryJson(config, result));
        } catch (IOException | IllegalArgumentException e) {
            throw leftBehind(e, promptMidi, pieces);
        }
        return result;
    }

    /** {@code e} with the files this run already wrote listed, since they stay without their summary file. */
    private static IOException leftBehind(Exception e, Path promptMidi, List<GeneratedPiece> written) {
        List<String> files = new ArrayList<>();
        if (promptMidi != null) {
            files.add(promptMidi.toString());
        }
        for (GeneratedPiece p : written) {
            files.add(p.files().midi().toString());
            if (p.files().wav() != null) {
                files.add(p.files().wav().toString());
            }
            if (p.files().png() != null) {
                files.add(p.files().png().toString());
            }
        }
        String message = (e.getMessage() == null ? e.toString() : e.getMessage())
                + (files.isEmpty() ? "" : "; left without a summary file: " + String.join(", ", files));
        return new IOException(message, e);
    }

    private static GeneratedPiece piece(String name, int[] ids, int promptTokens, boolean ended, Tokenizer tokenizer,
                                        int maxBars, PieceOutputs out) throws IOException {
        Decoded decoded = tokenizer.decode(ids);
        Score score = decoded.score();
        if (maxBars > 0 && score.endTick() > score.timeGrid().barStartTick(maxBars)) {
            score = score.clipped(0, score.timeGrid().barStartTick(maxBars)); // notes held past the limit, or no Bar tokens
        }
        if (score.tempos().isEmpty()) {
            // the model emitted no Tempo token: state the 120 bpm every player assumes, so the file says its tempo
            score = score.withTempos(List.of(new TempoChange(0, TempoChange.DEFAULT_MICROS_PER_QUARTER)));
        }
        int violations = (int) Math.round(tokenizer.grammar().errorRate(ids) * ids.length);
        return new GeneratedPiece(name, ids, promptTokens, ended, violations, decoded.report(), score,
                PieceFiles.write(score, name, out));
    }

    /**
     * MMT's beat ids from the first beat of bar {@code maxBars} on (MMT's decoded scores have no meter, so 4/4:
     * 4 beats a bar; beat code = beat + 1); null for other tokenizers, no limit, or a limit past MMT's last beat.
     */
    private static BitSet lateBeats(Tokenizer tokenizer, int maxBars) {
        if (!(tokenizer instanceof MmtTokenizer mmt) || maxBars <= 0) {
            return null;
        }
        int beatField = MmtTokenizer.FIELDS.indexOf("beat");
        long first = mmt.fieldOffsets()[beatField] + 1 + 4L * maxBars;
        int end = mmt.fieldOffsets()[beatField] + mmt.fieldSizes()[beatField];
        if (first >= end) {
            return null;
        }
        BitSet ids = new BitSet(end);
        ids.set((int) first, end);
        return ids;
    }

    /** {@code mask}, checking before each token whether the thread was interrupted (a cancelled request). */
    private static LogitsMask interruptible(LogitsMask mask) {
        return ids -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("generation cancelled after " + ids.length + " tokens");
            }
            return mask.allowedNext(ids);
        };
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String summaryJson(GenerateConfig config, GenerationResult result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("schemaVersion", 1);
        root.put("model", result.run().checkpoint().toString());
        root.put("checkpointStep", result.run().info().step());
        root.put("tokenizer", result.run().tokenizer().name());
        if (result.prompt() != null) {
            ObjectNode p = root.putObject("prompt");
            if (config.prompt() != null) { // null for a prompt made in memory (a Staccato sketch, a jMusic score)
                p.put("file", config.prompt().toString());
            }
            p.put("bars", result.prompt().bars());
            p.put("tokens", result.prompt().ids().length);
            p.put("midi", fileName(result.promptMidi()));
        }
        root.put("maxBars", config.maxBars());
        root.set("sampling", JSON.readTree(config.sampling().toJson()));
        root.put("samplingSeconds", result.seconds());
        ArrayNode pieces = root.putArray("pieces");
        for (GeneratedPiece p : result.pieces()) {
            ObjectNode n = pieces.addObject();
            n.put("name", p.name());
            n.put("midi", fileName(p.files().midi()));
            n.put("wav", fileName(p.files().wav()));
            n.put("png", fileName(p.files().png()));
            n.put("tokens", p.ids().length);
            n.put("newTokens", p.newTokens());
            n.put("complete", p.ended());
            n.put("bars", p.bars());
            n.put("notes", p.score().noteCount());
            n.put("tracks", p.score().tracks().stream().filter(t -> !t.notes().isEmpty()).count());
            n.put("seconds", p.score().durationSeconds());
            n.put("grammarViolations", p.grammarViolations());
            n.put("decodeViolations", p.report().total());
        }
        return JSON.writeValueAsString(root);
    }

    private static String fileName(Path p) {
        return p == null ? null : p.getFileName().toString();
    }
}
