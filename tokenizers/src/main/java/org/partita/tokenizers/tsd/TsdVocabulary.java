package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.miditok.MidiTokBins;
import org.partita.tokenizers.miditok.TimeValues;
import org.partita.tokenizers.miditok.TokenBlocks;
import org.partita.tokenizers.remi.RemiConfig;

/**
 * The TSD vocabulary in MidiTok 3.0.6's id order: special tokens, {@code Pitch}, {@code Velocity},
 * {@code Duration}, {@code TimeShift} (the Duration values again), then MidiTok's additional blocks
 * {@code PitchDrum}, {@code Rest}, {@code Tempo}, {@code Program}, {@code TimeSig}. It is the REMI
 * vocabulary of the same config without {@code Bar_None} and {@code Position_*}, with the TimeShift
 * block after Duration; the shared blocks come from {@link MidiTokBins}, as REMI's do, so their
 * strings (tempo decimals in particular) are the ones checked against MidiTok. Immutable and thread-safe.
 */
final class TsdVocabulary {

    enum Type { SPECIAL, PITCH, VELOCITY, DURATION, TIME_SHIFT, PITCH_DRUM, REST, TEMPO, PROGRAM, TIME_SIG }

    final RemiConfig config;
    final int positionsPerBeat;
    final int[] velocities;
    /** (beat, position, resolution) of each Duration and TimeShift token. */
    final int[][] durations;
    final int[][] rests;
    /** Microseconds per quarter a Tempo token stands for in scores. */
    final int[] tempoMicros;
    final int[] programs;
    final int[][] timeSignatures;
    final int pitchBase;
    final int velocityBase;
    final int durationBase;
    final int timeShiftBase;
    final int pitchDrumBase;
    final int restBase;
    final int tempoBase;
    final int programBase;
    final int timeSigBase;
    final int bosId;
    final int eosId;
    final int padId;
    private final Type[] types;
    private final int[] velocityIndex = new int[128];
    private final Map<Integer, Integer> tempoIndex = new HashMap<>();
    private final Map<Integer, Integer> programIndex = new HashMap<>();
    private final Map<Long, Integer> timeSigIndex = new HashMap<>();
    private final Vocabulary vocabulary;

    TsdVocabulary(RemiConfig config) {
        this.config = config;
        this.positionsPerBeat = config.positionsPerBeat();
        MidiTokBins bins = MidiTokBins.of(config);
        velocities = bins.velocities();
        durations = TimeValues.tuples(config.beatRes());
        rests = bins.rests();
        tempoMicros = bins.tempoMicros();
        programs = config.usePrograms() ? config.programs().stream().mapToInt(Integer::intValue).toArray() : new int[0];
        timeSignatures = bins.timeSignatures();

        TokenBlocks<Type> blocks = new TokenBlocks<>();
        blocks.add(Type.SPECIAL, config.specialTokens());
        pitchBase = blocks.add(Type.PITCH, bins.pitchTokens());
        velocityBase = blocks.add(Type.VELOCITY, bins.velocityTokens());
        durationBase = blocks.add(Type.DURATION, TimeValues.tokens("Duration_", durations));
        timeShiftBase = blocks.add(Type.TIME_SHIFT, TimeValues.tokens("TimeShift_", durations));
        pitchDrumBase = blocks.add(Type.PITCH_DRUM, bins.pitchDrumTokens());
        restBase = blocks.add(Type.REST, bins.restTokens());
        tempoBase = blocks.add(Type.TEMPO, bins.tempoTokens());
        programBase = blocks.add(Type.PROGRAM, bins.programTokens());
        timeSigBase = blocks.add(Type.TIME_SIG, bins.timeSigTokens());
        vocabulary = blocks.vocabulary();
        types = blocks.types(Type[]::new);
        List<String> tokens = vocabulary.tokens();

        Arrays.fill(velocityIndex, -1);
        for (int i = 0; i < velocities.length; i++) {
            velocityIndex[velocities[i]] = i;
        }
        for (int i = 0; i < tempoMicros.length; i++) {
            tempoIndex.put(tempoMicros[i], i);
        }
        for (int i = 0; i < programs.length; i++) {
            programIndex.put(programs[i], i);
        }
        for (int i = 0; i < timeSignatures.length; i++) {
            timeSigIndex.put(tsKey(timeSignatures[i][0], timeSignatures[i][1]), i);
        }
        bosId = special(tokens, "BOS");
        eosId = special(tokens, "EOS");
        padId = special(tokens, "PAD");
    }

    private int special(List<String> tokens, String kind) {
        for (int i = 0; i < pitchBase; i++) {
            if (tokens.get(i).startsWith(kind + "_")) {
                return i;
            }
        }
        return -1;
    }

    private static long tsKey(int n, int d) {
        return ((long) n << 32) | d;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    int size() {
        return types.length;
    }

    /** The type of an id, or null when out of range. */
    Type type(int id) {
        return id >= 0 && id < types.length ? types[id] : null;
    }

    int velocityIndex(int velocity) {
        return velocity >= 0 && velocity < 128 ? velocityIndex[velocity] : -1;
    }

    int tempoIndex(int micros) {
        Integer i = tempoIndex.get(micros);
        return i == null ? -1 : i;
    }

    int programId(int program) {
        Integer i = programIndex.get(program);
        return i == null ? -1 : programBase + i;
    }

    int timeSigId(int numerator, int denominator) {
        Integer i = timeSigIndex.get(tsKey(numerator, denominator));
        return i == null ? -1 : timeSigBase + i;
    }
}
