package org.partita.attention;

/**
 * How much of the attention a query of one instrument gives (over counted pairs whose key has a
 * program) goes to keys of another: {@code share} for the head, {@code baselineShare} for the
 * baseline (uniform causal attention, or pair counts). Programs: General MIDI 0–127, −1 = drums.
 */
public record InstrumentShare(int layer, int head, int queryProgram, int keyProgram, double share, double baselineShare) {}
