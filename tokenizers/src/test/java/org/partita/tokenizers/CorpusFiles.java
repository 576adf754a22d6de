package org.partita.tokenizers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.partita.midi.SharedData;

/**
 * Test helper: the shared corpora through midi-io's {@link SharedData} locator (which skips with a
 * visible message when {@code ../shared/data} is absent and fails under {@code CI=true}), plus its
 * sibling {@code ../reference} folder of MidiTok reference outputs.
 */
public final class CorpusFiles {

    private CorpusFiles() {
    }

    public static Path root() {
        return SharedData.root();
    }

    public static Path reference(String name) {
        Path dir = root().resolveSibling("reference").resolve(name);
        if (!Files.isDirectory(dir)) {
            org.junit.jupiter.api.Assertions.fail("reference folder missing beside the shared data: " + dir);
        }
        return dir;
    }

    /** True when the shared data is there (for optional cases in parameter lists). */
    public static boolean present() {
        return Files.isDirectory(Path.of(System.getProperty("partita.shared.data", "../shared/data")));
    }

    /** MIDI files under {@code corpora}, sorted by path. */
    public static List<Path> corpus() {
        return midiFiles(root().resolve("corpora"));
    }

    /** MIDI files ({@code .mid .midi .kar .rmi}, any case) under {@code dir}, sorted by path. */
    public static List<Path> midiFiles(Path dir) {
        return SharedData.midiFiles(dir);
    }
}
