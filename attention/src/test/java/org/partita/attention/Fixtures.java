package org.partita.attention;

import java.util.Arrays;

/** Hand-built attention and attribute tables for the exact-answer tests. */
final class Fixtures {

    static final int X = TokenAttributes.ABSENT;

    private Fixtures() {
    }

    /** Attributes with only the given columns set; the others absent. */
    static TokenAttributes attrs(int[] note, int[] beat, int[] pitch) {
        int n = note.length;
        int[] absent = new int[n];
        Arrays.fill(absent, X);
        int[] bar = new int[n];
        int[] position = new int[n];
        for (int i = 0; i < n; i++) {
            bar[i] = beat[i] == X ? X : beat[i] / 4;
            position[i] = beat[i] == X ? X : 0;
        }
        int[] program = new int[n];
        for (int i = 0; i < n; i++) {
            program[i] = note[i] >= 0 ? 0 : X;
        }
        return new TokenAttributes(note, bar, beat, position, pitch == null ? absent : pitch, program);
    }

    static int[] range(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    /** Uniform causal attention a(q, t) = 1/(q+1) for t ≤ q. */
    static float[][] uniform(int n) {
        float[][] a = new float[n][n];
        for (int q = 0; q < n; q++) {
            Arrays.fill(a[q], 0, q + 1, 1f / (q + 1));
        }
        return a;
    }

    /** One layer of the given heads. */
    static float[][][][] oneLayer(float[][]... heads) {
        return new float[][][][] {heads};
    }

    static AttentionResult run(AnalysisSettings settings, SequenceAttention... seqs) {
        AttentionAnalysis analysis = new AttentionAnalysis(settings, true);
        for (SequenceAttention s : seqs) {
            analysis.add(analysis.analyze(s.validated()));
        }
        return analysis.result();
    }

    static RelativeRow row(AttentionResult r, Field f, int layer, int head, int k) {
        return r.rows().stream().filter(x -> x.field() == f && x.layer() == layer && x.head() == head && x.k() == k)
                .findFirst().orElseThrow(() -> new AssertionError("no row " + f + " layer " + layer + " head " + head + " k " + k));
    }
}
