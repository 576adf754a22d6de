package org.partita.training;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;

/** The one JSON mapper of this module: unknown keys are errors, output is indented. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        return bind(type, () -> MAPPER.readValue(json, type));
    }

    /**
     * As {@link #read(String, Class)}, after {@code upgrade} has filled in, on the parsed tree, what an older
     * file may lack (a key added later with a default); a root that is not an object is left to the binder.
     */
    static <T> T read(String json, Class<T> type, Consumer<ObjectNode> upgrade) {
        return bind(type, () -> {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: no content");
            }
            if (root instanceof ObjectNode object) {
                upgrade.accept(object);
            }
            return MAPPER.treeToValue(root, type);
        });
    }

    private interface Binding<T> {
        T bind() throws java.io.IOException;
    }

    private static <T> T bind(Class<T> type, Binding<T> binding) {
        try {
            return binding.bind();
        } catch (com.fasterxml.jackson.databind.exc.ValueInstantiationException e) {
            // The record's compact constructor rejected a value: surface its own message.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException(cause.getMessage(), e);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " JSON: " + e.getOriginalMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
