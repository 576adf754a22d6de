package org.partita.training.roll;

/**
 * A batch of cropped rolls with their masks, as the model reads them.
 *
 * @param classes {@code [b][v][t]} true class of every cell
 * @param erased {@code [b][v][t]} true = erased (to predict)
 */
public record RollBatch(int[][][] classes, boolean[][][] erased) {
    public int size() {
        return classes.length;
    }

    /** Classes of {@code roll} ({@code [v][t]}); every pitch must be in range. */
    static int[][] classesOf(VoiceRoll roll) {
        int[][] out = new int[roll.voiceCount()][roll.stepCount()];
        for (int v = 0; v < out.length; v++) {
            for (int t = 0; t < out[v].length; t++) {
                out[v][t] = RollGrid.classOf(roll.pitch(v, t));
            }
        }
        return out;
    }
}
