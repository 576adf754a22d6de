package org.partita.training;

import java.util.BitSet;

/**
 * A grammar hook for generation: given the ids of one sample so far (prompt included), which ids may come next.
 * Disallowed ids get probability 0 before sampling, so a tokenizer grammar can guarantee valid output.
 */
@FunctionalInterface
public interface LogitsMask {
    /** The allowed next ids, or null for "all". An empty set is an error (nothing could be generated). */
    BitSet allowedNext(int[] idsSoFar);

    LogitsMask NONE = ids -> null;
}
