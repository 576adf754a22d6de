package org.partita.midi;

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
 * Locates the real corpora in {@code ../shared/data} (system property {@code partita.shared.data},
 * set by the parent pom). When the folder is absent, as in a user's clone, tests skip with a visible
 * message; under CI (environment {@code CI=true}) they fail instead, since CI always has it.
 * Shared with other modules' tests through midi-io's test-jar.
 */
public final class SharedData {

    private SharedData() {
    }

    /** The data root, or a skip (a failure under CI) when it is absent. */
    public static Path root() {
        String property = System.getProperty("partita.shared.data", "../shared/data");
        Path root = Path.of(property).toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            String message = "SKIPPED: shared test data not found at " + root
                    + " (set -Dpartita.shared.data=DIR); tests over real MIDI corpora did not run";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " — CI must have it");
            }
            Assumptions.assumeTrue(false, message);
        }
        return root;
    }

    /** A sub-folder of the data root, e.g. {@code "edge"} or {@code "corpora/pop909"}. */
    public static Path dir(String relative) {
        Path dir = root().resolve(relative);
        if (!Files.isDirectory(dir)) {
            fail("shared data folder missing: " + dir);
        }
        return dir;
    }

    /** Every MIDI file under {@code dir} (.mid .midi .kar .rmi, any case), sorted. */
    public static List<Path> midiFiles(Path dir) {
        return files(dir).stream().filter(p -> {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".mid") || name.endsWith(".midi") || name.endsWith(".kar") || name.endsWith(".rmi");
        }).collect(Collectors.toList());
    }

    /** Every regular file under {@code dir}, sorted. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
