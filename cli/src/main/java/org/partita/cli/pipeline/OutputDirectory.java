package org.partita.cli.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes a token corpus directory ready to write: absent or empty is fine; one holding a previous
 * corpus is emptied of that corpus's files only when overwriting is asked for (a stale shard left
 * behind would otherwise sit beside the new index); anything else in it is refused.
 */
public final class OutputDirectory {

    private OutputDirectory() {
    }

    /**
     * @throws IllegalArgumentException when the directory is a file, or holds files and {@code overwrite}
     *     is false, or holds files that are not a token corpus's (named in the message)
     */
    public static void prepare(Path directory, boolean overwrite) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--out " + directory + " is a file, not a directory");
        }
        if (!Files.isDirectory(directory)) {
            return;
        }
        List<Path> present = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            entries.forEach(present::add);
        }
        if (present.isEmpty()) {
            return;
        }
        if (!overwrite) {
            throw new IllegalArgumentException("--out " + directory + " is not empty (" + present.size()
                    + " entries); use --overwrite to replace a previous token corpus there");
        }
        for (Path p : present) {
            if (!isCorpusFile(p.getFileName().toString())) {
                throw new IllegalArgumentException("--out " + directory + " holds " + p.getFileName()
                        + ", which is not part of a token corpus; refusing to overwrite");
            }
        }
        for (Path p : present) {
            deleteRecursively(p);
        }
    }

    private static boolean isCorpusFile(String name) {
        return name.matches("shard-\\d{5}\\.bin") || name.equals("index.json") || name.equals("index.json.tmp")
                || name.equals("tokenizer.json") || name.equals(CorpusTokenization.FAILURES_FILE)
                || name.equals(CorpusTokenization.TEXT_FOLDER);
    }

    private static void deleteRecursively(Path p) throws IOException {
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
