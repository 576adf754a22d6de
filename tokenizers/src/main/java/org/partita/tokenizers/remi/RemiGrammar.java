package org.partita.tokenizers.remi;

import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.GrammarState;
import org.partita.tokenizers.remi.RemiVocabulary.Type;

/**
 * REMI's grammar: which token may follow which (MidiTok's REMI type graph for the features in use),
 * tightened where the encoder guarantees more: a Bar is followed by its TimeSig when meters are on;
 * positions never go back within a bar and stay inside it; a Program is followed by the pitch kind
 * of its program (PitchDrum for drums when PitchDrum tokens are on); a pitch is followed by its
 * velocity, then its duration when its program has durations; BOS only first, EOS only followed by
 * PAD. Immutable and thread-safe; states are immutable.
 */
final class RemiGrammar implements Grammar {

    private final RemiVocabulary vocab;
    private final RemiConfig config;
    private final Map<Type, BitSet> masks = new EnumMap<>(Type.class);
    private final int bosId;
    private final int eosId;
    private final int padId;

    RemiGrammar(RemiVocabulary vocab) {
        this.vocab = vocab;
        this.config = vocab.config;
        for (Type t : Type.values()) {
            masks.put(t, new BitSet(vocab.size()));
        }
        for (int id = 0; id < vocab.size(); id++) {
            masks.get(vocab.type(id)).set(id);
        }
        bosId = vocab.vocabulary().id("BOS_None");
        eosId = vocab.vocabulary().id("EOS_None");
        padId = vocab.vocabulary().id("PAD_None");
    }

    @Override
    public GrammarState start() {
        return new State(this, Phase.START, 4, -1, Integer.MIN_VALUE, false);
    }

    @Override
    public int vocabularySize() {
        return vocab.size();
    }

    /** Where we are in the succession of token types. */
    enum Phase { START, AFTER_BOS, AFTER_BAR, AFTER_TIME_SIG, AFTER_POSITION, AFTER_TEMPO, AFTER_PROGRAM,
        AFTER_PITCH, AFTER_VELOCITY, AFTER_NOTE, AFTER_REST, AFTER_CHORD, ENDED }

    private Set<Type> next(Phase phase) {
        EnumSet<Type> s = EnumSet.noneOf(Type.class);
        boolean chords = vocab.chords.enabled();
        Type note = config.usePrograms() ? Type.PROGRAM : Type.PITCH;
        switch (phase) {
            case START, AFTER_BOS -> s.add(Type.BAR);
            case AFTER_BAR -> {
                if (config.useTimeSignatures()) {
                    s.add(Type.TIME_SIG);
                } else {
                    s.add(Type.POSITION);
                    s.add(Type.BAR);
                }
            }
            case AFTER_TIME_SIG -> {
                s.add(Type.POSITION);
                s.add(Type.BAR);
                if (config.useRests()) {
                    s.add(Type.REST);
                }
            }
            case AFTER_POSITION -> {
                s.add(note);
                if (chords && !config.usePrograms()) {
                    s.add(Type.CHORD);
                }
                if (config.useTempos()) {
                    s.add(Type.TEMPO);
                }
            }
            case AFTER_TEMPO -> {
                s.add(note);
                s.add(Type.POSITION);
                s.add(Type.BAR);
                if (config.useRests()) {
                    s.add(Type.REST);
                }
            }
            case AFTER_PROGRAM -> s.add(Type.PITCH); // and CHORD for pitched programs, see allowed()
            case AFTER_CHORD -> s.add(note);
            case AFTER_PITCH -> s.add(Type.VELOCITY);
            case AFTER_VELOCITY -> s.add(Type.DURATION);
            case AFTER_NOTE -> {
                s.add(note);
                if (chords && !config.usePrograms()) {
                    s.add(Type.CHORD);
                }
                s.add(Type.POSITION);
                s.add(Type.BAR);
                if (config.useRests()) {
                    s.add(Type.REST);
                }
            }
            case AFTER_REST -> {
                s.add(Type.REST);
                s.add(Type.POSITION);
                s.add(Type.BAR);
                if (config.useTimeSignatures()) {
                    s.add(Type.TIME_SIG);
                }
            }
            case ENDED -> { }
        }
        return s;
    }

    private static final class State implements GrammarState {
        private final RemiGrammar g;
        private final Phase phase;
        private final int barNumerator;
        private final int lastPosition;
        private final int program;
        private final boolean noteHasDuration;

