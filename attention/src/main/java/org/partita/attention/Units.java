package org.partita.attention;

import java.util.Arrays;

/**
 * The units of one sequence (tokens, or notes ordered by their first token) with their attribute
 * codes ({@link TokenAttributes#ABSENT} when missing). For notes, an attribute is the first non-empty
 * value among the note's tokens. Package-private machinery of {@link SequenceAnalyzer}.
 */
final class Units {

    final int count;
    /** Note unit only: unit of each token (−1 for tokens of no note), tokens per unit. */
    final int[] unitOfToken;
    final int[] tokensPerUnit;
    private final TokenAttributes attributes;
    private final boolean notes;

    private Units(int count, int[] unitOfToken, int[] tokensPerUnit, TokenAttributes attributes, boolean notes) {
        this.count = count;
        this.unitOfToken = unitOfToken;
        this.tokensPerUnit = tokensPerUnit;
        this.attributes = attributes;
        this.notes = notes;
    }

    static Units tokens(TokenAttributes a) {
        return new Units(a.size(), null, null, a, false);
    }

    static Units notes(TokenAttributes a) {
        int n = a.size();
        int[] unitOfToken = new int[n];
        // note ids are arbitrary non-negative ints: number them by first appearance
        java.util.HashMap<Integer, Integer> ordinal = new java.util.HashMap<>();
        int[] sizes = new int[n];
        for (int i = 0; i < n; i++) {
            int id = a.noteOf(i);
            if (id < 0) {
                unitOfToken[i] = -1;
                continue;
            }
            Integer u = ordinal.get(id);
            if (u == null) {
                u = ordinal.size();
                ordinal.put(id, u);
            }
            unitOfToken[i] = u;
            sizes[u]++;
        }
        return new Units(ordinal.size(), unitOfToken, Arrays.copyOf(sizes, ordinal.size()), a, true);
    }

    boolean isNotes() {
        return notes;
    }

    /** The attribute code of each unit for a field's column. */
    int[] codes(Field field) {
        int[] column = attributes.column(field);
        if (!notes) {
            return column;
        }
        int[] out = new int[count];
        Arrays.fill(out, TokenAttributes.ABSENT);
        for (int i = 0; i < unitOfToken.length; i++) {
            int u = unitOfToken[i];
            if (u >= 0 && out[u] == TokenAttributes.ABSENT) {
                out[u] = column[i];
            }
        }
        return out;
    }

    /** Units that have the attribute, ascending. */
    static int[] present(int[] codes) {
        int[] out = new int[codes.length];
        int k = 0;
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != TokenAttributes.ABSENT) {
                out[k++] = i;
            }
        }
        return Arrays.copyOf(out, k);
    }
}
