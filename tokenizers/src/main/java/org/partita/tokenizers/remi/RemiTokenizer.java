package org.partita.tokenizers.remi;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/**
 * REMI / REMI+ as MidiTok 3.0.6 encodes it (same token strings, same ids for the same
 * {@code tokenizer.json}), with a decoder that never throws and reports rule breaks, and a grammar
 * for masked generation. Assembled from small parts: {@link RemiVocabulary}, a preprocessor, an
 * encoder, a decoder and a grammar. Immutable and thread-safe.
 */
public final class RemiTokenizer implements Tokenizer {

    private final RemiConfig config;
    private final RemiVocabulary vocab;
    private final RemiPreprocessor preprocessor;
    private final RemiEncoder encoder;
    private final RemiDecoder decoder;
    private final RemiGrammar grammar;
    private final int decodedTpq;

    private RemiTokenizer(RemiConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.vocab = new RemiVocabulary(config);
        this.preprocessor = new RemiPreprocessor(vocab);
        this.encoder = new RemiEncoder(vocab);
        this.decodedTpq = decodedResolution(config);
        this.decoder = new RemiDecoder(vocab, decodedTpq);
        this.grammar = new RemiGrammar(vocab);
    }

    /** A REMI tokenizer for {@code config}. */
    public static RemiTokenizer of(RemiConfig config) {
        return new RemiTokenizer(config);
    }

    public RemiConfig config() {
        return config;
    }

    @Override
    public String name() {
        return "REMI";
    }

    @Override
    public Vocabulary vocabulary() {
        return vocab.vocabulary();
    }

    /** MidiTok's {@code tokenizer.json} text for this config ({@link RemiConfigJson#toJson}). */
    @Override
    public String configJson() {
        return RemiConfigJson.toJson(config);
    }

    @Override
    public Score preprocess(Score score) {
        return toScore(preprocessor.prepare(score), false, score.ticksPerQuarter());
    }

    /**
     * MidiTok's preprocessing (the same for every MidiTok tokenization) with MidiTok's note event
     * order, for tokenizations that share REMI's preprocessing and event order: the score equals
     * {@link #preprocess}, the order is the one {@link #encode} mentions notes in.
     */
    public PreprocessedScore preprocessWithEventOrder(Score score) {
        Prepared p = preprocessor.prepare(score);
        return new PreprocessedScore(toScore(p, false, score.ticksPerQuarter()), RemiEncoder.noteEventOrder(p));
    }

    @Override
    public Score quantise(Score score) {
        return toScore(preprocessor.prepare(score), true, decodedTpq);
    }

    @Override
    public TokenSequence encode(Score score) {
        return encoder.encode(preprocessor.prepare(score));
    }

    @Override
    public Decoded decode(int[] ids) {
        return decoder.decode(ids == null ? new int[0] : ids);
    }

    @Override
    public int decodedTicksPerQuarter() {
        return decodedTpq;
    }

    @Override
    public Grammar grammar() {
        return grammar;
    }

    /**
     * 480 ticks per quarter, or the smallest multiple of it at which every position, duration and
     * rest of every meter in the vocabulary is a whole number of ticks.
     */
    static int decodedResolution(RemiConfig c) {
        long l = c.positionsPerBeat();
        for (BeatRange b : c.beatRes()) {
            l = lcm(l, b.positionsPerBeat());
        }
        for (BeatRange b : c.beatResRest()) {
            l = lcm(l, b.positionsPerBeat());
        }
        int maxDen = 4;
        if (c.useTimeSignatures()) {
            for (TimeSignatureSet t : c.timeSignatureRange()) {
                maxDen = Math.max(maxDen, t.denominator());
            }
        }
        long need = l * maxDen / 4;
        long q = lcm(480, need);
        if (q > Integer.MAX_VALUE / 4) {
            throw new IllegalArgumentException("beat resolutions need " + q + " ticks per quarter to decode exactly");
        }
        return (int) q;
    }

    private static long lcm(long a, long b) {
        return a / gcd(a, b) * b;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** The prepared score as a Score; with {@code quantised}, onsets snapped to positions and scaled. */
    private Score toScore(Prepared p, boolean quantised, int originalTpq) {
        int targetTpq = quantised ? decodedTpq : p.ticksPerQuarter;
        long scale = quantised ? decodedTpq / p.ticksPerQuarter : 1;
        List<Track> tracks = new ArrayList<>();
        for (Prepared.Part part : p.parts) {
            List<Note> notes = new ArrayList<>(part.size);
            boolean durations = config.useNoteDurationPrograms().contains(part.programKey());
            for (int i = 0; i < part.size; i++) {
                long t = part.time[i];
                long d = part.duration[i];
                int v = part.velocity[i];
                if (quantised) {
                    int den = meterAt(p, t)[1];
                    t = snap(p, t) * scale;
                    long tpbQ = decodedTpq * 4L / den;
                    d = durations ? d * scale : (long) (config.defaultNoteDurationBeats() * tpbQ);
                    if (!config.useVelocities()) {
                        v = RemiDecoder.DEFAULT_VELOCITY;
                    }
                }
                notes.add(new Note(t, Math.max(d, quantised ? 1 : 0), part.pitch[i], v));
            }
            int program = quantised && part.isDrum ? 0 : part.program;
            tracks.add(new Track(part.name, program, part.isDrum, notes, List.of(), List.of()));
        }
        List<TempoChange> tempos = new ArrayList<>();
        for (int i = 0; i < p.tempoTicks.length; i++) {
            long t = quantised ? snap(p, p.tempoTicks[i]) * scale : p.tempoTicks[i];
            tempos.add(new TempoChange(t, vocab.tempoMicros[p.tempoBins[i]]));
        }
        List<TimeSignature> meters = new ArrayList<>();
        for (int i = 0; i < p.tsTicks.length; i++) {
            meters.add(new TimeSignature(p.tsTicks[i] * scale, p.tsNumerators[i], p.tsDenominators[i]));
        }
        return new Score(targetTpq, tracks, tempos, meters, List.of(), List.of());
    }

    /** {numerator, denominator, index} of the meter in force at {@code tick}. */
    private static int[] meterAt(Prepared p, long tick) {
        int k = 0;
        for (int i = 0; i < p.tsTicks.length; i++) {
            if (p.tsTicks[i] <= tick) {
                k = i;
            }
        }
        return new int[] {p.tsNumerators[k], p.tsDenominators[k], k};
    }

    /** The tick of the position token an onset gets: bar start + whole positions. */
    private long snap(Prepared p, long tick) {
        int[] m = meterAt(p, tick);
        long start = p.tsTicks[m[2]];
        int tpb = RemiPreprocessor.ticksPerBeat(m[1], p.ticksPerQuarter);
        long bar = (long) tpb * m[0];
        long barStart = start + Math.floorDiv(tick - start, bar) * bar;
        long tpp = tpb / vocab.positionsPerBeat;
        return barStart + Math.floorDiv(tick - barStart, tpp) * tpp;
    }
}
