package org.partita.attention;

import java.util.Locale;

/** What gamma is compared with (ATTENTION.md, "Baselines"); named in every output. */
public enum Baseline {
    /** The same statistic on uniform causal attention a(q, t) = 1/(q+1), t ≤ q. */
    CAUSAL_UNIFORM("causal-uniform"),
    /** Weight 1 per counted pair: the share of counted pairs at difference k. */
    CAUSAL_PAIRS("causal-pairs"),
    /**
     * The reference (MMT) script's grid, token unit only: queries 1..n−1, keys 0..n−2 (self and future
     * keys included); its baseline gives every grid pair weight 1.
     */
    MMT("mmt");

    private final String label;

    Baseline(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Baseline parse(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT);
        for (Baseline b : values()) {
            if (b.label.equals(s)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown baseline '" + label + "', expected causal-uniform, causal-pairs or mmt");
    }
}
