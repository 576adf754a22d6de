package org.partita.symbolic.staccato;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Writes a length in whole notes the way Staccato spells it: letters where exact ({@code q}, {@code h.},
 * {@code w2q}), a letter sum with a triplet mark where that is exact ({@code i*}, {@code q*}, {@code hi*}), else a
 * number of whole notes ({@code /0.2}). Stateless.
 */
final class StaccatoDurations {

    private static final char[] LETTERS = {'h', 'q', 'i', 's', 't', 'x', 'o'}; // 1/2 .. 1/128

    private StaccatoDurations() {
    }

    static String format(WholeNotes length) {
        String letters = letters(length);
        if (letters != null) {
            return letters;
        }
        // a tuplet: o notes in the space of m (m the power of two just below the odd part o of the denominator)
        // make the letters m/o as long: triplets (3:2, written "*"), quintuplets (5:4), septuplets (7:4), ...
        long odd = length.den() >> Long.numberOfTrailingZeros(length.den());
        long space = Long.highestOneBit(odd);
        if (odd > 1) {
            String tuplet = letters(length.times(odd, space));
            if (tuplet != null) {
                return tuplet + (odd == 3 ? "*" : "*" + odd + ":" + space);
            }
        }
        BigDecimal d = new BigDecimal(length.num()).divide(new BigDecimal(length.den()), MathContext.DECIMAL64);
        return "/" + d.stripTrailingZeros().toPlainString();
    }

    /** Letters for lengths whose fractional part is a multiple of 1/128, else null. */
    private static String letters(WholeNotes length) {
        long whole = length.num() / length.den();
        WholeNotes rest = length.minus(WholeNotes.of(whole, 1));
        if (rest.isZero() || (Long.bitCount(rest.den()) == 1 && rest.den() <= 128)) {
            long bits = rest.num() * (128 / rest.den()); // in 128ths
            StringBuilder sb = new StringBuilder();
            if (whole > 4) {
                sb.append('w').append(whole); // a quantity: JFugue 5 reads it, JFugue 4 does not
            } else {
                sb.append("w".repeat((int) whole)); // letters add up in JFugue 4 and 5 alike
            }
            // one dotted letter when the rest is exactly that (JFugue applies a dot to all later letters too)
            if (Long.bitCount(bits) == 2 && Long.numberOfTrailingZeros(bits) + 1 == 63 - Long.numberOfLeadingZeros(bits)) {
                return sb.append(LETTERS[6 - (63 - Long.numberOfLeadingZeros(bits))]).append('.').toString();
            }
            for (int b = 6; b >= 0; b--) {
                if ((bits & (1L << b)) != 0) {
                    sb.append(LETTERS[6 - b]);
                }
            }
            return sb.toString();
        }
        return null;
    }
}
