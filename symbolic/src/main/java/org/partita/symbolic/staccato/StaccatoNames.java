package org.partita.symbolic.staccato;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.partita.symbolic.GmProgram;

/**
 * The names Staccato uses inside brackets: JFugue 5's instrument names ({@code I[Piano]}, {@code I[Flute]}),
 * its percussion names for voice 9 ({@code [Bass_Drum]}, MIDI keys 35..81) and its tempo words
 * ({@code T[Allegro]}). Percussion names are also read in JFugue 4's spelling ({@code LOW_TOM} for
 * {@code LO_TOM}, {@code HIGH_AGOGO} for {@code HI_AGOGO}). Lookups ignore case, as JFugue does (it upper-cases the whole text). Instruments are
 * also found by their General MIDI names with spaces and brackets written as underscores
 * ({@code I[Acoustic_Grand_Piano]}, {@code I[Electric_Guitar_jazz]}), a Partita addition. Stateless.
 */
public final class StaccatoNames {

    /** JFugue 5's instrument names for programs 0..127 (MidiDictionary), spelling included ("Accordian"). */
    private static final List<String> INSTRUMENTS = List.of(
            "Piano", "Bright_Acoustic", "Electric_Grand", "Honkey_Tonk", "Electric_Piano", "Electric_Piano_2",
            "Harpsichord", "Clavinet", "Celesta", "Glockenspiel", "Music_Box", "Vibraphone", "Marimba", "Xylophone",
            "Tubular_Bells", "Dulcimer", "Drawbar_Organ", "Percussive_Organ", "Rock_Organ", "Church_Organ",
            "Reed_Organ", "Accordian", "Harmonica", "Tango_Accordian", "Guitar", "Steel_String_Guitar",
            "Electric_Jazz_Guitar", "Electric_Clean_Guitar", "Electric_Muted_Guitar", "Overdriven_Guitar",
            "Distortion_Guitar", "Guitar_Harmonics", "Acoustic_Bass", "Electric_Bass_Finger", "Electric_Bass_Pick",
            "Fretless_Bass", "Slap_Bass_1", "Slap_Bass_2", "Synth_Bass_1", "Synth_Bass_2", "Violin", "Viola", "Cello",
            "Contrabass", "Tremolo_Strings", "Pizzicato_Strings", "Orchestral_Strings", "Timpani",
            "String_Ensemble_1", "String_Ensemble_2", "Synth_Strings_1", "Synth_Strings_2", "Choir_Aahs",
            "Voice_Oohs", "Synth_Voice", "Orchestra_Hit", "Trumpet", "Trombone", "Tuba", "Muted_Trumpet",
            "French_Horn", "Brass_Section", "Synth_Brass_1", "Synth_Brass_2", "Soprano_Sax", "Alto_Sax", "Tenor_Sax",
            "Baritone_Sax", "Oboe", "English_Horn", "Bassoon", "Clarinet", "Piccolo", "Flute", "Recorder", "Pan_Flute",
            "Blown_Bottle", "Skakuhachi", "Whistle", "Ocarina", "Square", "Sawtooth", "Calliope", "Chiff", "Charang",
            "Voice", "Fifths", "Bass_Lead", "New_Age", "Warm", "Poly_Synth", "Choir", "Bowed", "Metallic", "Halo",
            "Sweep", "Rain", "Soundtrack", "Crystal", "Atmosphere", "Brightness", "Goblins", "Echoes", "Sci_Fi",
            "Sitar", "Banjo", "Shamisen", "Koto", "Kalimba", "Bagpipe", "Fiddle", "Shanai", "Tinkle_Bell", "Agogo",
            "Steel_Drums", "Woodblock", "Taiko_Drum", "Melodic_Tom", "Synth_Drum", "Reverse_Cymbal",
            "Guitar_Fret_Noise", "Breath_Noise", "Seashore", "Bird_Tweet", "Telephone_Ring", "Helicopter", "Applause",
            "Gunshot");

