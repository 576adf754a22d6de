package org.partita.cli.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.partita.midi.scan.FileFailure;
import org.partita.midi.scan.MidiFiles;

/**
 * The files a tokenization reads, in {@link MidiFiles#find} order, each with the path of its text dump
 * relative to {@code text/}: its path relative to the directory it was found under (a file named
 * directly: its file name) plus {@code .txt}. When two inputs give the same relative path, the later
 * one gets {@code -2}, {@code -3}, ... before {@code .txt}, so no text file is overwritten.
 */
final class InputFiles {

    /** One input: a file to read ({@code failure} null) or a path already known to fail. */
    record Entry(Path path, FileFailure failure, String textName) {
        boolean isToRead() {
            return failure == null;
        }
    }

    private InputFiles() {
    }

    static List<Entry> find(List<Path> inputs) {
        List<Entry> entries = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Set<String> textNames = new HashSet<>();
        for (Path input : inputs) {
            boolean directory = Files.isDirectory(input);
            for (MidiFiles.Found f : MidiFiles.find(List.of(input))) {
                if (!f.isToRead()) {
                    entries.add(new Entry(f.path(), f.failure(), null));
                    continue;
                }
                if (!seen.add(f.path().toAbsolutePath().normalize())) {
                    continue; // named twice (a file and its directory): read once, as MidiFiles.find does
                }
                Path relative = directory ? input.relativize(f.path()) : f.path().getFileName();
                entries.add(new Entry(f.path(), null, unique(relative.toString().replace('\\', '/'), textNames)));
            }
        }
        return List.copyOf(entries);
    }

    private static String unique(String relative, Set<String> used) {
        String name = relative + ".txt";
        for (int n = 2; !used.add(name); n++) {
            name = relative + "-" + n + ".txt";
        }
        return name;
    }
}
