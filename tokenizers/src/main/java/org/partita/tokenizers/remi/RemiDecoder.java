package org.partita.tokenizers.remi;

import java.util.ArrayList;
import java.util.List;
import org.partita.symbolic.Note;
import org.partita.symbolic.TimeSignature;
import org.partita.tokenizers.DecodeReport.Violation;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.miditok.DecodedScoreBuilder;
import org.partita.tokenizers.miditok.TimeValues;
import org.partita.tokenizers.remi.RemiVocabulary.Type;

/**
 * REMI ids back to a score at {@code ticksPerQuarter} (a multiple of 480 chosen so every position,
 * duration and rest is a whole number of ticks). Unlike MidiTok it never throws, never drops a note
 * silently, honours meter changes and reports backwards positions: every rule break is counted in
 * the {@link DecodeReport}. Stateless and thread-safe.
 */
final class RemiDecoder {

    static final int DEFAULT_VELOCITY = 100;

    private final RemiVocabulary vocab;
    private final RemiConfig config;
    private final int tpq;

    RemiDecoder(RemiVocabulary vocab, int ticksPerQuarter) {
        this.vocab = vocab;
        this.config = vocab.config;
        this.tpq = ticksPerQuarter;
    }

    private boolean isBos(int id) {
        return specialStartingWith(id, "BOS");
    }

    private boolean isEndOrPad(int id) {
        return specialStartingWith(id, "EOS") || specialStartingWith(id, "PAD");
    }

    private boolean specialStartingWith(int id, String kind) {
        return vocab.type(id) == Type.SPECIAL && vocab.vocabulary().token(id).startsWith(kind);
    }

    Decoded decode(int[] ids) {
        DecodedScoreBuilder result = new DecodedScoreBuilder();
        List<TimeSignature> meters = new ArrayList<>();
        meters.add(TimeSignature.DEFAULT);
        int tsNum = 4;
        int tsDen = 4;
        int maxPos = vocab.positionsPerBeat;
        long tpb = ticksPerBeat(tsDen);
        long ticksPerBar = tpb * tsNum;
        long currentTick = 0;
        long tickAtCurrentBar = 0;
        long tickAtLastTs = 0;
        long barAtLastTs = 0;
        int currentBar = -1;
        int lastPosition = -1;
        int program = config.programs().isEmpty() ? 0 : config.programs().get(0);
        long previousNoteEnd = 0;
        for (int i = 0; i < ids.length; i++) {
            int id = ids[i];
            Type type = vocab.type(id);
            if (type == null || type == Type.SPECIAL) {
                result.skip(ids, i, type != null, this::isBos, this::isEndOrPad);
                continue;
            }
            result.contentSeen();
            switch (type) {
                case BAR -> {
                    currentBar++;
                    if (currentBar > 0) {
                        tickAtCurrentBar += ticksPerBar;
                    }
                    currentTick = tickAtCurrentBar;
                    lastPosition = -1;
                }
                case TIME_SIG -> {
                    int[] t = vocab.timeSignatures[id - vocab.timeSigBase];
                    if (lastPosition >= 0) {
                        result.count(Violation.TIME_SIGNATURE_INSIDE_BAR);
                    } else if (t[0] != tsNum || t[1] != tsDen) {
                        tsNum = t[0];
                        tsDen = t[1];
                        tpb = ticksPerBeat(tsDen);
                        ticksPerBar = tpb * tsNum;
                        long at = Math.max(currentBar, 0) == 0 ? 0 : tickAtCurrentBar;
                        TimeSignature ts = new TimeSignature(at, tsNum, tsDen);
                        if (meters.get(meters.size() - 1).tick() == at) {
                            meters.set(meters.size() - 1, ts);
                        } else {
                            meters.add(ts);
                        }
                        tickAtLastTs = tickAtCurrentBar;
                        barAtLastTs = Math.max(currentBar, 0);
                    }
                }
                case POSITION -> {
                    int p = id - vocab.positionBase;
                    if (currentBar == -1) {
                        currentBar = 0;
                    }
                    if (p < lastPosition) {
                        result.count(Violation.POSITION_BACKWARDS);
                    }
                    if (p >= maxPos * tsNum) {
                        result.count(Violation.POSITION_BEYOND_BAR);
                    }
                    lastPosition = p;
                    currentTick = tickAtCurrentBar + p * (tpb / maxPos);
                }
                case REST -> {
                    currentTick = Math.max(previousNoteEnd, currentTick) + vocab.restTicks((int) tpb)[id - vocab.restBase];
                    long realBar = barAtLastTs + Math.floorDiv(currentTick - tickAtLastTs, ticksPerBar);
                    if (realBar > currentBar) {
                        if (currentBar == -1) {
                            currentBar = 0;
                        }
                        tickAtCurrentBar += (realBar - currentBar) * ticksPerBar;
                        currentBar = (int) realBar;
                        lastPosition = -1;
                    }
                }
                case TEMPO -> {
                    result.addTempo(currentTick, vocab.tempoMicros[id - vocab.tempoBase]);
                    previousNoteEnd = Math.max(previousNoteEnd, currentTick);
                }
                case PROGRAM -> {
                    program = vocab.program(id);
                    previousNoteEnd = Math.max(previousNoteEnd, currentTick);
                }
                case PITCH, PITCH_DRUM -> {
                    int pitch = type == Type.PITCH ? id - vocab.pitchBase + config.pitchLow()
                            : id - vocab.pitchDrumBase + config.drumsPitchLow();
                    int next = i + 1;
                    int velocity = DEFAULT_VELOCITY;
                    if (config.useVelocities()) {
                        if (next >= ids.length || vocab.type(ids[next]) != Type.VELOCITY) {
                            result.count(Violation.NOTE_WITHOUT_VELOCITY);
                            break;
                        }
                        velocity = vocab.velocities[ids[next] - vocab.velocityBase];
                        next++;
                    }
                    long duration;
                    if (config.useNoteDurationPrograms().contains(program)) {
                        if (next >= ids.length || vocab.type(ids[next]) != Type.DURATION) {
                            result.count(Violation.NOTE_WITHOUT_DURATION);
                            i = next - 1;
                            break;
                        }
                        duration = TimeValues.ticks(vocab.durations[ids[next] - vocab.durationBase], (int) tpb);
                        next++;
                    } else {
                        duration = (long) (config.defaultNoteDurationBeats() * tpb);
                    }
                    if (config.usePitchdrumTokens() && (type == Type.PITCH_DRUM) != (program == -1)) {
                        result.count(Violation.PITCH_KIND_MISMATCH);
                    }
                    result.addNote(program, new Note(currentTick, Math.max(duration, 1), pitch, Math.max(1, velocity)));
                    previousNoteEnd = Math.max(previousNoteEnd, currentTick + duration);
                    i = next - 1;
                }
                case VELOCITY, DURATION -> result.count(Violation.STRAY_NOTE_ATTRIBUTE);
                // Chords describe notes that follow; like MidiTok, decoding makes nothing of them.
                case CHORD -> previousNoteEnd = Math.max(previousNoteEnd, currentTick);
                default -> throw new IllegalStateException("unhandled token type " + type);
            }
        }
        return result.build(tpq, meters);
    }

    private long ticksPerBeat(int denominator) {
        return tpq * 4L / denominator;
    }
}
