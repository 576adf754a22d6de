package org.partita.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The grammar error rate of generated pieces, read from the summaries {@code partita generate} writes beside them
 * ({@code PREFIX.json}: {@code pieces[].midi}, {@code tokens}, {@code grammarViolations}). Files without such a
 * summary have none (NaN). Caches one folder's summaries; not thread-safe.
 */
final class GenerationSummaries {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Path, Map<String, Double>> byFolder = new HashMap<>();

    /** Violations per token of {@code midi}'s token sequence, or NaN when no summary records it. */
    double grammarErrorRate(Path midi) {
        Path folder = midi.toAbsolutePath().normalize().getParent();
        Map<String, Double> rates = byFolder.computeIfAbsent(folder, this::read);
        return rates.getOrDefault(midi.getFileName().toString(), Double.NaN);
    }

    private Map<String, Double> read(Path folder) {
        Map<String, Double> rates = new HashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                JsonNode pieces;
                try {
                    pieces = json.readTree(f.toFile()).path("pieces");
                } catch (IOException | RuntimeException e) {
                    continue; // not a generation summary
                }
                for (JsonNode p : pieces) {
                    long tokens = p.path("tokens").asLong(0);
                    if (p.hasNonNull("midi") && p.has("grammarViolations") && tokens > 0) {
                        rates.put(p.get("midi").asText(), p.get("grammarViolations").asLong() / (double) tokens);
                    }
                }
            }
        } catch (IOException e) {
            return rates;
        }
        return rates;
    }
}
