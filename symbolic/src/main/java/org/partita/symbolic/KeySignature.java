package org.partita.symbolic;

/**
 * A key signature as MIDI stores it: {@code sharps} from -7 (seven flats) to 7 (seven sharps) and a
 * major/minor flag. Invariant: {@code tick >= 0}. Immutable and thread-safe.
 */
public record KeySignature(long tick, int sharps, boolean minor) {

    private static final String[] MAJOR = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    private static final String[] MINOR = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};

    public KeySignature {
        if (tick < 0) {
            throw new IllegalArgumentException("tick must be >= 0, got " + tick);
        }
        if (sharps < -7 || sharps > 7) {
            throw new IllegalArgumentException("key signature sharps must be in -7..7, got " + sharps);
        }
    }

    /** The key's name, for example {@code "Eb major"} or {@code "F# minor"}. */
    public String name() {
        return (minor ? MINOR : MAJOR)[sharps + 7] + (minor ? " minor" : " major");
    }

    /** A copy at another tick. */
    public KeySignature withTick(long newTick) {
        return new KeySignature(newTick, sharps, minor);
    }
}
