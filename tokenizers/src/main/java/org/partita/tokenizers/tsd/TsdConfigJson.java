package org.partita.tokenizers.tsd;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.partita.tokenizers.remi.RemiConfig;
import org.partita.tokenizers.remi.RemiConfigJson;

/**
 * TSD configuration to and from MidiTok's {@code tokenizer.json} text ({@code "tokenization": "TSD"}).
 * MidiTok uses one {@code TokenizerConfig} for every tokenization, so the config object is read and
 * written by {@link RemiConfigJson} (same keys, same validation, unknown keys refused); only the
 * {@code tokenization} name differs. Stateless and thread-safe.
 */
public final class TsdConfigJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TsdConfigJson() {
    }

    /** Parses a MidiTok TSD tokenizer file or bare config object; throws IllegalArgumentException naming the problem. */
    public static RemiConfig fromJson(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("tokenizer config is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("tokenizer config must be a JSON object");
        }
        if (root.has("config")) {
            JsonNode tokenization = root.get("tokenization");
            if (tokenization != null && !"TSD".equals(tokenization.asText())) {
                throw new IllegalArgumentException("tokenization must be TSD, got '" + tokenization.asText() + "'");
            }
            ObjectNode copy = ((ObjectNode) root).deepCopy();
            copy.remove("tokenization");
            return RemiConfigJson.fromJson(copy.toString());
        }
        return RemiConfigJson.fromJson(json);
    }

    /** The MidiTok tokenizer file for a TSD {@code config}. */
    public static String toJson(RemiConfig config) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(RemiConfigJson.toJson(config));
            root.put("tokenization", "TSD");
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("RemiConfigJson wrote invalid JSON", e);
        }
    }
}
