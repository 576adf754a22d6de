package org.partita.symbolic.staccato;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads one note token ({@code C5q}, {@code Eb4h.a90}, {@code C5maj^^w}, {@code [Bass_Drum]i*},
 * {@code C5q+E5q+G5q}, {@code R/0.375}) into {@link NoteElement}s, following JFugue 5's NoteSubparser: root,
 * octave, chord and inversion, duration, tuplet, velocities, connector. Every character is accounted for:
 * anything unexpected is a {@link StaccatoSyntaxException} naming its column. Not thread-safe (one per token).
 */
final class NoteTokenParser {

    /** Pitch classes of the letters A..G. */
    private static final int[] LETTER_PITCH_CLASS = {9, 11, 0, 2, 4, 5, 7};
    /** Default octaves as in JFugue 5: notes in octave 5 (C5 = 60), chords in octave 3. */
    static final int DEFAULT_NOTE_OCTAVE = 5;
    static final int DEFAULT_CHORD_OCTAVE = 3;
    /** A note without a duration lasts a quarter, as in JFugue 5. */
    static final WholeNotes DEFAULT_DURATION = WholeNotes.of(1, 4);

    private final String original;
    private final String s;
    private final int line;
    private final int firstColumn;
    private final String sourceLine;
    private final int keySharps;
    private int i;

    /**
     * @param token       the token as written
     * @param keySharps   key signature in force (-7..7): letters written without accidental are altered by it,
     *                    as in JFugue; {@code n} (natural) and explicit {@code #}/{@code b} are left alone
     */
    NoteTokenParser(String token, int line, int firstColumn, String sourceLine, int keySharps) {
        this.original = token;
        this.s = token.toUpperCase(Locale.ROOT);
        this.line = line;
        this.firstColumn = firstColumn;
        this.sourceLine = sourceLine;
        this.keySharps = keySharps;
    }

    List<NoteElement> parse() throws StaccatoSyntaxException {
        List<NoteElement> elements = new ArrayList<>();
        while (true) {
            NoteElement e = element();
            elements.add(e);
            if (e.next() == 0) {
                return elements;
            }
        }
    }

