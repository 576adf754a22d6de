package org.partita.attention;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Pools {@link HeadSums} over sequences into {@link HeadSummary} rows (heads, then the layer's mean). */
final class HeadSummaryPooling {

    private HeadSummaryPooling() {
    }

    static List<HeadSummary> pool(List<SequenceStats> stats, int[] layers, int heads,
                                  Map<Field, Map<Integer, HeadSummary.Peak>> peaks, double[] distance) {
        int analysed = layers.length * heads;
        HeadSums[] total = new HeadSums[analysed];
        for (int m = 0; m < analysed; m++) {
            total[m] = new HeadSums();
            for (SequenceStats s : stats) {
                total[m].add(s.headSums()[m]);
            }
        }
        List<HeadSummary> out = new ArrayList<>();
        for (int li = 0; li < layers.length; li++) {
            double[] mean = new double[5];
            for (int h = 0; h < heads; h++) {
                int m = li * heads + h;
                HeadSums t = total[m];
                double[] v = {ratio(t.entropySum, t.entropyRows), ratio(t.previousTokenSum, t.previousTokenRows),
                    ratio(t.previousNoteSum, t.previousNoteRows), ratio(t.nonNoteSum, t.nonNoteRows),
                    distance == null ? Double.NaN : distance[m]};
                for (int i = 0; i < v.length; i++) {
                    mean[i] += v[i] / heads;
                }
                out.add(new HeadSummary(layers[li], h, v[0], v[1], v[2], v[3], v[4], peaksOf(peaks, m)));
            }
            out.add(new HeadSummary(layers[li], RelativeRow.MEAN_HEAD, mean[0], mean[1], mean[2], mean[3],
                    distance == null ? Double.NaN : distance[analysed + li], peaksOf(peaks, -1 - li)));
        }
        return out;
    }

    private static Map<Field, HeadSummary.Peak> peaksOf(Map<Field, Map<Integer, HeadSummary.Peak>> peaks, int key) {
        Map<Field, HeadSummary.Peak> out = new EnumMap<>(Field.class);
        peaks.forEach((f, byHead) -> {
            HeadSummary.Peak p = byHead.get(key);
            if (p != null) {
                out.put(f, p);
            }
        });
        return out;
    }

    private static double ratio(double sum, long rows) {
        return rows == 0 ? Double.NaN : sum / rows;
    }
}
