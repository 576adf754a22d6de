package org.partita.tokenizers.remi;

import java.util.List;

/**
 * The numerators allowed with one denominator: one entry of MidiTok's {@code time_signature_range}
 * (JSON key = the denominator). Order matters: it is the order of the TimeSig tokens. Immutable.
 */
public record TimeSignatureSet(int denominator, List<Integer> numerators) {
    public TimeSignatureSet {
        if (denominator < 1 || denominator > 64 || Integer.bitCount(denominator) != 1) {
            throw new IllegalArgumentException("time signature denominator must be a power of two in 1..64, got "
                    + denominator);
        }
        numerators = List.copyOf(numerators);
        if (numerators.isEmpty()) {
            throw new IllegalArgumentException("time signature numerators for /" + denominator + " must not be empty");
        }
        for (int n : numerators) {
            if (n < 1 || n > 255) {
                throw new IllegalArgumentException("time signature numerator must be in 1..255, got " + n
                        + " (denominator " + denominator + ")");
            }
        }
    }
}