    private NoteElement element() throws StaccatoSyntaxException {
        int start = i;
        boolean tieEnd = false;
        if (peek() == '-') { // "-C5q": tie end written before the note (JFugue writes C5-q; both are read)
            tieEnd = true;
            i++;
        }
        if (i >= s.length()) {
            throw error("expected a note (A-G, R, [name], MIDI number) after '" + s.substring(start, i) + "'");
        }
        char c = s.charAt(i);
        List<Integer> pitches = new ArrayList<>();
        if (c == 'R') {
            i++;
        } else if (c >= 'A' && c <= 'G') {
            pitches.addAll(letterNote());
        } else if (c == '[') {
            pitches.add(bracketNote());
        } else if (c >= '0' && c <= '9') {
            pitches.add(numericNote());
        } else {
            throw error("expected a note (A-G, R for a rest, [name] or a MIDI number), found '" + here() + "'");
        }
        WholeNotes duration = DEFAULT_DURATION;
        boolean tieStart = false;
        if (peek() == '/') {
            i++;
            if (peek() == '-') {
                tieEnd = true;
                i++;
            }
            int from = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            try {
                if (i - from > 12) {
                    throw new NumberFormatException("too long");
                }
                duration = WholeNotes.ofDecimal(s.substring(from, i));
            } catch (NumberFormatException | ArithmeticException e) {
                i = from;
                throw error("expected a number of whole notes after '/' of at most 12 characters (e.g. /0.25 for a "
                        + "quarter), found '" + here() + "'");
            }
            if (duration.isZero()) {
                i = from;
                throw error("a duration must be more than 0, found /" + s.substring(from).split("[^0-9.]")[0]);
            }
            if (peek() == '-') {
                tieStart = true;
                i++;
            }
        } else if (isDurationChar(peek())) {
            WholeNotes sum = WholeNotes.ZERO;
            while (isDurationChar(peek())) {
                char d = s.charAt(i);
                if (d == '-') {
                    if (sum.isZero() && !tieEnd) {
                        tieEnd = true;
                    } else {
                        tieStart = true;
                    }
                    i++;
                    continue;
                }
                i++;
                WholeNotes one = WholeNotes.of(1, letterDenominator(d));
                if (peek() == '.') {
                    one = one.times(3, 2);
                    i++;
                }
                if (Character.isDigit(peek())) {
                    one = one.times(number("a number of repeats"), 1);
                }
                sum = sum.plus(one);
            }
            if (!sum.isZero()) {
                duration = sum;
            }
        }
        if (peek() == '*') {
            i++;
            long notes = 3;
            long inSpaceOf = 2;
            if (Character.isDigit(peek())) {
                notes = number("tuplet count");
                if (peek() != ':') {
                    throw error("expected ':' and the number of notes the tuplet replaces (as in *5:4), found '"
                            + here() + "'");
                }
                i++;
                inSpaceOf = number("the number of notes the tuplet replaces");
                if (notes < 1 || inSpaceOf < 1) {
                    throw error("tuplet numbers must be >= 1, got " + notes + ":" + inSpaceOf);
                }
            }
            duration = duration.times(inSpaceOf, notes);
        }
        int attack = -1;
        int decay = -1;
        while (peek() == 'A' || peek() == 'D') {
            char v = s.charAt(i++);
            if (!Character.isDigit(peek())) {
                throw error("expected a velocity 0..127 after '" + original.charAt(i - 1) + "', found '" + here() + "'");
            }
            int velocityColumn = i;
            long value = number("velocity");
            if (value > 127 || (v == 'A' && value < 1)) {
                i = velocityColumn;
                throw error((v == 'A' ? "attack velocity must be in 1..127" : "decay velocity must be in 0..127")
                        + ", got " + value);
            }
            if (v == 'A') {
                attack = (int) value;
            } else {
                decay = (int) value;
            }
        }
        char next = 0;
        if (peek() == '+' || peek() == '_') {
            next = s.charAt(i++);
            if (i >= s.length()) {
                throw error("expected another note after '" + next + "'");
            }
        } else if (i < s.length()) {
            throw error("expected a duration (w h q i s t x o, '.', /number), tuplet '*', velocity a/d, '+' or '_' "
                    + "after '" + original.substring(start, i) + "', found '" + here() + "'");
        }
        return new NoteElement(pitches, duration, tieEnd, tieStart, attack, decay, next, firstColumn + start);
    }

    /** A letter note or chord: letter, accidentals, octave, chord name, inversion. */
    private List<Integer> letterNote() throws StaccatoSyntaxException {
        int letterAt = i;
        int pitchClass = LETTER_PITCH_CLASS[s.charAt(i++) - 'A'];
        boolean accidental = false;
        while (peek() == '#' || peek() == 'B' || peek() == 'N') {
            char a = s.charAt(i++);
            accidental = true;
            if (a == '#') {
                pitchClass++;
            } else if (a == 'B') {
                pitchClass--;
            } else {
                break; // natural: no further accidentals, as in JFugue
            }
        }
        if (!accidental) {
            pitchClass += keyShift(s.charAt(letterAt));
        }
        Integer octave = null;
        if (Character.isDigit(peek())) {
            octave = s.charAt(i++) - '0';
            if (octave == 1 && peek() == '0') {
                octave = 10;
                i++;
            }
        }
        int chordAt = i;
        Optional<ChordType> chord = ChordType.at(s, i);
        if (chord.isEmpty()) {
            int pitch = (octave == null ? DEFAULT_NOTE_OCTAVE : octave) * 12 + pitchClass;
            checkPitch(pitch, letterAt);
            return List.of(pitch);
        }
        i += chord.get().name().length();
        int root = (octave == null ? DEFAULT_CHORD_OCTAVE : octave) * 12 + pitchClass;
        List<Integer> semis = chord.get().semitones();
        int inversion = 0;
        if (peek() == '^') {
            int caretAt = i;
            while (peek() == '^') {
                inversion++;
                i++;
            }
            if (inversion == 1 && peek() >= 'A' && peek() <= 'G') { // bass note: Cmaj^E
                int bass = LETTER_PITCH_CLASS[s.charAt(i++) - 'A'];
                while (peek() == '#' || peek() == 'B') {
                    bass += s.charAt(i++) == '#' ? 1 : -1;
                }
                inversion = -1;
                for (int k = 0; k < semis.size(); k++) {
                    if (Math.floorMod(root + semis.get(k), 12) == Math.floorMod(bass, 12)) {
                        inversion = k;
                    }
                }
                if (inversion < 0) {
                    i = caretAt + 1;
                    throw error("bass note '" + original.substring(caretAt + 1, i + 1) + "' is not a note of "
                            + original.substring(letterAt, caretAt));
                }
            } else if (inversion == 1 && Character.isDigit(peek())) { // Cmaj^2
                inversion = (int) number("inversion");
            }
            if (inversion >= semis.size()) {
                i = caretAt;
                throw error("a " + chord.get().name().toLowerCase(Locale.ROOT) + " chord has " + semis.size()
                        + " notes, so at most " + (semis.size() - 1) + " inversions, got " + inversion);
            }
        }
        // inversion n: the n lowest chord notes move up an octave, as in JFugue
        List<Integer> pitches = new ArrayList<>();
        for (int k = 0; k < semis.size(); k++) {
            int k2 = (k + inversion) % semis.size();
            int p = root + semis.get(k2) + (k2 < inversion ? 12 : 0);
            checkPitch(p, chordAt);
            pitches.add(p);
        }
        return pitches;
    }

