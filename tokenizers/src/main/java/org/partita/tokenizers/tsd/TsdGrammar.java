package org.partita.tokenizers.tsd;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.Map;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.GrammarState;
import org.partita.tokenizers.tsd.TsdVocabulary.Type;

/**
 * MidiTok's TSD token-type graph for the features in use, tightened to what the encoder produces:
 * a note is {@code Program Pitch|PitchDrum Velocity Duration} (PitchDrum exactly for Program_-1 when
 * PitchDrum tokens are on); at one tick TimeSig comes before Tempo and both before notes; Rest
 * tokens only before TimeShift tokens; BOS first, EOS then PAD only. Tempo may also follow Duration
 * or Tempo: MidiTok leaves tempo changes off the time-shift grid, and such a change gets no TimeShift. Immutable and thread-safe.
 */
final class TsdGrammar implements Grammar {

    private enum Phase { START, AFTER_BOS, TIME_SIG, TEMPO, TIME_SHIFT, REST, PROGRAM, PROGRAM_DRUMS, PITCH, VELOCITY,
        DURATION, END }

    private final TsdVocabulary vocab;
    private final Map<Phase, State> states = new EnumMap<>(Phase.class);

    TsdGrammar(TsdVocabulary vocab) {
        this.vocab = vocab;
        for (Phase p : Phase.values()) {
            states.put(p, new State(p, mask(p)));
        }
    }

    @Override
    public GrammarState start() {
        return states.get(Phase.START);
    }

    @Override
    public int vocabularySize() {
        return vocab.size();
    }

    private BitSet mask(Phase phase) {
        BitSet m = new BitSet(vocab.size());
        switch (phase) {
            case START, AFTER_BOS -> {
                if (phase == Phase.START) {
                    set(m, vocab.bosId);
                }
                types(m, Type.TIME_SIG, Type.TEMPO, Type.PROGRAM, Type.TIME_SHIFT, Type.REST);
                set(m, vocab.eosId);
            }
            case TIME_SIG -> {
                types(m, Type.TEMPO, Type.PROGRAM, Type.TIME_SHIFT, Type.REST);
                set(m, vocab.eosId);
            }
            case TEMPO, DURATION -> {
                // Tempo after Duration or Tempo: a tempo change off the time-shift grid gets no TimeShift.
                types(m, Type.PROGRAM, Type.TIME_SHIFT, Type.REST, Type.TEMPO);
                set(m, vocab.eosId);
            }
            case TIME_SHIFT -> {
                types(m, Type.TIME_SHIFT, Type.TIME_SIG, Type.TEMPO, Type.PROGRAM);
                set(m, vocab.eosId);
            }
            case REST -> {
                types(m, Type.REST, Type.TIME_SHIFT, Type.TIME_SIG, Type.TEMPO, Type.PROGRAM);
                set(m, vocab.eosId);
            }
            case PROGRAM -> types(m, Type.PITCH);
            case PROGRAM_DRUMS -> types(m, vocab.config.usePitchdrumTokens() ? Type.PITCH_DRUM : Type.PITCH);
            case PITCH -> types(m, Type.VELOCITY);
            case VELOCITY -> types(m, Type.DURATION);
            case END -> set(m, vocab.padId);
            default -> throw new IllegalStateException("phase " + phase);
        }
        return m;
    }

    private void types(BitSet m, Type... types) {
        for (int id = 0; id < vocab.size(); id++) {
            Type t = vocab.type(id);
            for (Type want : types) {
                if (t == want) {
                    m.set(id);
                }
            }
        }
    }

    private static void set(BitSet m, int id) {
        if (id >= 0) {
            m.set(id);
        }
    }

    private Phase after(Phase current, int id) {
        Type t = vocab.type(id);
        if (t == null) {
            return current;
        }
        return switch (t) {
            case SPECIAL -> id == vocab.bosId ? Phase.AFTER_BOS
                    : id == vocab.eosId || id == vocab.padId ? Phase.END : current;
            case TIME_SIG -> Phase.TIME_SIG;
            case TEMPO -> Phase.TEMPO;
            case TIME_SHIFT -> Phase.TIME_SHIFT;
            case REST -> Phase.REST;
            case PROGRAM -> vocab.programs[id - vocab.programBase] == -1 ? Phase.PROGRAM_DRUMS : Phase.PROGRAM;
            case PITCH, PITCH_DRUM -> Phase.PITCH;
            case VELOCITY -> Phase.VELOCITY;
            case DURATION -> Phase.DURATION;
        };
    }

    private final class State implements GrammarState {
        private final Phase phase;
        private final BitSet mask;

        State(Phase phase, BitSet mask) {
            this.phase = phase;
            this.mask = mask;
        }

        @Override
        public BitSet allowed() {
            return (BitSet) mask.clone();
        }

        @Override
        public boolean allows(int id) {
            return id >= 0 && mask.get(id);
        }

        @Override
        public GrammarState next(int id) {
            return states.get(after(phase, id));
        }

        @Override
        public String toString() {
            return "TsdGrammar.State(" + phase + ")";
        }
    }
}
