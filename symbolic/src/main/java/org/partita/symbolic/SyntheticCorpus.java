package org.partita.symbolic;

import java.util.List;

/** STUB — being written. Seeded synthetic multitrack pieces. */
public final class SyntheticCorpus {
    private SyntheticCorpus() {
    }

    /** {@code count} pieces; the same seed gives identical pieces. */
    public static List<Score> generate(long seed, int count) {
        throw new UnsupportedOperationException("being written");
    }
}
