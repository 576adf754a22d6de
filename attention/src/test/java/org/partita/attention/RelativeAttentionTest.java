package org.partita.attention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.partita.attention.Fixtures.X;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelativeAttentionTest {

    private static final AnalysisSettings BEAT_ONLY = AnalysisSettings.defaults().withFields(List.of(Field.BEAT))
            .withBootstrap(0, 1);

    @Test
    void fourBeatsBackAttentionHasGammaOneAtMinusFourInTokenUnit() {
        // 10 tokens, token i at beat i; query q >= 4 gives all weight to q-4, queries 0..3 to themselves (not counted)
        int n = 10;
        float[][] a = new float[n][n];
        for (int q = 0; q < n; q++) {
            a[q][q >= 4 ? q - 4 : q] = 1f;
        }
        TokenAttributes attrs = Fixtures.attrs(Fixtures.range(n), Fixtures.range(n), null);
        AttentionResult r = Fixtures.run(BEAT_ONLY.withBaseline(Baseline.CAUSAL_PAIRS),
                new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        RelativeRow minus4 = Fixtures.row(r, Field.BEAT, 0, 0, -4);
        assertEquals(1.0, minus4.gamma(), 0.0);
        // causal pairs: 45 pairs t < q, of which 6 at k = -4 (q = 4..9)
        assertEquals(6, minus4.pairs());
        assertEquals(6.0 / 45, minus4.baseline(), 1e-15);
        assertEquals(1.0 - 6.0 / 45, minus4.diff(), 1e-15);
        for (RelativeRow row : r.rows()) {
            if (row.k() != -4) {
                assertEquals(0.0, row.gamma(), 0.0, "k " + row.k());
            }
        }
    }

    @Test
    void fourBeatsBackAttentionHasGammaOneAtMinusFourInNoteUnit() {
        // a Bar token (no note) then 8 notes of two tokens each (Pitch, Duration), note j at beat j.
        // Every token of note j >= 4 gives all weight to the first token of note j-4; the others to the Bar token.
        int notes = 8;
        int n = 1 + 2 * notes;
        int[] note = new int[n];
        int[] beat = new int[n];
        note[0] = -1;
        beat[0] = 0;
        for (int j = 0; j < notes; j++) {
            note[1 + 2 * j] = note[2 + 2 * j] = 100 + j; // arbitrary ids
            beat[1 + 2 * j] = beat[2 + 2 * j] = j;
        }
        float[][] a = new float[n][n];
        a[0][0] = 1f;
        for (int q = 1; q < n; q++) {
            int j = (q - 1) / 2;
            a[q][j >= 4 ? 1 + 2 * (j - 4) : 0] = 1f;
        }
        TokenAttributes attrs = Fixtures.attrs(note, beat, null);
        AnalysisSettings s = BEAT_ONLY.withUnit(Unit.NOTE).withBaseline(Baseline.CAUSAL_PAIRS);
        AttentionResult r = Fixtures.run(s, new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        RelativeRow minus4 = Fixtures.row(r, Field.BEAT, 0, 0, -4);
        assertEquals(1.0, minus4.gamma(), 0.0);
        // note pairs K before Q: 8·7/2 = 28, of which 4 at k = -4 (Q = 4..7)
        assertEquals(4, minus4.pairs());
        assertEquals(4.0 / 28, minus4.baseline(), 1e-15);
        // the token view of the same attention differs, because the Bar token (beat 0) is a unit there:
        AttentionResult tokens = Fixtures.run(BEAT_ONLY.withBaseline(Baseline.CAUSAL_PAIRS),
                new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        // tokens 1..8 (notes 0..3) put weight 1 on the Bar token at beat 0: k = 0, -1, -2, -3 (two tokens each);
        // tokens 9..16 (notes 4..7) put weight 1 at k = -4; token 0 has no earlier key. So 8 of 16 at k = -4.
        assertEquals(8.0 / 16, Fixtures.row(tokens, Field.BEAT, 0, 0, -4).gamma(), 1e-15);
        assertEquals(2.0 / 16, Fixtures.row(tokens, Field.BEAT, 0, 0, -3).gamma(), 1e-15);
    }

    @Test
    void uniformCausalAttentionHasGainExactlyZeroUnderCausalUniform() {
        int n = 40;
        int[] note = new int[n];
        int[] beat = new int[n];
        int[] pitch = new int[n];
        for (int i = 0; i < n; i++) {
            note[i] = i % 5 == 0 ? -1 : i / 3;          // some tokens of no note, notes of up to 3 tokens
            beat[i] = (i * 7) / 10;
            pitch[i] = note[i] < 0 ? X : 40 + (i * 13) % 37;
        }
        TokenAttributes attrs = Fixtures.attrs(note, beat, pitch);
        float[][][][] w = {{Fixtures.uniform(n), Fixtures.uniform(n), Fixtures.uniform(n)}};
        for (Unit unit : Unit.values()) {
            AnalysisSettings s = AnalysisSettings.defaults().withUnit(unit).withBootstrap(50, 3);
            AttentionResult r = Fixtures.run(s, new SequenceAttention(0, w, attrs), new SequenceAttention(1, w, attrs));
            assertTrue(r.rows().size() > 50, "rows: " + r.rows().size());
            for (RelativeRow row : r.rows()) {
                assertEquals(0.0, row.diff(), 0.0, unit + " " + row);
                assertEquals(1.0, row.ratio(), 0.0, unit + " " + row);
                assertEquals(0.0, row.diffLow(), 0.0, unit + " " + row);
                assertEquals(0.0, row.diffHigh(), 0.0, unit + " " + row);
            }
        }
    }

    @Test
    void mmtBaselineUsesTheReferenceGridWithSelfAndFutureKeysAndNoLastKey() {
        // beats [0, 0, 1, 2], one head:
        float[][] a = {
            {1f, 0f, 0f, 0f},
            {0.5f, 0.5f, 0f, 0f},
            {0.2f, 0.3f, 0.5f, 0f},
            {0.1f, 0.2f, 0.3f, 0.4f},
        };
        // grid: queries 1..3, keys 0..2 (query 0 skipped; key 3 never used, so a(3,3) = 0.4 is dropped)
        //  q=1 (beat 0): t0 k=0 w .5 | t1 self k=0 w .5 | t2 future k=1 w 0
        //  q=2 (beat 1): t0 k=-1 w .2 | t1 k=-1 w .3 | t2 self k=0 w .5
        //  q=3 (beat 2): t0 k=-2 w .1 | t1 k=-2 w .2 | t2 k=-1 w .3
        // weighted: k=-2 .3, k=-1 .8, k=0 1.5, k=1 0; total 2.6
        // pairs:    k=-2 2,  k=-1 3,  k=0 3,   k=1 1; total 9 (the mmt baseline)
        TokenAttributes attrs = Fixtures.attrs(new int[] {0, 1, 2, 3}, new int[] {0, 0, 1, 2}, null);
        AttentionResult r = Fixtures.run(BEAT_ONLY.withBaseline(Baseline.MMT), new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        double[][] expected = {{-2, 0.3 / 2.6, 2 / 9.0, 2}, {-1, 0.8 / 2.6, 3 / 9.0, 3}, {0, 1.5 / 2.6, 3 / 9.0, 3}, {1, 0, 1 / 9.0, 1}};
        for (double[] e : expected) {
            RelativeRow row = Fixtures.row(r, Field.BEAT, 0, 0, (int) e[0]);
            assertEquals(e[1], row.gamma(), 1e-7, "gamma k " + e[0]); // weights are float32
            assertEquals(e[2], row.baseline(), 1e-15, "baseline k " + e[0]);
            assertEquals((long) e[3], row.pairs(), "pairs k " + e[0]);
            assertEquals(row.gamma() - row.baseline(), row.diff(), 0.0);
        }
        assertEquals(4, r.rows().stream().filter(x -> x.head() == 0).count());
        assertEquals(r.rows().get(1).gamma(), Fixtures.row(r, Field.BEAT, 0, RelativeRow.MEAN_HEAD, -1).gamma(), 0.0);
        // the same attention under causal-pairs: only t < q, so no self, no future, and key 2 of query 3 counts
        // q1: t0 k0 .5 | q2: t0,t1 k-1 .5 | q3: t0,t1 k-2 .3, t2 k-1 .3 → k-2 .3, k-1 .8, k0 .5; total 1.6
        AttentionResult causal = Fixtures.run(BEAT_ONLY.withBaseline(Baseline.CAUSAL_PAIRS),
                new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        assertEquals(0.5 / 1.6, Fixtures.row(causal, Field.BEAT, 0, 0, 0).gamma(), 1e-7);
        assertEquals(1 / 6.0, Fixtures.row(causal, Field.BEAT, 0, 0, 0).baseline(), 1e-15);
        assertEquals(3, causal.rows().stream().filter(x -> x.head() == 0).count());
    }

    @Test
    void noteUnitAveragesOverQueryTokensAndSumsEarlierKeyTokens() {
        // tokens: 0 Bar | 1 P(A) 2 V(A) 3 D(A) | 4 Position | 5 P(B) 6 P(C) 7 V(B) 8 V(C)
        // note ids arbitrary: A=7, B=3, C=5; ordered by first token: A, B, C. Pitches A 60, B 64, C 67.
        int[] note = {-1, 7, 7, 7, -1, 3, 5, 3, 5};
        int[] beat = {0, 0, 0, 0, 1, 1, 1, 1, 1};
        int[] pitch = {X, 60, X, X, X, 64, 67, X, X};
        float[][] a = new float[9][9];
        a[0][0] = 1f;
        a[1] = new float[] {0.5f, 0.5f, 0, 0, 0, 0, 0, 0, 0};
        a[2] = new float[] {0.5f, 0.25f, 0.25f, 0, 0, 0, 0, 0, 0};
        a[3] = new float[] {0.25f, 0.25f, 0.25f, 0.25f, 0, 0, 0, 0, 0};
        a[4] = new float[] {0.2f, 0.2f, 0.2f, 0.2f, 0.2f, 0, 0, 0, 0};
        a[5] = new float[] {0.1f, 0.2f, 0.1f, 0.1f, 0.1f, 0.4f, 0, 0, 0};
        a[6] = new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.3f, 0.2f, 0, 0};
        a[7] = new float[] {0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.2f, 0.2f, 0};
        a[8] = new float[] {0.05f, 0.05f, 0.1f, 0.1f, 0.1f, 0.1f, 0.1f, 0.2f, 0.2f};
        // A(B,A) = mean over q in {5,7} of sum over t in {1,2,3}: ((.2+.1+.1) + (.1+.1+.1)) / 2 = .35
        // A(C,A) = mean over q in {6,8}: ((.1+.1+.1) + (.05+.1+.1)) / 2 = .275
        // A(C,B) = mean over q in {6,8} of B's tokens t < q: q=6: t5 .3 ; q=8: t5 .1 + t7 .2 → (.3 + .3) / 2 = .3
        // pitch k = pitch(K) - pitch(Q): (B,A) 60-64 = -4, (C,A) 60-67 = -7, (C,B) 64-67 = -3
        double ba = 0.35;
        double ca = 0.275;
        double cb = 0.3;
        double total = ba + ca + cb;
        TokenAttributes attrs = Fixtures.attrs(note, beat, pitch);
        AnalysisSettings s = AnalysisSettings.defaults().withFields(List.of(Field.PITCH, Field.INTERVAL_CLASS, Field.BEAT))
                .withUnit(Unit.NOTE).withBaseline(Baseline.CAUSAL_PAIRS).withBootstrap(0, 1);
        AttentionResult r = Fixtures.run(s, new SequenceAttention(0, Fixtures.oneLayer(a), attrs));
        assertEquals(ba / total, Fixtures.row(r, Field.PITCH, 0, 0, -4).gamma(), 1e-7);
        assertEquals(ca / total, Fixtures.row(r, Field.PITCH, 0, 0, -7).gamma(), 1e-7);
        assertEquals(cb / total, Fixtures.row(r, Field.PITCH, 0, 0, -3).gamma(), 1e-7);
        assertEquals(1, Fixtures.row(r, Field.PITCH, 0, 0, -3).pairs());
        assertEquals(1 / 3.0, Fixtures.row(r, Field.PITCH, 0, 0, -3).baseline(), 1e-15);
        // interval classes: |-4| = 4, |-7| = 7, |-3| = 3
        assertEquals(ca / total, Fixtures.row(r, Field.INTERVAL_CLASS, 0, 0, 7).gamma(), 1e-7);
        // beat (first non-empty value of each note): A 0, B 1, C 1 → (B,A) k=-1, (C,A) k=-1, (C,B) k=0
        assertEquals((ba + ca) / total, Fixtures.row(r, Field.BEAT, 0, 0, -1).gamma(), 1e-7);
        assertEquals(cb / total, Fixtures.row(r, Field.BEAT, 0, 0, 0).gamma(), 1e-7);
        // previous-note share: mean over B, C of A(B,A) and A(C,B)
        HeadSummary head0 = r.headSummaries().get(0);
        assertEquals((ba + cb) / 2, head0.previousNoteShare(), 1e-7);
        // non-note share: rows 0..8 weight on tokens 0 and 4: 1, .5, .5, .25, .4, .2, .2, .2, .15 → 3.4 / 9
        assertEquals(3.4 / 9, head0.nonNoteShare(), 1e-7);
    }

    @Test
    void noteUnitWithMmtBaselineIsRefusedWithAReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AnalysisSettings.defaults().withUnit(Unit.NOTE).withBaseline(Baseline.MMT));
        assertTrue(e.getMessage().contains("token grid"), e.getMessage());
    }
}
