package org.partita.attention;

import java.util.Arrays;

/** Token-level sums behind the head summaries of one sequence (see {@link HeadSums}). */
final class HeadSummaries {

    private HeadSummaries() {
    }

    static HeadSums[] sums(SequenceAttention seq, int[] layers) {
        TokenAttributes attrs = seq.attributes();
        int n = attrs.size();
        Units notes = Units.notes(attrs);
        int[][] tokensOfNote = tokensOfNote(notes);
        int[] nonNote = new int[n];
        int nonNoteCount = 0;
        for (int i = 0; i < n; i++) {
            if (attrs.noteOf(i) < 0) {
                nonNote[nonNoteCount++] = i;
            }
        }
        nonNote = Arrays.copyOf(nonNote, nonNoteCount);
        int heads = seq.heads();
        HeadSums[] out = new HeadSums[layers.length * heads];
        for (int li = 0; li < layers.length; li++) {
            for (int h = 0; h < heads; h++) {
                out[li * heads + h] = sumsOfHead(seq.weights()[layers[li]][h], nonNote, notes, tokensOfNote);
            }
        }
        return out;
    }

    private static HeadSums sumsOfHead(float[][] a, int[] nonNote, Units notes, int[][] tokensOfNote) {
        HeadSums s = new HeadSums();
        int n = a.length;
        for (int q = 0; q < n; q++) {
            float[] row = a[q];
            double nonNoteWeight = 0;
            for (int t : nonNote) {
                if (t > q) {
                    break;
                }
                nonNoteWeight += row[t];
            }
            s.nonNoteSum += nonNoteWeight;
            s.nonNoteRows++;
            if (q == 0) {
                continue;
            }
            s.previousTokenSum += row[q - 1];
            s.previousTokenRows++;
            double h = 0;
            for (int t = 0; t <= q; t++) {
                double w = row[t];
                if (w > 0) {
                    h -= w * Math.log(w);
                }
            }
            s.entropySum += h / Math.log(q + 1);
            s.entropyRows++;
        }
        for (int u = 1; u < notes.count; u++) {
            int[] queryTokens = tokensOfNote[u];
            int[] keyTokens = tokensOfNote[u - 1];
            double sum = 0;
            for (int q : queryTokens) {
                for (int t : keyTokens) {
                    if (t < q) {
                        sum += a[q][t];
                    }
                }
            }
            s.previousNoteSum += sum / queryTokens.length;
            s.previousNoteRows++;
        }
        return s;
    }

    private static int[][] tokensOfNote(Units notes) {
        int[][] out = new int[notes.count][];
        int[] fill = new int[notes.count];
        for (int u = 0; u < notes.count; u++) {
            out[u] = new int[notes.tokensPerUnit[u]];
        }
        for (int i = 0; i < notes.unitOfToken.length; i++) {
            int u = notes.unitOfToken[i];
            if (u >= 0) {
                out[u][fill[u]++] = i;
            }
        }
        return out;
    }
}
