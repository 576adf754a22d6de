package org.partita.training;

/**
 * How to sample. Immutable and validated; JSON round trip with unknown keys rejected.
 *
 * @param maxNewTokens tokens to generate per sample (fewer if EOS ends it)
 * @param temperature 0 = greedy (argmax); otherwise logits are divided by it
 * @param topK keep only the k most likely ids (0 = no limit)
 * @param topP keep the smallest set of most likely ids whose probability reaches p (1 = no limit)
 * @param seed sample {@code i} draws from {@code SplittableRandom(mix(seed, i))}
 * @param samples number of samples, generated together as one batch
 * @param kvCache reuse keys and values of earlier positions (same tokens as full recomputation, much faster)
 * @param stopAtEos end a sample when it produces EOS (the EOS is kept)
 */
public record GenerationConfig(int maxNewTokens, double temperature, int topK, double topP, long seed, int samples,
                               boolean kvCache, boolean stopAtEos) {
    public GenerationConfig {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
        if (!(temperature >= 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be finite and >= 0, got " + temperature);
        }
        if (topK < 0) {
            throw new IllegalArgumentException("topK must be >= 0, got " + topK);
        }
        if (!(topP > 0 && topP <= 1)) {
            throw new IllegalArgumentException("topP must be in (0, 1], got " + topP);
        }
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be >= 1, got " + samples);
        }
    }

    public static GenerationConfig defaults() {
        return new GenerationConfig(256, 1.0, 0, 0.95, 1234L, 1, true, true);
    }

    public GenerationConfig withMaxNewTokens(int v) { return new GenerationConfig(v, temperature, topK, topP, seed, samples, kvCache, stopAtEos); }
    public GenerationConfig withTemperature(double v) { return new GenerationConfig(maxNewTokens, v, topK, topP, seed, samples, kvCache, stopAtEos); }
    public GenerationConfig withTopK(int v) { return new GenerationConfig(maxNewTokens, temperature, v, topP, seed, samples, kvCache, stopAtEos); }
    public GenerationConfig withTopP(double v) { return new GenerationConfig(maxNewTokens, temperature, topK, v, seed, samples, kvCache, stopAtEos); }
    public GenerationConfig withSeed(long v) { return new GenerationConfig(maxNewTokens, temperature, topK, topP, v, samples, kvCache, stopAtEos); }
    public GenerationConfig withSamples(int v) { return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, v, kvCache, stopAtEos); }
    public GenerationConfig withKvCache(boolean v) { return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, samples, v, stopAtEos); }
    public GenerationConfig withStopAtEos(boolean v) { return new GenerationConfig(maxNewTokens, temperature, topK, topP, seed, samples, kvCache, v); }

    public String toJson() {
        return Json.write(this);
    }

    public static GenerationConfig fromJson(String json) {
        return Json.read(json, GenerationConfig.class);
    }
}