    /** JFugue's percussion names for MIDI keys 35..81 (General MIDI percussion map). */
    private static final List<String> PERCUSSION = List.of(
            "Acoustic_Bass_Drum", "Bass_Drum", "Side_Stick", "Acoustic_Snare", "Hand_Clap", "Electric_Snare",
            "Lo_Floor_Tom", "Closed_Hi_Hat", "High_Floor_Tom", "Pedal_Hi_Hat", "Lo_Tom", "Open_Hi_Hat", "Lo_Mid_Tom",
            "Hi_Mid_Tom", "Crash_Cymbal_1", "Hi_Tom", "Ride_Cymbal_1", "Chinese_Cymbal", "Ride_Bell", "Tambourine",
            "Splash_Cymbal", "Cowbell", "Crash_Cymbal_2", "Vibraslap", "Ride_Cymbal_2", "Hi_Bongo", "Lo_Bongo",
            "Mute_Hi_Conga", "Open_Hi_Conga", "Lo_Conga", "Hi_Timbale", "Lo_Timbale", "Hi_Agogo", "Lo_Agogo", "Cabasa",
            "Maracas", "Short_Whistle", "Long_Whistle", "Short_Guiro", "Long_Guiro", "Claves", "Hi_Wood_Block",
            "Lo_Wood_Block", "Mute_Cuica", "Open_Cuica", "Mute_Triangle", "Open_Triangle");

    /** First MIDI key of {@link #PERCUSSION}. */
    private static final int FIRST_PERCUSSION_KEY = 35;

    /** JFugue's tempo words, in beats per minute. */
    private static final Map<String, Integer> TEMPOS = Map.ofEntries(
            Map.entry("GRAVE", 40), Map.entry("LARGO", 45), Map.entry("LARGHETTO", 50), Map.entry("LENTO", 55),
            Map.entry("ADAGIO", 60), Map.entry("ADAGIETTO", 65), Map.entry("ANDANTE", 70),
            Map.entry("ANDANTINO", 80), Map.entry("MODERATO", 95), Map.entry("ALLEGRETTO", 110),
            Map.entry("ALLEGRO", 120), Map.entry("VIVACE", 145), Map.entry("PRESTO", 180),
            Map.entry("PRETISSIMO", 220));

    private static final Map<String, Integer> INSTRUMENT_KEYS = new HashMap<>();
    private static final Map<String, Integer> PERCUSSION_KEYS = new HashMap<>();

    static {
        for (int p = 127; p >= 0; p--) { // GM names first, so JFugue's own names win where they collide
            INSTRUMENT_KEYS.put(key(GmProgram.name(p)), p);
        }
        for (int p = 0; p < INSTRUMENTS.size(); p++) {
            INSTRUMENT_KEYS.put(key(INSTRUMENTS.get(p)), p);
        }
        for (int i = 0; i < PERCUSSION.size(); i++) {
            PERCUSSION_KEYS.put(percussionKeyOf(PERCUSSION.get(i)), FIRST_PERCUSSION_KEY + i);
        }
    }

    private StaccatoNames() {
    }

    /** The program 0..127 of an instrument name, ignoring case; JFugue's names and GM names with underscores. */
    public static Optional<Integer> program(String name) {
        return Optional.ofNullable(INSTRUMENT_KEYS.get(key(name)));
    }

    /** JFugue's name of a program 0..127, e.g. {@code instrumentName(0)} is "Piano". */
    public static String instrumentName(int program) {
        if (program < 0 || program > 127) {
            throw new IllegalArgumentException("program must be in 0..127, got " + program);
        }
        return INSTRUMENTS.get(program);
    }

    /** The MIDI key of a percussion name, ignoring case: {@code percussionKey("bass_drum")} is 36. */
    public static Optional<Integer> percussionKey(String name) {
        return Optional.ofNullable(PERCUSSION_KEYS.get(percussionKeyOf(name)));
    }

    /** JFugue's percussion name of a MIDI key 35..81 in upper case ("BASS_DRUM"), or empty for other keys. */
    public static Optional<String> percussionName(int key) {
        int i = key - FIRST_PERCUSSION_KEY;
        return i < 0 || i >= PERCUSSION.size() ? Optional.empty()
                : Optional.of(PERCUSSION.get(i).toUpperCase(Locale.ROOT));
    }

    /** Beats per minute of a tempo word, ignoring case: {@code tempoBpm("Allegro")} is 120. */
    public static Optional<Integer> tempoBpm(String word) {
        return Optional.ofNullable(TEMPOS.get(word.toUpperCase(Locale.ROOT)));
    }

    /** JFugue 4 spells LOW_TOM and HIGH_AGOGO where JFugue 5 has LO_TOM and HI_AGOGO: both are read. */
    private static String percussionKeyOf(String name) {
        return ("_" + key(name) + "_").replace("_LOW_", "_LO_").replace("_HIGH_", "_HI_").replaceAll("^_|_$", "");
    }

    /** Upper case, and every run of characters other than letters and digits turned into one underscore. */
    private static String key(String name) {
        String k = name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
        return k.replaceAll("^_|_$", "");
    }
}
