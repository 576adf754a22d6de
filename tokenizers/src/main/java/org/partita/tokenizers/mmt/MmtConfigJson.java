package org.partita.tokenizers.mmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@link MmtConfig} to and from JSON: {@code {"tokenization": "MMT", "format_version": 1,
 * "resolution": 12, "max_beat": 1024, "known_durations": [...]}}, key names as in MMT's
 * {@code get_encoding()}. Missing keys take the defaults ({@code "{}"} is the default config);
 * unknown keys are refused with their name. Stateless and thread-safe.
 */
public final class MmtConfigJson {

    /** Version of this JSON form. */
    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> KEYS = Set.of("tokenization", "format_version", "resolution", "max_beat",
            "known_durations");

    private MmtConfigJson() {
    }

    public static MmtConfig fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("MMT config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("MMT config must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown MMT config key '" + key + "'");
            }
        }
        if (root.has("tokenization") && !"MMT".equals(root.get("tokenization").asText())) {
            throw new IllegalArgumentException("tokenization must be MMT, got '" + root.get("tokenization").asText() + "'");
        }
        if (root.has("format_version") && root.get("format_version").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException("format_version must be " + FORMAT_VERSION + ", got "
                    + root.get("format_version"));
        }
        MmtConfig d = MmtConfig.defaults();
        int resolution = root.has("resolution") ? integer(root, "resolution") : d.resolution();
        int maxBeat = root.has("max_beat") ? integer(root, "max_beat") : d.maxBeat();
        List<Integer> durations = d.knownDurations();
        if (root.has("known_durations")) {
            JsonNode a = root.get("known_durations");
            if (!a.isArray()) {
                throw new IllegalArgumentException("known_durations must be an array, got " + a);
            }
            durations = new ArrayList<>();
            for (JsonNode v : a) {
                if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                    throw new IllegalArgumentException("known_durations entries must be integers, got " + v);
                }
                durations.add(v.asInt());
            }
        }
        return new MmtConfig(resolution, maxBeat, durations);
    }

    private static int integer(JsonNode root, String key) {
        JsonNode v = root.get(key);
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new IllegalArgumentException(key + " must be an integer, got " + v);
        }
        return v.asInt();
    }

    public static String toJson(MmtConfig config) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tokenization", "MMT");
        root.put("format_version", FORMAT_VERSION);
        root.put("resolution", config.resolution());
        root.put("max_beat", config.maxBeat());
        ArrayNode a = root.putArray("known_durations");
        config.knownDurations().forEach(a::add);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
