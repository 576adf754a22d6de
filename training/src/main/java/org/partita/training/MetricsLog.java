package org.partita.training;

import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A run directory's {@code metrics.jsonl}: one compact JSON object a line, {@code kind} and {@code step} first. */
public final class MetricsLog {
    private MetricsLog() {}

    /**
     * Appends one line with {@code fields}, {@code kind} and {@code step} first and the rest by name (callers pass
     * {@code Map.of}, whose order changes from one JVM to the next; the log should not).
     */
    public static void line(BufferedWriter w, Map<String, Object> fields) throws IOException {
        Map<String, Object> ordered = new LinkedHashMap<>();
        ordered.put("kind", fields.get("kind"));
        ordered.put("step", fields.get("step"));
        new TreeMap<>(fields).forEach(ordered::putIfAbsent);
        w.write(Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ordered));
        w.newLine();
    }

    /** Drops lines after {@code step} from {@code file} (if present): they belong to work lost since the checkpoint. */
    public static void truncate(Path file, int step) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank() && Json.MAPPER.readTree(line).path("step").asInt() <= step) {
                kept.add(line);
            }
        }
        Files.write(file, kept);
    }
}
