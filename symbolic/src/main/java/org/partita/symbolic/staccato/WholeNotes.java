package org.partita.symbolic.staccato;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An exact non-negative rational number of whole notes, the unit Staccato durations are written in
 * ({@code q} = 1/4, {@code i*} = 1/12, {@code /0.375} = 3/8). Kept exact so that long voices with tuplets do not
 * drift; rounded to ticks only when a note is made. Immutable; always in lowest terms with {@code den > 0}.
 */
record WholeNotes(long num, long den) implements Comparable<WholeNotes> {

    static final WholeNotes ZERO = new WholeNotes(0, 1);

    WholeNotes {
        if (den <= 0) {
            throw new IllegalArgumentException("denominator must be > 0, got " + den);
        }
        long g = gcd(Math.abs(num), den);
        if (g > 1) {
            num /= g;
            den /= g;
        }
    }

    static WholeNotes of(long num, long den) {
        return new WholeNotes(num, den);
    }

    /** The exact value of a decimal string such as {@code "0.375"}. */
    static WholeNotes ofDecimal(String decimal) {
        BigDecimal d = new BigDecimal(decimal);
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        BigInteger den = BigInteger.TEN.pow(Math.max(scale, 0));
        BigInteger num = scale >= 0 ? unscaled : unscaled.multiply(BigInteger.TEN.pow(-scale));
        BigInteger g = num.gcd(den);
        return new WholeNotes(num.divide(g).longValueExact(), den.divide(g).longValueExact());
    }

    WholeNotes plus(WholeNotes o) {
        long g = gcd(den, o.den);
        long lcm = Math.multiplyExact(den / g, o.den);
        return new WholeNotes(Math.addExact(Math.multiplyExact(num, lcm / den), Math.multiplyExact(o.num, lcm / o.den)), lcm);
    }

    WholeNotes minus(WholeNotes o) {
        return plus(new WholeNotes(-o.num, o.den));
    }

    WholeNotes times(long n, long d) {
        long g1 = gcd(Math.abs(num), d);
        long g2 = gcd(Math.abs(n), den);
        return new WholeNotes(Math.multiplyExact(num / g1, n / g2), Math.multiplyExact(den / g2, d / g1));
    }

    boolean isZero() {
        return num == 0;
    }

    /** Ticks at {@code ticksPerQuarter}, rounded half up. */
    long toTicks(int ticksPerQuarter) {
        // num/den whole notes * 4 * tpq ticks, rounded half up without floating point
        BigInteger n = BigInteger.valueOf(num).multiply(BigInteger.valueOf(4L * ticksPerQuarter));
        BigInteger d = BigInteger.valueOf(den);
        return n.shiftLeft(1).add(d).divide(d.shiftLeft(1)).longValueExact();
    }

    double toDouble() {
        return (double) num / den;
    }

    @Override
    public int compareTo(WholeNotes o) {
        return BigInteger.valueOf(num).multiply(BigInteger.valueOf(o.den))
                .compareTo(BigInteger.valueOf(o.num).multiply(BigInteger.valueOf(den)));
    }

    @Override
    public String toString() {
        return den == 1 ? Long.toString(num) : num + "/" + den;
    }

    static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
