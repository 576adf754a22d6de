package org.partita.cli.pipeline;

import java.util.List;
import java.util.Locale;
import org.partita.symbolic.Score;
import org.partita.symbolic.TimeSignature;
import org.partita.training.PositionalEncoding;
import org.partita.training.TransformerConfig;

/**
 * Sizes computed from a score before the big arrays are made, checked against {@link Limits}: the
 * refusal is an {@link IllegalArgumentException} whose message names the size, the limit and the
 * {@code --resource-limit} that raises it. Pure functions; stateless.
 */
public final class ResourceGuards {

    private ResourceGuards() {
    }

    /**
     * Cells of one plane of {@code score}'s piano roll at {@code stepsPerQuarter}: tracks × steps × 128, steps
     * reaching the score's last tick.
     */
    public static double rollCells(Score score, int stepsPerQuarter) {
        double steps = (double) score.endTick() * stepsPerQuarter / score.ticksPerQuarter() + 1;
        return (double) score.tracks().size() * steps * 128;
    }

    /** Refuses a roll above {@link Limits#rollCells()}. */
    public static void checkRoll(Score score, int stepsPerQuarter, Limits limits) {
        double cells = rollCells(score, stepsPerQuarter);
        if (cells > limits.rollCells()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "its piano roll at %d steps per quarter would hold %,.0f cells (%d tracks, last tick %,d), %s; "
                            + "use a lower --steps-per-quarter", stepsPerQuarter, cells, score.tracks().size(),
                    score.endTick(), Limits.above(Limits.ROLL_CELLS, limits.rollCells())));
        }
    }

    /**
     * A lower bound on the tokens any of Partita's tokenizers writes for {@code score}: one per bar (REMI's Bar,
     * TSD's and MMT's time shifts grow at least as fast) and three per note (pitch, velocity, duration or their
     * compound). A file whose tiny resolution and huge delta times make billions of empty bars is caught here.
     */
    public static double minimumTokens(Score score) {
        return bars(score) + 3.0 * score.noteCount();
    }

    /** Refuses a score whose {@link #minimumTokens} is above {@link Limits#tokensPerFile()}. */
    public static void checkTokens(Score score, Limits limits) {
        double tokens = minimumTokens(score);
        if (tokens > limits.tokensPerFile()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "it would encode to at least %,.0f tokens (%,.0f bars, %,d notes), %s", tokens, bars(score),
                    score.noteCount(), Limits.above(Limits.TOKENS_PER_FILE, limits.tokensPerFile())));
        }
    }

    /**
     * Parameters of the model {@code c} describes, estimated without building it: per block the attention's
     * four and the MLP's two (4× wide) linears with biases and two layer norms; token embedding, learned positions,
     * final norm, and an untied head.
     */
    public static double modelParameters(TransformerConfig c) {
        double w = c.width();
        double perBlock = 12 * w * w + 13 * w;
        double positions = c.positionalEncoding() == PositionalEncoding.LEARNED ? (double) c.contextLength() * w : 0;
        double head = c.tiedHead() ? 0 : (double) c.vocabSize() * w + c.vocabSize();
        return c.layers() * perBlock + (double) c.vocabSize() * w + positions + 2 * w + head;
    }

    /** Refuses a model above {@link Limits#modelParameters()}; {@code source} names where the config came from. */
    public static void checkModel(TransformerConfig c, Limits limits) {
        double parameters = modelParameters(c);
        if (parameters > limits.modelParameters()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "the model (%d layers, width %d, context %d, vocabulary %d) would have about %,.0f parameters "
                            + "(%,.0f MB of weights, about 4 times that to train), %s", c.layers(), c.width(),
                    c.contextLength(), c.vocabSize(), parameters, parameters * 4 / 1e6,
                    Limits.above(Limits.MODEL_PARAMETERS, limits.modelParameters())));
        }
    }

    /** Refuses {@code --num} above {@link Limits#samples()} and {@code --num × --max-tokens} above {@link Limits#generatedTokens()}. */
    public static void checkGeneration(int samples, int maxNewTokens, Limits limits) {
        if (samples > limits.samples()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "--num %,d is %s", samples,
                    Limits.above(Limits.SAMPLES, limits.samples())));
        }
        long tokens = (long) samples * maxNewTokens;
        if (tokens > limits.generatedTokens()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "--num %,d × --max-tokens %,d = %,d new tokens, %s", samples, maxNewTokens, tokens,
                    Limits.above(Limits.GENERATED_TOKENS, limits.generatedTokens())));
        }
    }

    /** The refusal of audio longer than {@code --max-seconds}. */
    public static String audioTooLong(String what, double seconds, double maxSeconds) {
        return String.format(Locale.ROOT, "%s would be %,.1f s of audio, above --max-seconds %s (raise it to render "
                + "longer audio)", what, seconds, maxSeconds % 1 == 0 ? String.valueOf((long) maxSeconds) : maxSeconds);
    }

    /** Bars up to the score's last tick, through its meter changes (fractional; no int overflow). */
    static double bars(Score score) {
        List<TimeSignature> meters = score.timeSignatures();
        long end = score.endTick();
        double bars = 0;
        long segmentStart = 0;
        TimeSignature meter = TimeSignature.DEFAULT;
        for (TimeSignature next : meters) {
            if (next.tick() >= end) {
                break;
            }
            bars += (next.tick() - segmentStart) / meter.ticksPerBar(score.ticksPerQuarter());
            segmentStart = next.tick();
            meter = next;
        }
        return bars + (end - segmentStart) / meter.ticksPerBar(score.ticksPerQuarter());
    }
}
