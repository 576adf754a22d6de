package org.partita.symbolic.staccato;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * JFugue 5's chord names with their intervals in semitones above the root ({@code MAJ} = 0 4 7,
 * {@code MIN7} = 0 3 7 10, {@code DOM7} = 0 4 7 10, ...). Immutable.
 *
 * @param name      upper-case name as written after the root ({@code MAJ}, {@code MIN7}, {@code DOM7%6})
 * @param semitones intervals above the root, ascending, the first 0
 */
record ChordType(String name, List<Integer> semitones) {

    /** Longest names first, so that {@code MAJ7} is not read as {@code MAJ} followed by octave 7. */
    static final List<ChordType> ALL = List.of(
            of("MAJ", "1 3 5"), of("MAJ6", "1 3 5 6"), of("MAJ7", "1 3 5 7"), of("MAJ9", "1 3 5 7 9"),
            of("ADD9", "1 3 5 9"), of("MAJ6%9", "1 3 5 6 9"), of("MAJ7%6", "1 3 5 6 7"), of("MAJ13", "1 3 5 7 9 13"),
            of("MIN", "1 b3 5"), of("MIN6", "1 b3 5 6"), of("MIN7", "1 b3 5 b7"), of("MIN9", "1 b3 5 b7 9"),
            of("MIN11", "1 b3 5 b7 9 11"), of("MIN7%11", "1 b3 5 b7 11"), of("MINADD9", "1 b3 5 9"),
            of("MIN6%9", "1 b3 5 6 9"), of("MINMAJ7", "1 b3 5 7"), of("MINMAJ9", "1 b3 5 7 9"),
            of("DOM7", "1 3 5 b7"), of("DOM7%6", "1 3 5 6 b7"), of("DOM7%11", "1 3 5 b7 11"),
            of("DOM7SUS", "1 4 5 b7"), of("DOM7%6SUS", "1 4 5 6 b7"), of("DOM9", "1 3 5 b7 9"),
            of("DOM11", "1 3 5 b7 9 11"), of("DOM13", "1 3 5 b7 9 13"), of("DOM13SUS", "1 3 5 b7 11 13"),
            of("DOM7%6%11", "1 3 5 b7 9 11 13"), of("AUG", "1 3 #5"), of("AUG7", "1 3 #5 b7"),
            of("DIM", "1 b3 b5"), of("DIM7", "1 b3 b5 6"), of("SUS4", "1 4 5"), of("SUS2", "1 2 5"))
            .stream().sorted(Comparator.comparingInt((ChordType c) -> -c.name.length())).toList();

    ChordType {
        semitones = List.copyOf(semitones);
    }

    /** The chord whose name starts {@code upper} at {@code from}, longest name first. */
    static Optional<ChordType> at(String upper, int from) {
        for (ChordType c : ALL) {
            if (upper.startsWith(c.name, from)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** Names in lower case for messages: "maj, min, dom7, ...". */
    static String names() {
        return String.join(", ", ALL.stream().map(c -> c.name.toLowerCase(Locale.ROOT)).sorted().toList());
    }

    private static ChordType of(String name, String degrees) {
        // scale degree (1..13) of a major scale, optionally flattened or sharpened
        int[] major = {0, 0, 2, 4, 5, 7, 9, 11, 12, 14, 16, 17, 19, 21};
        List<Integer> s = java.util.Arrays.stream(degrees.split(" ")).map(d -> {
            int shift = d.startsWith("b") ? -1 : d.startsWith("#") ? 1 : 0;
            return major[Integer.parseInt(shift == 0 ? d : d.substring(1))] + shift;
        }).toList();
        return new ChordType(name, s);
    }
}
