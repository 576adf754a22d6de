package org.partita.tokenizers.tsd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.partita.symbolic.Note;
import org.partita.symbolic.Score;
import org.partita.symbolic.TempoChange;
import org.partita.symbolic.TimeSignature;
import org.partita.symbolic.Track;
import org.partita.tokenizers.Decoded;
import org.partita.tokenizers.Grammar;
import org.partita.tokenizers.TokenSequence;
import org.partita.tokenizers.Tokenizer;
import org.partita.tokenizers.Vocabulary;
import org.partita.tokenizers.miditok.PreprocessedScore;
import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.RemiTokenizer;

/**
 * TSD (TimeShift, Duration) as MidiTok 3.0.6 builds it, programs in one stream. MidiTok runs the same
 * preprocessing and builds the same note, tempo and meter events for every tokenization; only the
 * time tokens differ. So this tokenizer takes preprocessing and event order from {@link RemiTokenizer}
 * (checked against MidiTok on POP909) and adds TSD's own time tokens, vocabulary, decoder and grammar.
 *
 * <p>Configs are {@link RemiConfig} (MidiTok's single config type) with TSD's limits: velocities on,
 * Duration tokens for every configured program. Immutable and thread-safe.
 */
public final class TsdTokenizer implements Tokenizer {

    private final RemiConfig config;
    private final RemiTokenizer remi;
    private final TsdVocabulary vocab;
    private final TsdEncoder encoder;
    private final TsdDecoder decoder;
    private final TsdGrammar grammar;

    private TsdTokenizer(RemiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        if (!config.useVelocities()) {
            throw new IllegalArgumentException("use_velocities=false is not supported by TSD yet, got false");
        }
        Set<Integer> withDurations = new HashSet<>(config.useNoteDurationPrograms());
        for (int p : config.programs()) {
            if (!withDurations.contains(p)) {
                throw new IllegalArgumentException("TSD needs Duration tokens for every program; program " + p
                        + " is missing from use_note_duration_programs " + config.useNoteDurationPrograms());
            }
        }
        this.remi = RemiTokenizer.of(config);
        this.vocab = new TsdVocabulary(config);
        this.encoder = new TsdEncoder(vocab);
        this.decoder = new TsdDecoder(vocab, remi.decodedTicksPerQuarter());
        this.grammar = new TsdGrammar(vocab);
    }

    /** A TSD tokenizer for {@code config}. */
    public static TsdTokenizer of(RemiConfig config) {
        return new TsdTokenizer(config);
    }

    /** A TSD tokenizer with {@link RemiConfig#defaults()} (MidiTok's defaults with programs, tempos, meters). */
    public static TsdTokenizer defaults() {
        return of(RemiConfig.defaults());
    }

    public RemiConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "TSD";
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab.vocabulary();
    }

    @Override
    public String configJson() {
        return TsdConfigJson.toJson(config);
    }

    /** MidiTok's preprocessing (the same for every tokenization): see {@link RemiTokenizer#preprocess}. */
    @Override
    public Score preprocess(Score score) {
        return remi.preprocess(score);
    }

    /**
     * The preprocessed score scaled to {@link #decodedTicksPerQuarter()}: TimeShift tokens carry exact
     * tick differences, so events on the time-shift grid do not move; an event off it (tempo changes,
     * rare notes in files mixing denominators) moves to the grid tick below; drums get program 0.
     */
    @Override
    public Score quantise(Score score) {
        PreprocessedScore prepared = remi.preprocessWithEventOrder(score);
        Score pre = prepared.score();
        TokenSequence seq = encode(prepared);
        long scale = decodedTicksPerQuarter() / pre.ticksPerQuarter();
        List<Note> flat = TokenSequence.notes(pre);
        long[] onset = new long[flat.size()];
        List<Long> tempoTicks = new ArrayList<>();
        for (int i = 0; i < seq.size(); i++) {
            if (seq.noteIndex(i) >= 0) {
                onset[seq.noteIndex(i)] = seq.tick(i);
            } else if (seq.id(i) >= vocab.tempoBase && seq.id(i) < vocab.programBase) {
                tempoTicks.add(seq.tick(i));
            }
        }
        List<Track> tracks = new ArrayList<>();
        int k = 0;
        for (Track t : pre.tracks()) {
            List<Note> notes = new ArrayList<>(t.notes().size());
            for (Note n : t.notes()) {
                notes.add(new Note(onset[k++] * scale, n.durationTicks() * scale, n.pitch(), n.velocity()));
            }
            tracks.add(Track.of(t.name(), t.isDrum() ? 0 : t.program(), t.isDrum(), notes));
        }
        List<TempoChange> tempos = new ArrayList<>();
        if (config.useTempos()) {
            for (int i = 0; i < tempoTicks.size(); i++) {
                tempos.add(new TempoChange(tempoTicks.get(i) * scale, pre.tempos().get(i).microsPerQuarter()));
            }
        }
        List<TimeSignature> meters = new ArrayList<>();
        if (config.useTimeSignatures()) {
            for (TimeSignature m : pre.timeSignatures()) {
                meters.add(new TimeSignature(m.tick() * scale, m.numerator(), m.denominator()));
            }
        } else {
            meters.add(TimeSignature.DEFAULT);
        }
        return new Score(decodedTicksPerQuarter(), tracks, tempos, meters, List.of(), List.of());
    }

    @Override
    public TokenSequence encode(Score score) {
        return encode(remi.preprocessWithEventOrder(score));
    }

    private TokenSequence encode(PreprocessedScore pre) {
        return encoder.encode(pre.score(), pre.noteEventOrder());
    }

    @Override
    public Decoded decode(int[] ids) {
        return decoder.decode(ids == null ? new int[0] : ids);
    }

    @Override
    public int decodedTicksPerQuarter() {
        return remi.decodedTicksPerQuarter();
    }

    @Override
    public Grammar grammar() {
        return grammar;
    }
}
