package org.partita.attention;

import java.util.Locale;

/** What a unit of the analysis is (ATTENTION.md, "Units"). */
public enum Unit {
    /** Every token is a unit; pairs (q, t) with t strictly before q. */
    TOKEN("token"),
    /**
     * Tokens sharing a note id form one unit; pairs (Q, K) with K's first token before Q's; weight =
     * mean over Q's tokens q of the sum over K's tokens t &lt; q of a(q, t).
     */
    NOTE("note");

    private final String label;

    Unit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Unit parse(String label) {
        String s = label.strip().toLowerCase(Locale.ROOT);
        for (Unit u : values()) {
            if (u.label.equals(s)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit '" + label + "', expected token or note");
    }
}
