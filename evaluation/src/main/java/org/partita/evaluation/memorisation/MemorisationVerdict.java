package org.partita.evaluation.memorisation;

import java.util.List;

/**
 * What the memorisation check found in one piece.
 *
 * @param flagged  true when some passage reaches the settings' threshold
 * @param longest  the longest passage found in any training piece, or null when none is as long as a seed
 * @param copied   for each training piece holding a passage that reaches the threshold, its longest such passage,
 *                 longest first (empty when not flagged)
 */
public record MemorisationVerdict(boolean flagged, Passage longest, List<Passage> copied) {

    public MemorisationVerdict {
        copied = List.copyOf(copied);
        if (flagged == copied.isEmpty()) {
            throw new IllegalArgumentException("flagged must be true exactly when passages were copied, got flagged="
                    + flagged + " with " + copied.size() + " copied passages");
        }
    }
}
