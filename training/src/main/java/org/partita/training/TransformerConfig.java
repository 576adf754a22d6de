package org.partita.training;

/**
 * Shape of a decoder-only transformer. Immutable; validated on construction; saved as
 * {@code config.json} with every checkpoint (see {@link #toJson()}; unknown keys are rejected).
 *
 * @param vocabSize number of token ids, ids are {@code 0 .. vocabSize-1}
 * @param contextLength longest sequence the model attends over (tokens)
 * @param width channels per token (d_model); must be divisible by {@code heads}
 * @param layers number of transformer blocks
 * @param heads attention heads per block; {@code width / heads} must be even for rotary encoding
 * @param dropout dropout rate in [0, 1) on the embeddings and residual branches while training (not on attention
 *     weights: too costly on CPU, see {@code TransformerModel})
 * @param positionalEncoding learned absolute or rotary
 * @param tiedHead whether the output head reuses the token embedding matrix
 */
public record TransformerConfig(
        int vocabSize,
        int contextLength,
        int width,
        int layers,
        int heads,
        double dropout,
        PositionalEncoding positionalEncoding,
        boolean tiedHead) {

    public TransformerConfig {
        require(vocabSize >= 2, "vocabSize must be >= 2, got " + vocabSize);
        require(contextLength >= 1, "contextLength must be >= 1, got " + contextLength);
        require(width >= 1, "width must be >= 1, got " + width);
        require(layers >= 1, "layers must be >= 1, got " + layers);
        require(heads >= 1, "heads must be >= 1, got " + heads);
        require(width % heads == 0, "width must be divisible by heads, got width " + width + ", heads " + heads);
        require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
        require(positionalEncoding != null, "positionalEncoding must not be null");
        require(positionalEncoding != PositionalEncoding.ROTARY || (width / heads) % 2 == 0,
                "rotary encoding needs an even head width, got width/heads = " + width / heads);
    }

    /** A small model that trains on a laptop CPU: width 256, 4 layers, 4 heads, context 512, vocab 512. */
    public static TransformerConfig defaults() {
        return new TransformerConfig(512, 512, 256, 4, 4, 0.1, PositionalEncoding.LEARNED, true);
    }

    public int headWidth() {
        return width / heads;
    }

    public TransformerConfig withVocabSize(int v) {
        return new TransformerConfig(v, contextLength, width, layers, heads, dropout, positionalEncoding, tiedHead);
    }

    public TransformerConfig withContextLength(int v) {
        return new TransformerConfig(vocabSize, v, width, layers, heads, dropout, positionalEncoding, tiedHead);
    }

    public TransformerConfig withWidth(int v) {
        return new TransformerConfig(vocabSize, contextLength, v, layers, heads, dropout, positionalEncoding, tiedHead);
    }

    public TransformerConfig withLayers(int v) {
        return new TransformerConfig(vocabSize, contextLength, width, v, heads, dropout, positionalEncoding, tiedHead);
    }

    public TransformerConfig withHeads(int v) {
        return new TransformerConfig(vocabSize, contextLength, width, layers, v, dropout, positionalEncoding, tiedHead);
    }

    public TransformerConfig withDropout(double v) {
        return new TransformerConfig(vocabSize, contextLength, width, layers, heads, v, positionalEncoding, tiedHead);
    }

    public TransformerConfig withPositionalEncoding(PositionalEncoding v) {
        return new TransformerConfig(vocabSize, contextLength, width, layers, heads, dropout, v, tiedHead);
    }

    public TransformerConfig withTiedHead(boolean v) {
        return new TransformerConfig(vocabSize, contextLength, width, layers, heads, dropout, positionalEncoding, v);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** Parses JSON written by {@link #toJson()}; unknown or missing keys and invalid values are errors. */
    public static TransformerConfig fromJson(String json) {
        return Json.read(json, TransformerConfig.class);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
