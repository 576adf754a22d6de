package org.partita.cli.pipeline;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The resource limits every command checks <em>before</em> allocating, from the input and the options, so a
 * tiny hostile file or a typo in an option gives a one-line refusal instead of running out of memory. Each
 * limit has a name; {@code --resource-limit NAME=N} (any command, repeatable) raises or lowers it. docs/cli.md,
 * "Resource policy", lists them with their defaults. Immutable.
 *
 * @param inputBytes      largest MIDI, config or id file read, in bytes
 * @param rollCells       largest piano roll plane: tracks × steps × 128 cells
 * @param tokensPerFile   most tokens one MIDI file may encode to (estimated from its bars and notes first)
 * @param samples         most pieces {@code generate --num} samples at once
 * @param generatedTokens most new tokens of one {@code generate} run: {@code --num × --max-tokens}
 * @param modelParameters most parameters of a model a config describes
 */
public record Limits(long inputBytes, long rollCells, long tokensPerFile, long samples, long generatedTokens,
                     long modelParameters) {

    /** Limit names as {@code --resource-limit} takes them, in documentation order. */
    public static final String INPUT_BYTES = "input-bytes";
    public static final String ROLL_CELLS = "roll-cells";
    public static final String TOKENS_PER_FILE = "tokens-per-file";
    public static final String SAMPLES = "generated-pieces";
    public static final String GENERATED_TOKENS = "generated-tokens";
    public static final String MODEL_PARAMETERS = "model-parameters";

    public Limits {
        for (Map.Entry<String, Long> e : asMap(inputBytes, rollCells, tokensPerFile, samples, generatedTokens,
                modelParameters).entrySet()) {
            if (e.getValue() < 1) {
                throw new IllegalArgumentException("--resource-limit " + e.getKey() + " must be >= 1, got " + e.getValue());
            }
        }
    }

    /** 32 MiB input, 2^28 roll cells, 2^24 tokens per file, 256 samples, 2^22 generated tokens, 2^27 parameters. */
    public static Limits defaults() {
        return new Limits(32L << 20, 1L << 28, 1L << 24, 256, 1L << 22, 1L << 27);
    }

    /**
     * The defaults with {@code overrides} (limit name to value) applied.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones) or a value below 1
     */
    public static Limits of(Map<String, Long> overrides) {
        Map<String, Long> values = defaults().toMap();
        for (Map.Entry<String, Long> e : overrides.entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("--resource-limit: unknown limit '" + e.getKey() + "', known: "
                        + String.join(", ", values.keySet()));
            }
            values.put(name, e.getValue());
        }
        return new Limits(values.get(INPUT_BYTES), values.get(ROLL_CELLS), values.get(TOKENS_PER_FILE),
                values.get(SAMPLES), values.get(GENERATED_TOKENS), values.get(MODEL_PARAMETERS));
    }

    /** Name to value, in documentation order. */
    public Map<String, Long> toMap() {
        return asMap(inputBytes, rollCells, tokensPerFile, samples, generatedTokens, modelParameters);
    }

    /**
     * The end of a refusal message: {@code "above the limit of 268,435,456 (raise with --resource-limit roll-cells=N)"}.
     */
    public static String above(String name, long limit) {
        return String.format(Locale.ROOT, "above the limit of %,d (raise with --resource-limit %s=N)", limit, name);
    }

    private static Map<String, Long> asMap(long inputBytes, long rollCells, long tokensPerFile, long samples,
                                           long generatedTokens, long modelParameters) {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put(INPUT_BYTES, inputBytes);
        m.put(ROLL_CELLS, rollCells);
        m.put(TOKENS_PER_FILE, tokensPerFile);
        m.put(SAMPLES, samples);
        m.put(GENERATED_TOKENS, generatedTokens);
        m.put(MODEL_PARAMETERS, modelParameters);
        return m;
    }
}
