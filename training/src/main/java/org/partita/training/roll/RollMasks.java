package org.partita.training.roll;

import java.util.SplittableRandom;

/** Masks over (voice, step) cells; {@code true} = erased (to be predicted), {@code false} = given. */
public final class RollMasks {
    private RollMasks() {}

    /**
     * Coconet's orderless-NADE training mask: {@code k} uniform in {@code 1..voices·steps}, then {@code k} cells
     * chosen uniformly without replacement are erased.
     */
    public static boolean[][] orderless(SplittableRandom rng, int voices, int steps) {
        int cells = voices * steps;
        int k = 1 + rng.nextInt(cells);
        int[] order = shuffled(rng, cells);
        boolean[][] mask = new boolean[voices][steps];
        for (int i = 0; i < k; i++) {
            mask[order[i] / steps][order[i] % steps] = true;
        }
        return mask;
    }

    /** A random permutation of {@code 0..n-1} (Fisher–Yates). */
    static int[] shuffled(SplittableRandom rng, int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }

    /** Number of erased cells. */
    public static int count(boolean[][] mask) {
        int n = 0;
        for (boolean[] row : mask) {
            for (boolean b : row) {
                n += b ? 1 : 0;
            }
        }
        return n;
    }
}