    /** Semitones the key signature moves a letter written without accidental. */
    private int keyShift(char letter) {
        String sharpsOrder = "FCGDAEB";
        int rank = sharpsOrder.indexOf(letter);
        if (keySharps > 0 && rank < keySharps) {
            return 1;
        }
        if (keySharps < 0 && 6 - rank < -keySharps) {
            return -1;
        }
        return 0;
    }

    private int bracketNote() throws StaccatoSyntaxException {
        int open = i;
        int close = s.indexOf(']', i);
        if (close < 0) {
            throw error("expected ']' to close '['");
        }
        String inside = original.substring(i + 1, close);
        i = close + 1;
        if (inside.matches("[0-9]+")) {
            int pitch = Integer.parseInt(inside.length() > 4 ? "999" : inside);
            checkPitch(pitch, open + 1);
            return pitch;
        }
        Optional<Integer> key = StaccatoNames.percussionKey(inside);
        if (key.isEmpty()) {
            i = open + 1;
            throw error("unknown percussion name [" + inside + "]; expected a MIDI number or a name such as "
                    + "[Bass_Drum], [Acoustic_Snare], [Closed_Hi_Hat] (docs/staccato.md lists them)");
        }
        return key.get();
    }

    private int numericNote() throws StaccatoSyntaxException {
        int from = i;
        long pitch = number("MIDI note number");
        if (pitch > 127) {
            i = from;
            throw error("MIDI note numbers are 0..127, got " + pitch);
        }
        return (int) pitch;
    }

    private long number(String what) throws StaccatoSyntaxException {
        int from = i;
        while (Character.isDigit(peek())) {
            i++;
        }
        if (from == i) {
            throw error("expected " + what + ", found '" + here() + "'");
        }
        if (i - from > 6) {
            i = from;
            throw error("expected " + what + " of at most 6 digits, found " + s.substring(from).split("[^0-9]")[0]);
        }
        return Long.parseLong(s.substring(from, i));
    }

    private void checkPitch(int pitch, int at) throws StaccatoSyntaxException {
        if (pitch < 0 || pitch > 127) {
            i = at;
            throw error("pitch " + pitch + " is outside MIDI's 0..127");
        }
    }

    private static boolean isDurationChar(char c) {
        return "WHQISTXO-".indexOf(c) >= 0 && c != 0;
    }

    private static int letterDenominator(char d) {
        return switch (d) {
            case 'W' -> 1;
            case 'H' -> 2;
            case 'Q' -> 4;
            case 'I' -> 8;
            case 'S' -> 16;
            case 'T' -> 32;
            case 'X' -> 64;
            case 'O' -> 128;
            default -> throw new IllegalStateException("not a duration letter: " + d);
        };
    }

    private char peek() {
        return i < s.length() ? s.charAt(i) : 0;
    }

    private String here() {
        return i < original.length() ? String.valueOf(original.charAt(i)) : "end of token";
    }

    private StaccatoSyntaxException error(String problem) {
        return new StaccatoSyntaxException(line, firstColumn + Math.min(i, original.length()), problem, sourceLine);
    }
}
