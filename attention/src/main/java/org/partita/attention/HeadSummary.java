package org.partita.attention;

import java.util.Map;

/**
 * Summary of one head (or, with head {@link RelativeRow#MEAN_HEAD}, the mean over a layer's heads):
 * mean attention entropy normalised by log(number of keys) over query rows q ≥ 1, mean weight on the
 * previous token, mean weight a note gives the previous note, mean weight on tokens of no note, mean
 * attention distance in beats (over the counted pairs of the beat field; NaN without it), and per
 * field the difference with the largest gain.
 */
public record HeadSummary(int layer, int head, double entropy, double previousTokenShare, double previousNoteShare,
                          double nonNoteShare, double meanDistanceBeats, Map<Field, Peak> largestGain) {

    public HeadSummary {
        largestGain = Map.copyOf(largestGain);
    }

    /** The difference {@code k} with the largest gain, its gain and the gain's interval. */
    public record Peak(int k, double diff, double diffLow, double diffHigh) {}

    public String headLabel() {
        return head == RelativeRow.MEAN_HEAD ? "mean" : Integer.toString(head);
    }
}
