package org.partita.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Every MIDI file under a directory, read into memory once so that a benchmark times parsing, not
 * the disk. Immutable; files are in path order so runs are repeatable.
 *
 * @param root  the directory that was searched
 * @param names file paths relative to {@code root}
 * @param bytes file contents, index for index with {@code names}
 */
public record MidiCorpus(Path root, List<String> names, List<byte[]> bytes) {

    /** Extensions (lower case) of the files taken: Standard MIDI, karaoke and RIFF RMID files. */
    public static final List<String> EXTENSIONS = List.of(".mid", ".midi", ".kar", ".rmi");

    public MidiCorpus {
        names = List.copyOf(names);
        bytes = List.copyOf(bytes);
        if (names.size() != bytes.size()) {
            throw new IllegalArgumentException(names.size() + " names but " + bytes.size() + " contents");
        }
    }

    /** Loads every file under {@code root} (recursively) whose extension is in {@link #EXTENSIONS}, any case. */
    public static MidiCorpus load(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("not a directory: " + root);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(Files::isRegularFile).filter(MidiCorpus::isMidiFile).sorted().toList();
        }
        List<String> names = new ArrayList<>(paths.size());
        List<byte[]> contents = new ArrayList<>(paths.size());
        for (Path p : paths) {
            names.add(root.relativize(p).toString());
            contents.add(Files.readAllBytes(p));
        }
        return new MidiCorpus(root, names, contents);
    }

    static boolean isMidiFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return names.size();
    }

    /** Sum of the file sizes in bytes. */
    public long totalBytes() {
        long n = 0;
        for (byte[] b : bytes) {
            n += b.length;
        }
        return n;
    }
}
