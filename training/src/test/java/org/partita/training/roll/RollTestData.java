package org.partita.training.roll;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic four-voice pieces with a fixed harmony: alto = soprano − 3, tenor = soprano − 12, bass = soprano − 24. */
final class RollTestData {
    private RollTestData() {}

    static final int[] OFFSETS = {0, -3, -12, -24};

    /** {@code count} pieces of {@code steps} steps; the soprano moves in quarter notes over 62..78. */
    static RollCorpus parallelVoices(int count, int steps, long seed) {
        return parallelVoices(count, steps, seed, OFFSETS);
    }

    /** As {@link #parallelVoices(int, int, long)} with voice {@code v} at {@code soprano + offsets[v]}. */
    static RollCorpus parallelVoices(int count, int steps, long seed, int[] offsets) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> sources = new ArrayList<>();
        List<VoiceRoll> pieces = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int[][] p = new int[4][steps];
            for (int t = 0; t < steps; t++) {
                int s = t % 4 == 0 ? 62 + rng.nextInt(17) : p[0][t - 1];
                for (int v = 0; v < 4; v++) {
                    p[v][t] = s + offsets[v];
                }
            }
            sources.add("piece-" + i);
            pieces.add(VoiceRoll.ofPitches(p));
        }
        return new RollCorpus(4, sources, pieces, List.of(), 0);
    }
}
