package org.partita.training;

/** How token positions enter the model. */
public enum PositionalEncoding {
    /** A learned vector per absolute position, added to the token embedding (GPT-2). */
    LEARNED,
    /** Rotary position embedding applied to queries and keys in every layer (RoFormer). */
    ROTARY
}
