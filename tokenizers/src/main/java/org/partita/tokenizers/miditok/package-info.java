/**
 * Building blocks MidiTok 3.0.6 shares across its tokenizations, used by REMI and TSD alike: the
 * {@code (beat, position, resolution)} time values of Duration, TimeShift and Rest tokens, the
 * velocity and tempo bins, and the preprocessed score with MidiTok's note event order. Pure logic,
 * no I/O, no mutable state.
 */
package org.partita.tokenizers.miditok;
