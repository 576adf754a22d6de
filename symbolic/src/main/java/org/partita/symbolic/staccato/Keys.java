package org.partita.symbolic.staccato;

import java.util.List;
import java.util.Locale;
import org.partita.symbolic.KeySignature;

/** Staccato key signatures ({@code Cmaj}, {@code F#min}, {@code Bb}, {@code K###}) to and from MIDI's. Stateless. */
final class Keys {

    /** Keys by number of sharps, -7..7, as MIDI counts them. */
    private static final List<String> MAJOR = List.of("Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E",
            "B", "F#", "C#");
    private static final List<String> MINOR = List.of("Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#",
            "G#", "D#", "A#");

    private Keys() {
    }

    /** The key written after {@code KEY:}, or null when it is not one. */
    static KeySignature parse(String body, long tick) {
        String u = body.toUpperCase(Locale.ROOT);
        if (u.matches("K(#{1,7}|B{1,7})?")) {
            int n = u.length() - 1;
            return new KeySignature(tick, u.contains("#") ? n : -n, false);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-G])([#B]?)(MAJ|MIN)?").matcher(u);
        if (!m.matches()) {
            return null;
        }
        boolean minor = "MIN".equals(m.group(3));
        String root = m.group(1) + m.group(2).toLowerCase(Locale.ROOT);
        List<String> names = minor ? MINOR : MAJOR;
        int index = names.indexOf(root);
        if (index < 0) { // an enharmonic spelling outside the table (D#maj): the key with fewest accidentals
            int pc = pitchClass(root);
            int best = -1;
            for (int k = 0; k < names.size(); k++) {
                if (pitchClass(names.get(k)) == pc && (best < 0 || Math.abs(k - 7) < Math.abs(best - 7))) {
                    best = k;
                }
            }
            index = best;
        }
        return new KeySignature(tick, index - 7, minor);
    }

    /** Staccato for a MIDI key signature: {@code Ebmaj}, {@code F#min}. */
    static String format(KeySignature key) {
        return (key.minor() ? MINOR : MAJOR).get(key.sharps() + 7) + (key.minor() ? "min" : "maj");
    }

    private static int pitchClass(String name) {
        int pc = "C D EF G A B".indexOf(name.charAt(0));
        for (int i = 1; i < name.length(); i++) {
            pc += name.charAt(i) == '#' ? 1 : -1;
        }
        return Math.floorMod(pc, 12);
    }
}
