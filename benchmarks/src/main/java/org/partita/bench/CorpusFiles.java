package org.partita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** MIDI files under a folder, sorted by path ({@code _meta} folders skipped). */
final class CorpusFiles {

    private CorpusFiles() {
    }

    static List<Path> midiFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("corpus folder not found: " + dir.toAbsolutePath()
                    + " (pass --data DIR pointing at shared/data)");
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".mid") || n.endsWith(".midi") || n.endsWith(".kar") || n.endsWith(".rmi");
            }).sorted().collect(Collectors.toList());
        }
    }
}
