package org.partita.tokenizers.mmt;

import java.util.List;

/**
 * MMT's instrument classes: General MIDI programs grouped as in {@code mmt/representation.py}
 * ({@code PROGRAM_INSTRUMENT_MAP}; programs 76-78, 96-103, 112-116 and 120-127 have no class and
 * their tracks are dropped), in its {@code KNOWN_INSTRUMENTS} order, plus {@code drums} for drum
 * tracks (program 128). Each class decodes to one program ({@code INSTRUMENT_PROGRAM_MAP}). Constants only.
 */
final class MmtInstruments {

    /** Program used for drum tracks. */
    static final int DRUMS = 128;

    /** Class names in code order (code = index + 1; code 0 = none). */
    static final List<String> NAMES = List.of("piano", "electric-piano", "harpsichord", "clavinet", "celesta",
            "glockenspiel", "music-box", "vibraphone", "marimba", "xylophone", "tubular-bells", "dulcimer", "organ",
            "church-organ", "accordion", "harmonica", "bandoneon", "nylon-string-guitar", "steel-string-guitar",
            "electric-guitar", "bass", "electric-bass", "slap-bass", "synth-bass", "violin", "viola", "cello",
            "contrabass", "harp", "timpani", "strings", "synth-strings", "voices", "orchestra-hit", "trumpet",
            "trombone", "tuba", "horn", "brasses", "synth-brasses", "soprano-saxophone", "alto-saxophone",
            "tenor-saxophone", "baritone-saxophone", "oboe", "english-horn", "bassoon", "clarinet", "piccolo", "flute",
            "recorder", "pan-flute", "ocarina", "lead", "pad", "sitar", "banjo", "shamisen", "koto", "kalimba",
            "bag-pipe", "shehnai", "melodic-tom", "synth-drums", "drums");

    /** The program each class decodes to, by class index. */
    private static final int[] PROGRAM_OF = {0, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 19, 21, 22, 23, 24, 25, 26,
            32, 33, 36, 38, 40, 41, 42, 43, 46, 47, 49, 50, 52, 55, 56, 57, 58, 60, 61, 62, 64, 65, 66, 67, 68, 69,
            70, 71, 72, 73, 74, 75, 79, 80, 88, 104, 105, 106, 107, 108, 109, 111, 117, 118, DRUMS};

    /** Class index of programs 0..128 (-1 = no class). */
    private static final int[] CLASS_OF_PROGRAM = new int[129];

    static {
        String[] byProgram = {
            "piano", "piano", "piano", "piano", "electric-piano", "electric-piano", "harpsichord", "clavinet",
            "celesta", "glockenspiel", "music-box", "vibraphone", "marimba", "xylophone", "tubular-bells", "dulcimer",
            "organ", "organ", "organ", "church-organ", "organ", "accordion", "harmonica", "bandoneon",
            "nylon-string-guitar", "steel-string-guitar", "electric-guitar", "electric-guitar", "electric-guitar",
            "electric-guitar", "electric-guitar", "electric-guitar",
            "bass", "electric-bass", "electric-bass", "electric-bass", "slap-bass", "slap-bass", "synth-bass",
            "synth-bass",
            "violin", "viola", "cello", "contrabass", "strings", "strings", "harp", "timpani",
            "strings", "strings", "synth-strings", "synth-strings", "voices", "voices", "voices", "orchestra-hit",
            "trumpet", "trombone", "tuba", "trumpet", "horn", "brasses", "synth-brasses", "synth-brasses",
            "soprano-saxophone", "alto-saxophone", "tenor-saxophone", "baritone-saxophone", "oboe", "english-horn",
            "bassoon", "clarinet",
            "piccolo", "flute", "recorder", "pan-flute", null, null, null, "ocarina",
            "lead", "lead", "lead", "lead", "lead", "lead", "lead", "lead",
            "pad", "pad", "pad", "pad", "pad", "pad", "pad", "pad",
            null, null, null, null, null, null, null, null,
            "sitar", "banjo", "shamisen", "koto", "kalimba", "bag-pipe", "violin", "shehnai",
            null, null, null, null, null, "melodic-tom", "synth-drums", "synth-drums",
            null, null, null, null, null, null, null, null,
            "drums"};
        if (byProgram.length != DRUMS + 1 || PROGRAM_OF.length != NAMES.size()) {
            throw new IllegalStateException("instrument tables out of step: " + byProgram.length + ", "
                    + PROGRAM_OF.length + ", " + NAMES.size());
        }
        for (int p = 0; p < byProgram.length; p++) {
            CLASS_OF_PROGRAM[p] = byProgram[p] == null ? -1 : NAMES.indexOf(byProgram[p]);
        }
    }

    private MmtInstruments() {
    }

    /** Class index of a program 0..128 (128 = drums), or -1 when MMT has no class for it. */
    static int classOf(int program) {
        return program >= 0 && program <= DRUMS ? CLASS_OF_PROGRAM[program] : -1;
    }

    /** The program a class decodes to (128 = drums). */
    static int programOf(int classIndex) {
        return PROGRAM_OF[classIndex];
    }
}
