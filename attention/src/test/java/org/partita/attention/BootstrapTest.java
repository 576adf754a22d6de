package org.partita.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    private static SequenceAttention sequence(int index, int lookBack) {
        // 12 tokens at beats 0..11; each query q >= lookBack gives weight 1 to q - lookBack, else to itself
        int n = 12;
        float[][] a = new float[n][n];
        for (int q = 0; q < n; q++) {
            a[q][q >= lookBack ? q - lookBack : q] = 1f;
        }
        return new SequenceAttention(index, Fixtures.oneLayer(a), Fixtures.attrs(Fixtures.range(n), Fixtures.range(n), null));
    }

    private static AnalysisSettings settings(int samples, long seed) {
        return AnalysisSettings.defaults().withFields(List.of(Field.BEAT)).withBootstrap(samples, seed);
    }

    @Test
    void identicalSequencesGiveIntervalsOfZeroWidth() {
        AttentionResult r = Fixtures.run(settings(200, 5), sequence(0, 4), sequence(1, 4), sequence(2, 4));
        for (RelativeRow row : r.rows()) {
            assertEquals(row.gamma(), row.gammaLow(), 1e-15, row.toString());
            assertEquals(row.gamma(), row.gammaHigh(), 1e-15, row.toString());
            assertEquals(row.diff(), row.diffLow(), 1e-15, row.toString());
        }
    }

    @Test
    void sequencesThatDisagreeGiveIntervalsAroundTheEstimateAndTheSameSeedTheSameIntervals() {
        SequenceAttention[] seqs = {sequence(0, 4), sequence(1, 2), sequence(2, 4), sequence(3, 1), sequence(4, 4)};
        AttentionResult r = Fixtures.run(settings(500, 9), seqs);
        AttentionResult again = Fixtures.run(settings(500, 9), seqs);
        assertEquals(r.rows(), again.rows());
        RelativeRow minus4 = Fixtures.row(r, Field.BEAT, 0, 0, -4);
        // pooled: look-back 4 sequences give 8 units at -4 each (q = 4..11), total weight 8 + 10 + 8 + 11 + 8 = 45
        assertEquals(24.0 / 45, minus4.gamma(), 1e-15);
        assertTrue(minus4.gammaLow() < minus4.gamma() && minus4.gamma() < minus4.gammaHigh(), minus4.toString());
        assertTrue(minus4.gammaLow() >= 0 && minus4.gammaHigh() <= 1, minus4.toString());
        // the intervals take few distinct values here, so compare the resamples themselves across seeds
        int[][] a = Resampling.counts(500, 5, 9);
        assertTrue(java.util.Arrays.deepEquals(a, Resampling.counts(500, 5, 9)));
        assertTrue(!java.util.Arrays.deepEquals(a, Resampling.counts(500, 5, 10)), "a different seed resamples differently");
        for (int[] draw : a) {
            assertEquals(5, java.util.Arrays.stream(draw).sum(), "each resample draws N sequences");
        }
    }

    @Test
    void noBootstrapLeavesIntervalsEmpty() {
        AttentionResult r = Fixtures.run(settings(0, 1), sequence(0, 4));
        assertTrue(Double.isNaN(r.rows().get(0).diffLow()));
    }
}
