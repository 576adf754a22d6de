package org.partita.tokenizers.remi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link RemiConfig} to and from MidiTok's {@code tokenizer.json} text. Pure string conversion, no
 * file I/O. Loading takes a whole MidiTok file ({@code {"config": {...}, "tokenization": "REMI", ...}})
 * or the bare {@code config} object; every MidiTok 3.0.6 config key is known, an unknown key is
 * refused with its name. Saving writes a file MidiTok 3.0.6 loads with the same vocabulary.
 * Stateless and thread-safe.
 */
public final class RemiConfigJson {

    /** The MidiTok version written in saved files (the version whose behaviour is reproduced). */
    public static final String MIDITOK_VERSION = "3.0.6";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> TOP_LEVEL = Set.of("config", "tokenization", "miditok_version",
            "symusic_version", "hf_tokenizers_version", "partita_format_version");
    private static final Set<String> TRAINED = Set.of("_vocab_base", "_model", "_vocab_base_byte_to_token",
            "has_bpe", "unique_track");

    private RemiConfigJson() {
    }

    /** Parses a MidiTok REMI tokenizer file or config object; throws IllegalArgumentException naming what is wrong. */
    public static RemiConfig fromJson(String json) {
        return fromJson(json, "REMI");
    }

    /**
     * Parses a MidiTok tokenizer file whose {@code "tokenization"} (when present) is {@code tokenization},
     * or a bare config object: MidiTok has one config type for every tokenization, so TSD and others read
     * their files here. Throws IllegalArgumentException naming what is wrong.
     */
    public static RemiConfig fromJson(String json, String tokenization) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tokenizer config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tokenizer config must be a JSON object");
        }
        JsonNode config = root;
        if (root.has("config")) {
            for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (TRAINED.contains(key)) {
                    throw new IllegalArgumentException("key '" + key + "': trained (BPE/Unigram/WordPiece) tokenizers "
                            + "are not supported yet; load the untrained configuration");
                }
                if (!TOP_LEVEL.contains(key)) {
                    throw new IllegalArgumentException("unknown tokenizer file key '" + key + "'");
                }
            }
            JsonNode written = root.get("tokenization");
            if (written != null && !tokenization.equals(written.asText())) {
                throw new IllegalArgumentException("tokenization must be " + tokenization + ", got '"
                        + written.asText() + "'");
            }
            config = root.get("config");
            if (!config.isObject()) {
                throw new IllegalArgumentException("'config' must be a JSON object");
            }
        }
        return parseConfig(config);
    }

    private static RemiConfig parseConfig(JsonNode c) {
        RemiConfig d = RemiConfig.defaults();
        Map<String, String> other = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (RemiConfig.PRESERVED_KEYS.contains(e.getKey())) {
                other.put(e.getKey(), e.getValue().toString());
            } else if (!MODELLED.contains(e.getKey())) {
                throw new IllegalArgumentException("unknown MidiTok config key '" + e.getKey() + "'");
            }
        }
        int[] pitch = intPair(c, "pitch_range", d.pitchLow(), d.pitchHigh());
        int[] drums = intPair(c, "drums_pitch_range", d.drumsPitchLow(), d.drumsPitchHigh());
        double[] tempo = c.has("tempo_range") ? doublePair(c.get("tempo_range"), "tempo_range")
                : new double[] {d.tempoMinBpm(), d.tempoMaxBpm()};
        return new RemiConfig(pitch[0], pitch[1],
                c.has("beat_res") ? beatRanges(c.get("beat_res"), "beat_res") : d.beatRes(),
                intValue(c, "num_velocities", d.numVelocities()),
                c.has("special_tokens") ? specialTokens(c.get("special_tokens")) : d.specialTokens(),
                bool(c, "use_velocities", d.useVelocities()),
                c.has("use_note_duration_programs") ? intList(c.get("use_note_duration_programs"), "use_note_duration_programs")
                        : d.useNoteDurationPrograms(),
                bool(c, "use_rests", false), bool(c, "use_tempos", false), bool(c, "use_time_signatures", false),
                bool(c, "use_programs", false), bool(c, "use_pitchdrum_tokens", true),
                c.has("default_note_duration") ? c.get("default_note_duration").asDouble() : d.defaultNoteDurationBeats(),
                c.has("programs") ? intList(c.get("programs"), "programs") : d.programs(),
                c.has("beat_res_rest") ? beatRanges(c.get("beat_res_rest"), "beat_res_rest") : d.beatResRest(),
                intValue(c, "num_tempos", d.numTempos()), tempo[0], tempo[1], bool(c, "log_tempos", false),
                bool(c, "delete_equal_successive_tempo_changes", false),
                c.has("time_signature_range") ? timeSignatures(c.get("time_signature_range")) : d.timeSignatureRange(),
                bool(c, "delete_equal_successive_time_sig_changes", false),
                bool(c, "remove_duplicated_notes", false), drums[0], drums[1], other);
    }

    private static final Set<String> MODELLED = Set.of("pitch_range", "beat_res", "num_velocities",
            "special_tokens", "use_velocities", "use_note_duration_programs", "use_rests", "use_tempos",
            "use_time_signatures", "use_programs", "use_pitchdrum_tokens", "default_note_duration", "programs",
            "beat_res_rest", "num_tempos", "tempo_range", "log_tempos", "delete_equal_successive_tempo_changes",
            "time_signature_range", "delete_equal_successive_time_sig_changes", "remove_duplicated_notes",
            "drums_pitch_range");

    /** Checks MidiTok's REMI {@code additional_params} text: only the defaults are supported. */
    static void checkAdditionalParams(String json) {
        JsonNode n;
        try {
            n = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("additional_params is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!n.isObject()) {
            throw new IllegalArgumentException("additional_params must be an object, got " + json);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "max_bar_embedding" -> {
                    if (!e.getValue().isNull()) {
                        throw new IllegalArgumentException("additional_params.max_bar_embedding=" + e.getValue()
                                + " (Bar_n tokens) is not supported yet; only null");
                    }
                }
                case "use_bar_end_tokens", "add_trailing_bars" -> {
                    if (e.getValue().asBoolean(false)) {
                        throw new IllegalArgumentException("additional_params." + e.getKey() + "=true is not supported yet");
                    }
                }
                default -> throw new IllegalArgumentException("unknown additional_params key '" + e.getKey() + "'");
            }
        }
    }

    /** The MidiTok REMI tokenizer file for {@code config}, in MidiTok's key order. */
    public static String toJson(RemiConfig config) {
        return toJson(config, "REMI");
    }

    /** The MidiTok tokenizer file for {@code config} with {@code "tokenization": tokenization}, in MidiTok's key order. */
    public static String toJson(RemiConfig config, String tokenization) {
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode c = root.putObject("config");
        Map<String, String> other = config.otherMidiTokSettings();
        ArrayNode pitch = c.putArray("pitch_range");
        pitch.add(config.pitchLow()).add(config.pitchHigh());
        putBeatRanges(c.putObject("beat_res"), config.beatRes());
        c.put("num_velocities", config.numVelocities());
        c.put("remove_duplicated_notes", config.removeDuplicatedNotes());
        putOther(c, other, "encode_ids_split", "\"bar\"");
        ArrayNode specials = c.putArray("special_tokens");
        config.specialTokens().forEach(specials::add);
        c.put("use_velocities", config.useVelocities());
        ArrayNode durPrograms = c.putArray("use_note_duration_programs");
        config.useNoteDurationPrograms().forEach(durPrograms::add);
        putOther(c, other, "use_chords", "false");
        c.put("use_rests", config.useRests());
        c.put("use_tempos", config.useTempos());
        c.put("use_time_signatures", config.useTimeSignatures());
        putOther(c, other, "use_sustain_pedals", "false");
        putOther(c, other, "use_pitch_bends", "false");
        c.put("use_programs", config.usePrograms());
        putOther(c, other, "use_pitch_intervals", "false");
        c.put("use_pitchdrum_tokens", config.usePitchdrumTokens());
        c.put("default_note_duration", config.defaultNoteDurationBeats());
        ArrayNode programs = c.putArray("programs");
        config.programs().forEach(programs::add);
        putOther(c, other, "one_token_stream_for_programs", "true");
        putOther(c, other, "program_changes", "false");
        putBeatRanges(c.putObject("beat_res_rest"), config.beatResRest());
        putOther(c, other, "chord_maps", null);
        putOther(c, other, "chord_tokens_with_root_note", "false");
        putOther(c, other, "chord_unknown", "null");
        c.put("num_tempos", config.numTempos());
        ArrayNode tempo = c.putArray("tempo_range");
        tempo.add(config.tempoMinBpm()).add(config.tempoMaxBpm());
        c.put("log_tempos", config.logTempos());
        c.put("delete_equal_successive_tempo_changes", config.deleteEqualSuccessiveTempoChanges());
        ObjectNode ts = c.putObject("time_signature_range");
        for (TimeSignatureSet t : config.timeSignatureRange()) {
            ArrayNode a = ts.putArray(Integer.toString(t.denominator()));
            t.numerators().forEach(a::add);
        }
        c.put("delete_equal_successive_time_sig_changes", config.deleteEqualSuccessiveTimeSigChanges());
        putOther(c, other, "sustain_pedal_duration", "false");
        putOther(c, other, "pitch_bend_range", "[-8192, 8191, 32]");
        putOther(c, other, "max_pitch_interval", "16");
        putOther(c, other, "pitch_intervals_max_time_dist", "1");
        ArrayNode drums = c.putArray("drums_pitch_range");
        drums.add(config.drumsPitchLow()).add(config.drumsPitchHigh());
        for (String key : List.of("ac_polyphony_track", "ac_polyphony_bar", "ac_polyphony_min", "ac_polyphony_max",
                "ac_pitch_class_bar", "ac_note_density_track", "ac_note_density_track_min",
                "ac_note_density_track_max", "ac_note_density_bar", "ac_note_density_bar_max",
                "ac_note_duration_bar", "ac_note_duration_track", "ac_repetition_track",
                "ac_repetition_track_num_bins", "ac_repetition_track_num_consec_bars")) {
            putOther(c, other, key, null);
        }
        putOther(c, other, "additional_params",
                "{\"max_bar_embedding\": null, \"use_bar_end_tokens\": false, \"add_trailing_bars\": false}");
        root.put("tokenization", tokenization);
        root.put("miditok_version", MIDITOK_VERSION);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot happen: tree serialisation failed", e);
        }
    }

    private static void putOther(ObjectNode c, Map<String, String> other, String key, String defaultJson) {
        String text = other.getOrDefault(key, defaultJson);
        if (text == null) {
            return;
        }
        try {
            c.set(key, MAPPER.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("preserved setting '" + key + "' is not valid JSON: " + text, e);
        }
    }

    private static void putBeatRanges(ObjectNode node, List<BeatRange> ranges) {
        for (BeatRange b : ranges) {
            node.put(b.startBeat() + "_" + b.endBeat(), b.positionsPerBeat());
        }
    }

    private static boolean bool(JsonNode c, String key, boolean dflt) {
        JsonNode n = c.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException(key + " must be true or false, got " + n);
        }
        return n.booleanValue();
    }

    private static int intValue(JsonNode c, String key, int dflt) {
        JsonNode n = c.get(key);
        if (n == null) {
            return dflt;
        }
        if (!n.canConvertToInt() || !n.isIntegralNumber()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + n);
        }
        return n.intValue();
    }

    private static int[] intPair(JsonNode c, String key, int lo, int hi) {
        JsonNode n = c.get(key);
        if (n == null) {
            return new int[] {lo, hi};
        }
        List<Integer> l = intList(n, key);
        if (l.size() != 2) {
            throw new IllegalArgumentException(key + " must be [low, high], got " + n);
        }
        return new int[] {l.get(0), l.get(1)};
    }

    private static double[] doublePair(JsonNode n, String key) {
        if (!n.isArray() || n.size() != 2 || !n.get(0).isNumber() || !n.get(1).isNumber()) {
            throw new IllegalArgumentException(key + " must be [low, high], got " + n);
        }
        return new double[] {n.get(0).doubleValue(), n.get(1).doubleValue()};
    }

    private static List<Integer> intList(JsonNode n, String key) {
        if (!n.isArray()) {
            throw new IllegalArgumentException(key + " must be a list of integers, got " + n);
        }
        List<Integer> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isIntegralNumber()) {
                throw new IllegalArgumentException(key + " must hold integers, got " + x);
            }
            out.add(x.intValue());
        }
        return out;
    }

    private static List<String> specialTokens(JsonNode n) {
        if (!n.isArray()) {
            throw new IllegalArgumentException("special_tokens must be a list of strings, got " + n);
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            out.add(normaliseSpecial(x.asText()));
        }
        return out;
    }

    /** MidiTok's rule: {@code PAD} becomes {@code PAD_None}; {@code A_B_C} becomes {@code A-B_C}. */
    static String normaliseSpecial(String token) {
        String[] parts = token.split("_", -1);
        if (parts.length == 1) {
            return token + "_None";
        }
        if (parts.length > 2) {
            return String.join("-", java.util.Arrays.copyOf(parts, parts.length - 1)) + "_" + parts[parts.length - 1];
        }
        return token;
    }

    private static List<BeatRange> beatRanges(JsonNode n, String key) {
        if (!n.isObject()) {
            throw new IllegalArgumentException(key + " must be an object like {\"0_4\": 8}, got " + n);
        }
        List<BeatRange> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String[] parts = e.getKey().split("_");
            try {
                if (parts.length != 2 || !e.getValue().isIntegralNumber()) {
                    throw new NumberFormatException();
                }
                out.add(new BeatRange(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), e.getValue().intValue()));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(key + " entries must look like \"0_4\": 8, got \"" + e.getKey()
                        + "\": " + e.getValue(), ex);
            }
        }
        return out;
    }

    private static List<TimeSignatureSet> timeSignatures(JsonNode n) {
        if (!n.isObject()) {
            throw new IllegalArgumentException("time_signature_range must be an object like {\"4\": [3, 4]}, got " + n);
        }
        List<TimeSignatureSet> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            int den;
            try {
                den = Integer.parseInt(e.getKey());
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("time_signature_range keys must be denominators, got \"" + e.getKey() + "\"", ex);
            }
            List<Integer> nums;
            if (e.getValue().isArray()) {
                nums = intList(e.getValue(), "time_signature_range[" + den + "]");
            } else {
                throw new IllegalArgumentException("time_signature_range[" + den + "] must be a list of numerators, got "
                        + e.getValue());
            }
            out.add(new TimeSignatureSet(den, nums));
        }
        return out;
    }
}
