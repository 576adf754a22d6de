package org.partita.tokenizers.tsd;

import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.RemiConfigJson;

/**
 * TSD configuration to and from MidiTok's {@code tokenizer.json} text ({@code "tokenization": "TSD"}).
 * MidiTok uses one {@code TokenizerConfig} for every tokenization, so the config object is read and
 * written by {@link RemiConfigJson} (same keys, same validation, unknown keys refused); only the
 * {@code tokenization} name differs. Stateless and thread-safe.
 */
public final class TsdConfigJson {

    private TsdConfigJson() {
    }

    /** Parses a MidiTok TSD tokenizer file or bare config object; throws IllegalArgumentException naming the problem. */
    public static RemiConfig fromJson(String json) {
        return RemiConfigJson.fromJson(json, "TSD");
    }

    /** The MidiTok tokenizer file for a TSD {@code config}. */
    public static String toJson(RemiConfig config) {
        return RemiConfigJson.toJson(config, "TSD");
    }
}
