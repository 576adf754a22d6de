package org.partita.attention;

import java.util.ArrayList;
import java.util.List;

/** Pools the query-program × key-program sums into shares per query program. */
final class InstrumentPooling {

    private InstrumentPooling() {
    }

    static List<InstrumentShare> pool(List<SequenceStats> stats, int[] layers, int heads) {
        int analysed = layers.length * heads;
        int k = SequenceStats.PROGRAMS;
        double[][] total = new double[analysed + 1][k * k];
        for (SequenceStats s : stats) {
            for (int m = 0; m <= analysed; m++) {
                double[] src = s.instruments()[m];
                for (int i = 0; i < src.length; i++) {
                    total[m][i] += src[i];
                }
            }
        }
        double[] base = total[analysed];
        List<InstrumentShare> out = new ArrayList<>();
        for (int m = 0; m < analysed; m++) {
            for (int qp = 0; qp < k; qp++) {
                double rowSum = 0;
                double baseSum = 0;
                for (int kp = 0; kp < k; kp++) {
                    rowSum += total[m][qp * k + kp];
                    baseSum += base[qp * k + kp];
                }
                if (baseSum == 0) {
                    continue;
                }
                for (int kp = 0; kp < k; kp++) {
                    double b = base[qp * k + kp];
                    if (b == 0) {
                        continue;
                    }
                    out.add(new InstrumentShare(layers[m / heads], m % heads, qp - 1, kp - 1,
                            rowSum == 0 ? 0 : total[m][qp * k + kp] / rowSum, b / baseSum));
                }
            }
        }
        return out;
    }
}
