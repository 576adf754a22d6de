package org.partita.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks are committed with their outputs so they read well on a code host. `partita notebook
 * --execute` records in each code cell's metadata the SHA-256 of the source it ran
 * (partita.source_sha256); a cell edited afterwards has outputs that no longer belong to it.
 */
class NotebookOutputsAreCurrentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> notebooks() throws IOException {
        Path dir = Path.of(System.getProperty("user.dir")); // surefire runs in the module folder
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.ipynb")).sorted().toList();
        }
    }

    static String source(JsonNode cell) {
        JsonNode source = cell.get("source");
        if (source.isTextual()) {
            return source.asText();
        }
        StringBuilder text = new StringBuilder();
        source.forEach(line -> text.append(line.asText()));
        return text.toString();
    }

    static String sha256(String text) throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The problems of one notebook: cells never run, or edited since they ran. */
    static List<String> staleCells(Path notebook) throws IOException, NoSuchAlgorithmException {
        List<String> problems = new ArrayList<>();
        JsonNode cells = JSON.readTree(notebook.toFile()).get("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonNode cell = cells.get(i);
            if (!"code".equals(cell.get("cell_type").asText())) {
                continue;
            }
            JsonNode recorded = cell.path("metadata").path("partita").path("source_sha256");
            String firstLine = source(cell).lines().findFirst().orElse("");
            if (recorded.isMissingNode() || cell.path("execution_count").isNull()) {
                problems.add(notebook.getFileName() + " cell " + i + " (" + firstLine + "): never executed");
            } else if (!recorded.asText().equals(sha256(source(cell)))) {
                problems.add(notebook.getFileName() + " cell " + i + " (" + firstLine
                        + "): edited after its outputs were made");
            }
        }
        return problems;
    }

    @Test
    void everyCommittedCodeCellRanWithItsCurrentSource() throws Exception {
        List<Path> notebooks = notebooks();
        assertFalse(notebooks.isEmpty(), "no notebooks found in " + System.getProperty("user.dir"));
        List<String> problems = new ArrayList<>();
        for (Path notebook : notebooks) {
            problems.addAll(staleCells(notebook));
        }
        if (!problems.isEmpty()) {
            fail("stale notebook outputs; run ./partita notebook --execute and commit the notebooks:\n  "
                    + String.join("\n  ", problems));
        }
    }

    @Test
    void aCellEditedAfterExecutionIsReportedStale(@TempDir Path tmp) throws Exception {
        Path original = notebooks().get(0);
        JsonNode notebook = JSON.readTree(original.toFile());
        for (JsonNode cell : notebook.get("cells")) {
            if ("code".equals(cell.get("cell_type").asText())) {
                ((ObjectNode) cell).put("source", source(cell) + "\n// edited");
                break;
            }
        }
        Path edited = tmp.resolve(original.getFileName());
        JSON.writeValue(edited.toFile(), notebook);
        List<String> problems = staleCells(edited);
        assertEquals(1, problems.size(), problems.toString());
        assertFalse(staleCells(original).size() > 0, "the committed notebook itself is stale");
    }
}
