package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.TimeSignature;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.miditok.DecodedScoreBuilder;
import org.partita.tokenizers.miditok.TimeValues;
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
        DecodedScoreBuilder result = new DecodedScoreBuilder();
        List<TimeSignature> meters = new ArrayList<>();
        meters.add(TimeSignature.DEFAULT);
        long tpb = tpq;
        long tick = 0;
        long previousNoteEnd = 0;
        int program = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            Type type = vocab.type(id);
            if (type == null || type == Type.SPECIAL) {
                result.skip(ids, i, type != null, t -> t == vocab.bosId, t -> t == vocab.eosId || t == vocab.padId);
                continue;
            }
            result.contentSeen();
            switch (type) {
                case TIME_SHIFT -> tick += TimeValues.ticks(vocab.durations[id - vocab.timeShiftBase], tpb);
                case REST -> tick = Math.max(previousNoteEnd, tick)
                        + TimeValues.ticks(vocab.rests[id - vocab.restBase], tpb);
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
                    result.addTempo(tick, vocab.tempoMicros[id - vocab.tempoBase]);
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
                        result.count(Violation.NOTE_WITHOUT_VELOCITY);
                        break;
                    }
                    if (i + 2 >= ids.length || vocab.type(ids[i + 2]) != Type.DURATION) {
                        result.count(Violation.NOTE_WITHOUT_DURATION);
                        i += 1;
                        break;
                    }
                    int velocity = vocab.velocities[ids[i + 1] - vocab.velocityBase];
                    long duration = TimeValues.ticks(vocab.durations[ids[i + 2] - vocab.durationBase], tpb);
                    if (vocab.config.usePitchdrumTokens() && (type == Type.PITCH_DRUM) != (program == -1)) {
                        result.count(Violation.PITCH_KIND_MISMATCH);
                    }
                    result.addNote(program, new Note(tick, Math.max(duration, 1), pitch, Math.max(1, velocity)));
                    previousNoteEnd = Math.max(previousNoteEnd, tick + duration);
                    i += 2;
                }
                case VELOCITY, DURATION -> result.count(Violation.STRAY_NOTE_ATTRIBUTE);
                default -> result.count(Violation.UNKNOWN_ID);
            }
        }
        return result.build(tpq, meters);
    }
}