        State(RemiGrammar g, Phase phase, int barNumerator, int lastPosition, int program, boolean noteHasDuration) {
            this.g = g;
            this.phase = phase;
            this.barNumerator = barNumerator;
            this.lastPosition = lastPosition;
            this.program = program;
            this.noteHasDuration = noteHasDuration;
        }

        @Override
        public BitSet allowed() {
            BitSet out = new BitSet(g.vocab.size());
            if (phase == Phase.ENDED) {
                if (g.padId >= 0) {
                    out.set(g.padId);
                }
                return out;
            }
            for (Type t : g.next(phase)) {
                if (t == Type.PITCH) {
                    boolean drum = g.config.usePrograms() && program == -1 && g.config.usePitchdrumTokens();
                    out.or(g.masks.get(drum ? Type.PITCH_DRUM : Type.PITCH));
                } else if (t == Type.POSITION) {
                    int from = g.vocab.positionBase + Math.max(lastPosition, 0);
                    int to = g.vocab.positionBase + Math.min(g.vocab.positionCount, g.vocab.positionsPerBeat * barNumerator);
                    if (to > from) {
                        out.set(from, to);
                    }
                } else {
                    out.or(g.masks.get(t));
                }
            }
            if (phase == Phase.AFTER_PROGRAM && g.vocab.chords.enabled() && program != -1) {
                out.or(g.masks.get(Type.CHORD)); // MidiTok puts Program before each Chord of a track
            }
            if (phase == Phase.START && g.bosId >= 0) {
                out.set(g.bosId);
            }
            if (phase != Phase.START && phase != Phase.AFTER_BOS && g.eosId >= 0 && endable()) {
                out.set(g.eosId);
            }
            return out;
        }

        private boolean endable() {
            return phase != Phase.AFTER_PROGRAM && phase != Phase.AFTER_PITCH && phase != Phase.AFTER_VELOCITY
                    && phase != Phase.AFTER_CHORD;
        }

        @Override
        public boolean allows(int id) {
            return id >= 0 && id < g.vocab.size() && allowed().get(id);
        }

        @Override
        public GrammarState next(int id) {
            Type t = g.vocab.type(id);
            if (t == null) {
                return this;
            }
            switch (t) {
                case SPECIAL -> {
                    if (id == g.bosId) {
                        return new State(g, Phase.AFTER_BOS, barNumerator, -1, program, false);
                    }
                    if (id == g.eosId || id == g.padId) {
                        return new State(g, Phase.ENDED, barNumerator, lastPosition, program, false);
                    }
                    return this;
                }
                case BAR -> {
                    return new State(g, Phase.AFTER_BAR, barNumerator, -1, program, false);
                }
                case TIME_SIG -> {
                    int num = g.vocab.timeSignatures[id - g.vocab.timeSigBase][0];
                    return new State(g, Phase.AFTER_TIME_SIG, num, lastPosition, program, false);
                }
                case POSITION -> {
                    return new State(g, Phase.AFTER_POSITION, barNumerator, id - g.vocab.positionBase, program, false);
                }
                case TEMPO -> {
                    return new State(g, Phase.AFTER_TEMPO, barNumerator, lastPosition, program, false);
                }
                case PROGRAM -> {
                    return new State(g, Phase.AFTER_PROGRAM, barNumerator, lastPosition, g.vocab.program(id), false);
                }
                case PITCH, PITCH_DRUM -> {
                    boolean dur = g.config.useNoteDurationPrograms().contains(program == Integer.MIN_VALUE ? 0 : program);
                    Phase p = g.config.useVelocities() ? Phase.AFTER_PITCH : dur ? Phase.AFTER_VELOCITY : Phase.AFTER_NOTE;
                    return new State(g, p, barNumerator, lastPosition, program, dur);
                }
                case VELOCITY -> {
                    return new State(g, noteHasDuration ? Phase.AFTER_VELOCITY : Phase.AFTER_NOTE, barNumerator,
                            lastPosition, program, noteHasDuration);
                }
                case DURATION -> {
                    return new State(g, Phase.AFTER_NOTE, barNumerator, lastPosition, program, false);
                }
                case REST -> {
                    return new State(g, Phase.AFTER_REST, barNumerator, -1, program, false);
                }
                case CHORD -> {
                    return new State(g, Phase.AFTER_CHORD, barNumerator, lastPosition, program, false);
                }
                default -> {
                    return this;
                }
            }
        }
    }
}
