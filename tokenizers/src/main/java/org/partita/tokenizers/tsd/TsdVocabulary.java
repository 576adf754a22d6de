package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.remi.BeatRange;
import org.partita.tokenizers.remi.RemiConfig;

/**
 * The TSD vocabulary in MidiTok 3.0.6's id order: special tokens, {@code Pitch}, {@code Velocity},
 * {@code Duration}, {@code TimeShift} (the Duration values again), then MidiTok's additional blocks
 * {@code PitchDrum}, {@code Rest}, {@code Tempo}, {@code Program}, {@code TimeSig}. It is the REMI
 * vocabulary of the same config without {@code Bar_None} and {@code Position_*}, with the TimeShift
 * block after Duration; the shared blocks are taken from the REMI vocabulary so their strings (tempo
 * decimals in particular) are the ones already checked against MidiTok. Immutable and thread-safe.
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

    TsdVocabulary(RemiConfig config, Vocabulary remi) {
        this.config = config;
        this.positionsPerBeat = config.positionsPerBeat();
        List<String> tokens = new ArrayList<>(config.specialTokens());
        pitchBase = tokens.size();
        addAll(tokens, remi, "Pitch_");
        velocityBase = tokens.size();
        addAll(tokens, remi, "Velocity_");
        durationBase = tokens.size();
        durations = timeTuples(config.beatRes());
        for (int[] d : durations) {
            tokens.add("Duration_" + d[0] + "." + d[1] + "." + d[2]);
        }
        timeShiftBase = tokens.size();
        for (int[] d : durations) {
            tokens.add("TimeShift_" + d[0] + "." + d[1] + "." + d[2]);
        }
        pitchDrumBase = tokens.size();
        addAll(tokens, remi, "PitchDrum_");
        restBase = tokens.size();
        addAll(tokens, remi, "Rest_");
        tempoBase = tokens.size();
        addAll(tokens, remi, "Tempo_");
        programBase = tokens.size();
        addAll(tokens, remi, "Program_");
        timeSigBase = tokens.size();
        addAll(tokens, remi, "TimeSig_");
        vocabulary = Vocabulary.of(tokens);

        velocities = new int[durationBase - velocityBase];
        Arrays.fill(velocityIndex, -1);
        for (int i = 0; i < velocities.length; i++) {
            velocities[i] = Integer.parseInt(value(tokens.get(velocityBase + i)));
            velocityIndex[velocities[i]] = i;
        }
        rests = new int[tempoBase - restBase][];
        for (int i = 0; i < rests.length; i++) {
            rests[i] = tuple(value(tokens.get(restBase + i)));
        }
        tempoMicros = new int[programBase - tempoBase];
        for (int i = 0; i < tempoMicros.length; i++) {
            double bpm = Double.parseDouble(value(tokens.get(tempoBase + i)));
            tempoMicros[i] = (int) Math.max(1, Math.min(0xFFFFFF, Math.round(60_000_000.0 / bpm)));
            tempoIndex.put(tempoMicros[i], i);
        }
        programs = new int[timeSigBase - programBase];
        for (int i = 0; i < programs.length; i++) {
            programs[i] = Integer.parseInt(value(tokens.get(programBase + i)));
            programIndex.put(programs[i], i);
        }
        timeSignatures = new int[tokens.size() - timeSigBase][];
        for (int i = 0; i < timeSignatures.length; i++) {
            String[] nd = value(tokens.get(timeSigBase + i)).split("/");
            timeSignatures[i] = new int[] {Integer.parseInt(nd[0]), Integer.parseInt(nd[1])};
            timeSigIndex.put(tsKey(timeSignatures[i][0], timeSignatures[i][1]), i);
        }
        types = new Type[tokens.size()];
        Arrays.fill(types, 0, pitchBase, Type.SPECIAL);
        Arrays.fill(types, pitchBase, velocityBase, Type.PITCH);
        Arrays.fill(types, velocityBase, durationBase, Type.VELOCITY);
        Arrays.fill(types, durationBase, timeShiftBase, Type.DURATION);
        Arrays.fill(types, timeShiftBase, pitchDrumBase, Type.TIME_SHIFT);
        Arrays.fill(types, pitchDrumBase, restBase, Type.PITCH_DRUM);
        Arrays.fill(types, restBase, tempoBase, Type.REST);
        Arrays.fill(types, tempoBase, programBase, Type.TEMPO);
        Arrays.fill(types, programBase, timeSigBase, Type.PROGRAM);
        Arrays.fill(types, timeSigBase, tokens.size(), Type.TIME_SIG);
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

    private static void addAll(List<String> out, Vocabulary remi, String prefix) {
        for (String t : remi.tokens()) {
            if (t.startsWith(prefix)) {
                out.add(t);
            }
        }
    }

    private static String value(String token) {
        return token.substring(token.indexOf('_') + 1);
    }

    private static int[] tuple(String value) {
        String[] p = value.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2])};
    }

    private static long tsKey(int n, int d) {
        return ((long) n << 32) | d;
    }

    /** MidiTok's duration tuples: every (beat, pos, res) of every range, plus the end of the last range, minus (0,0). */
    static int[][] timeTuples(List<BeatRange> ranges) {
        List<int[]> out = new ArrayList<>();
        for (BeatRange r : ranges) {
            for (int b = r.startBeat(); b < r.endBeat(); b++) {
                for (int p = 0; p < r.positionsPerBeat(); p++) {
                    out.add(new int[] {b, p, r.positionsPerBeat()});
                }
            }
        }
        BeatRange last = ranges.get(0);
        for (BeatRange r : ranges) {
            if (r.startBeat() > last.startBeat() || (r.startBeat() == last.startBeat() && r.endBeat() > last.endBeat())) {
                last = r;
            }
        }
        out.add(new int[] {last.endBeat(), 0, last.positionsPerBeat()});
        out.remove(0);
        return out.toArray(new int[0][]);
    }

    /** Ticks of a (beat, pos, res) value at {@code ticksPerBeat}: {@code (beat*res+pos)*tpb // res}. */
    static long ticks(int[] tuple, long ticksPerBeat) {
        return Math.floorDiv(((long) tuple[0] * tuple[2] + tuple[1]) * ticksPerBeat, tuple[2]);
    }

    /** Ticks of each tuple at {@code ticksPerBeat}. */
    static long[] ticks(int[][] tuples, long ticksPerBeat) {
        long[] out = new long[tuples.length];
        for (int i = 0; i < tuples.length; i++) {
            out[i] = ticks(tuples[i], ticksPerBeat);
        }
        return out;
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
