package org.partita.tokenizers;

/**
 * Which token ids may follow a prefix, as an incremental state machine, so generation can mask
 * logits cheaply: {@code state = grammar.start(); mask = state.allowed(); state = state.next(id); ...}.
 * Immutable and thread-safe; states are immutable values.
 */
public interface Grammar {

    /** The state before the first token. */
    GrammarState start();

    /** Vocabulary size the masks range over. */
    int vocabularySize();

    /**
     * Fraction of tokens in {@code ids} that the grammar does not allow after their prefix
     * (0 for an empty array). After a disallowed token the machine carries on as if it were allowed.
     */
    default double errorRate(int[] ids) {
        if (ids.length == 0) {
            return 0.0;
        }
        GrammarState state = start();
        int errors = 0;
        for (int id : ids) {
            if (!state.allows(id)) {
                errors++;
            }
            state = state.next(id);
        }
        return errors / (double) ids.length;
    }

    /** Index of the first disallowed token, or -1 when the whole sequence is valid. */
    default int firstViolation(int[] ids) {
        GrammarState state = start();
        for (int i = 0; i < ids.length; i++) {
            if (!state.allows(ids[i])) {
                return i;
            }
            state = state.next(ids[i]);
        }
        return -1;
    }
}
