package org.partita.symbolic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded synthetic multitrack pieces for tests, demos and attention studies.
 *
 * <p>Each piece has, in this track order: "Melody" (program 73, 40, 56 or 0), "Chords" (program 0, 4
 * or 5; block or broken triads), "Bass" (program 33) and "Drums" (drum track; GM kick 36, snare 38,
 * closed hi-hat 42). One meter per piece, 4/4, 3/4 and 6/8 in rotation (pieces 0, 1, 2 are 4/4, 3/4,
 * 6/8); 8–16 bars by default; a key signature at tick 0 (-3..3 sharps, major or minor) and a
 * progression of diatonic triads in that key, one chord per bar, ending on the tonic; a tempo of
 * 80–140 bpm with a change of ×0.75 or ×1.25 at the middle bar in every
 * {@link SyntheticConfig#tempoChangeEvery()}-th piece; a text event at tick 0 naming the seed and
 * piece index. The melody repeats a one- or two-bar motif (seeded), with at most two small variations
 * (see docs/score-model.md), so the note one period back is usually the same note.
 *
 * <p>Determinism: piece {@code i} is drawn from the {@code (i+1)}-th {@link SplittableRandom#split()}
 * of {@code new SplittableRandom(seed)}, using only {@code nextLong()} (SplitMix64, a specified
 * algorithm), so the same seed and config give {@code equals} scores on every JVM, and piece {@code i}
 * does not depend on how many pieces are asked for. Stateless and thread-safe.
 */
public final class SyntheticCorpus {

    private SyntheticCorpus() {
    }

    /** {@code count} pieces with {@link SyntheticConfig#defaults()} and this seed; the same seed gives identical pieces. */
    public static List<Score> generate(long seed, int count) {
        return generate(SyntheticConfig.defaults().withSeed(seed), count);
    }

    /** {@code count} pieces made as {@code config} says. */
    public static List<Score> generate(SyntheticConfig config, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        SplittableRandom root = new SplittableRandom(config.seed());
        List<Score> pieces = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            pieces.add(SyntheticPiece.compose(config, i, new Dice(root.split())));
        }
        return List.copyOf(pieces);
    }
}
