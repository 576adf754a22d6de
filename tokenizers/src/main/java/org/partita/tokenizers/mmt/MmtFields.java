package org.partita.tokenizers.mmt;

import java.util.ArrayList;
import java.util.List;
import org.partita.tokenizers.Vocabulary;

/**
 * The per-field vocabularies of an {@link MmtConfig} and their flattening into one {@link Vocabulary}:
 * field {@code f}'s code {@code c} has id {@code offset(f) + c}; fields in the order type, beat,
 * position, pitch, duration, instrument. Code 0 of every field but type means "none" (MMT's
 * {@code None}). After the six fields comes one more id, {@value #PAD_TOKEN}: padding for training
 * windows, which no row holds (every other id is as in MMT's flattened vocabulary). Immutable and
 * thread-safe.
 */
final class MmtFields {

    static final int TYPE = 0;
    static final int BEAT = 1;
    static final int POSITION = 2;
    static final int PITCH = 3;
    static final int DURATION = 4;
    static final int INSTRUMENT = 5;

    static final int SOS = 0;
    static final int INSTRUMENT_ROW = 1;
    static final int SON = 2;
    static final int NOTE = 3;
    static final int EOS = 4;

    static final List<String> TYPE_NAMES = List.of("start-of-song", "instrument", "start-of-notes", "note",
            "end-of-song");

    /** The padding token, appended after the six fields so no field's ids move. */
    static final String PAD_TOKEN = "PAD_None";

    final MmtConfig config;
    final int[] sizes;
    final int[] offsets;
    final Vocabulary vocabulary;
    /** Id of {@link #PAD_TOKEN}: the last id, one past the instrument field. */
    final int padId;

    MmtFields(MmtConfig config) {
        this.config = config;
        sizes = new int[] {TYPE_NAMES.size(), config.maxBeat() + 2, config.resolution() + 1, 129,
                config.knownDurations().size() + 1, MmtInstruments.NAMES.size() + 1};
        offsets = new int[sizes.length];
        for (int f = 1; f < sizes.length; f++) {
            offsets[f] = offsets[f - 1] + sizes[f - 1];
        }
        List<String> tokens = new ArrayList<>();
        for (String t : TYPE_NAMES) {
            tokens.add("type_" + t);
        }
        tokens.add("beat_None");
        for (int b = 0; b <= config.maxBeat(); b++) {
            tokens.add("beat_" + b);
        }
        tokens.add("position_None");
        for (int p = 0; p < config.resolution(); p++) {
            tokens.add("position_" + p);
        }
        tokens.add("pitch_None");
        for (int p = 0; p < 128; p++) {
            tokens.add("pitch_" + p);
        }
        tokens.add("duration_None");
        for (int d : config.knownDurations()) {
            tokens.add("duration_" + d);
        }
        tokens.add("instrument_None");
        for (String name : MmtInstruments.NAMES) {
            tokens.add("instrument_" + name);
        }
        padId = tokens.size();
        tokens.add(PAD_TOKEN);
        vocabulary = Vocabulary.of(tokens);
    }

    /** The duration code of {@code steps}: clipped to the longest, then the nearest known duration (ties: the shorter). */
    int durationCode(long steps) {
        long d = Math.min(steps, config.maxDuration());
        List<Integer> known = config.knownDurations();
        int best = 0;
        for (int i = 1; i < known.size(); i++) {
            if (Math.abs(known.get(i) - d) < Math.abs(known.get(best) - d)) {
                best = i;
            }
        }
        return best + 1;
    }

    /** Field of a flattened id, or -1 for {@link #PAD_TOKEN} and ids outside the vocabulary. */
    int fieldOf(int id) {
        if (id < 0) {
            return -1;
        }
        for (int f = 0; f < sizes.length; f++) {
            if (id < offsets[f] + sizes[f]) {
                return f;
            }
        }
        return -1;
    }
}
