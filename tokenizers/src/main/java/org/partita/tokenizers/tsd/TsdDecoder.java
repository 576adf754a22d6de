package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.DecodeReport;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.tsd.TsdVocabulary.Type;

/**
 * TSD ids back to a score at {@code ticksPerQuarter}, following MidiTok's {@code _tokens_to_score}
 * (TimeShift advances; Rest starts from the later of the current tick and the previous note end;
 * TimeSig changes ticks per beat; a Pitch takes the next Velocity and Duration) without its faults:
 * never throws, counts every rule break in the report. Stateless and thread-safe.
 */
final class TsdDecoder {

    static final int DEFAULT_VELOCITY = 100;

    private final TsdVocabulary vocab;
    private final int tpq;

    TsdDecoder(TsdVocabulary vocab, int ticksPerQuarter) {
        this.vocab = vocab;
        this.tpq = ticksPerQuarter;
    }

    Decoded decode(int[] ids) {
        EnumMap<Violation, Integer> counts = new EnumMap<>(Violation.class);
        Map<Integer, List<Note>> tracks = new LinkedHashMap<>();
        List<TempoChange> tempos = new ArrayList<>();
        List<TimeSignature> meters = new ArrayList<>();
        meters.add(TimeSignature.DEFAULT);
        long tpb = tpq;
        long tick = 0;
        long previousNoteEnd = 0;
        int program = 0;
        boolean seenContent = false;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            Type type = vocab.type(id);
            if (type == null) {
                bump(counts, Violation.UNKNOWN_ID);
                continue;
            }
            switch (type) {
                case SPECIAL -> {
                    boolean leadingBos = id == vocab.bosId && !seenContent;
                    boolean trailing = (id == vocab.eosId || id == vocab.padId) && onlyEndSpecials(ids, i);
                    if (!leadingBos && !trailing) {
                        bump(counts, Violation.MISPLACED_SPECIAL_TOKEN);
                    }
                }
                case TIME_SHIFT -> tick += TsdVocabulary.ticks(vocab.durations[id - vocab.timeShiftBase], tpb);
                case REST -> tick = Math.max(previousNoteEnd, tick)
                        + TsdVocabulary.ticks(vocab.rests[id - vocab.restBase], tpb);
                case TIME_SIG -> {
                    int[] t = vocab.timeSignatures[id - vocab.timeSigBase];
                    tpb = tpq * 4L / t[1];
                    TimeSignature ts = new TimeSignature(tick, t[0], t[1]);
                    TimeSignature last = meters.get(meters.size() - 1);
                    if (last.tick() == tick) {
                        meters.set(meters.size() - 1, ts);
                    } else if (last.numerator() != t[0] || last.denominator() != t[1]) {
                        meters.add(ts);
                    }
                    previousNoteEnd = Math.max(previousNoteEnd, tick);
                }
                case TEMPO -> {
                    tempos.add(new TempoChange(tick, vocab.tempoMicros[id - vocab.tempoBase]));
                    previousNoteEnd = Math.max(previousNoteEnd, tick);
                }
                case PROGRAM -> {
                    program = vocab.programs[id - vocab.programBase];
                    previousNoteEnd = Math.max(previousNoteEnd, tick);
                }
                case PITCH, PITCH_DRUM -> {
                    int pitch = type == Type.PITCH ? id - vocab.pitchBase + vocab.config.pitchLow()
                            : id - vocab.pitchDrumBase + vocab.config.drumsPitchLow();
                    if (i + 1 >= ids.length || vocab.type(ids[i + 1]) != Type.VELOCITY) {
                        bump(counts, Violation.NOTE_WITHOUT_VELOCITY);
                        break;
                    }
                    if (i + 2 >= ids.length || vocab.type(ids[i + 2]) != Type.DURATION) {
                        bump(counts, Violation.NOTE_WITHOUT_DURATION);
                        i += 1;
                        break;
                    }
                    int velocity = vocab.velocities[ids[i + 1] - vocab.velocityBase];
                    long duration = TsdVocabulary.ticks(vocab.durations[ids[i + 2] - vocab.durationBase], tpb);
                    if (vocab.config.usePitchdrumTokens() && (type == Type.PITCH_DRUM) != (program == -1)) {
                        bump(counts, Violation.PITCH_KIND_MISMATCH);
                    }
                    tracks.computeIfAbsent(program, p -> new ArrayList<>())
                            .add(new Note(tick, Math.max(duration, 1), pitch, Math.max(1, velocity)));
                    previousNoteEnd = Math.max(previousNoteEnd, tick + duration);
                    i += 2;
                }
                case VELOCITY, DURATION -> bump(counts, Violation.STRAY_NOTE_ATTRIBUTE);
                default -> bump(counts, Violation.UNKNOWN_ID);
            }
            if (type != Type.SPECIAL) {
                seenContent = true;
            }
        }
        List<Track> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Note>> e : tracks.entrySet()) {
            int p = e.getKey();
            out.add(Track.of(p == -1 ? "Drums" : "Program " + p, p == -1 ? 0 : p, p == -1, e.getValue()));
        }
        return new Decoded(new Score(tpq, out, tempos, meters, List.of(), List.of()), new DecodeReport(counts));
    }

    private boolean onlyEndSpecials(int[] ids, int from) {
        for (int j = from; j < ids.length; j++) {
            if (ids[j] != vocab.eosId && ids[j] != vocab.padId) {
                return false;
            }
        }
        return true;
    }

    private static void bump(EnumMap<Violation, Integer> counts, Violation v) {
        counts.merge(v, 1, Integer::sum);
    }
}
