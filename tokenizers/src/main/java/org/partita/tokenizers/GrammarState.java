package org.partita.tokenizers;

import java.util.BitSet;

/** One state of a {@link Grammar}. Immutable. */
public interface GrammarState {

    /** The ids allowed next, as a fresh mask over the vocabulary (a set bit = allowed). */
    BitSet allowed();

    /** True when {@code id} may come next. */
    boolean allows(int id);

    /**
     * The state after {@code id}. Never throws: a disallowed or unknown id moves to the state the
     * tokenizer's decoder would be in after it.
     */
    GrammarState next(int id);
}
