package org.partita.tokenizers;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helper: locates {@code ../shared/data} (system property {@code partita.shared.data}) and its
 * sibling {@code ../reference}. Absent: tests skip with a visible message; under {@code CI=true} they fail.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("partita.shared.data", "../shared/data")).toAbsolutePath().normalize();
        require(root);
        return root;
    }

    public static Path reference(String name) {
        Path dir = root().resolveSibling("reference").resolve(name);
        require(dir);
        return dir;
    }

    /** True when the shared data is there (for optional cases in parameter lists). */
    public static boolean present() {
        return Files.isDirectory(Path.of(System.getProperty("partita.shared.data", "../shared/data")));
    }

    private static void require(Path dir) {
        if (!Files.isDirectory(dir)) {
            String message = "SKIPPED: shared test data not found at " + dir
                    + " (set -Dpartita.shared.data=DIR); tests over real MIDI corpora did not run";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " — CI must have it");
            }
            Assumptions.assumeTrue(false, message);
        }
    }

    /** MIDI files under {@code corpora}, sorted by path. */
    public static List<Path> corpus() {
        return midiFiles(root().resolve("corpora"));
    }

    /** MIDI files ({@code .mid .midi .kar .rmi}, any case) under {@code dir}, sorted by path. */
    public static List<Path> midiFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".mid") || n.endsWith(".midi") || n.endsWith(".kar") || n.endsWith(".rmi");
            }).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
