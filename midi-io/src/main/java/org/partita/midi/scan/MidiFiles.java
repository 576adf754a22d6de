package org.partita.midi.scan;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Finds MIDI files under the paths a user names.
 *
 * <p>A named file is taken whatever its name. A named directory is searched recursively for files
 * ending in {@code .mid .midi .kar .rmi} (any case); symbolic links to directories found inside it are
 * not followed, so link cycles cannot make a search endless (a named directory that is itself a link
 * is searched, under the name given). Files of a directory come in order of their path
 * text, so the same tree always gives the same list; named paths keep the order they were named in,
 * and a file reached twice is listed once. A path that does not exist, or a folder that cannot be
 * listed, becomes a {@link FileFailure} in the place the file would have taken; it never throws.
 * Only regular files are read from a directory: a FIFO, device or socket found there (or a link to one,
 * such as {@code z.mid -> /dev/zero}) is listed as a failure saying it was skipped and why, so a scan can
 * neither hang on a pipe nor read a device without end. A non-regular file named directly is read, through
 * the reader's size limit (see {@link org.partita.midi.MidiReader#read(Path)}).
 * Stateless and thread-safe.
 */
public final class MidiFiles {

    /** File name endings taken when searching a directory, lower case. */
    public static final List<String> EXTENSIONS = List.of(".mid", ".midi", ".kar", ".rmi");

    private MidiFiles() {
    }

    /** Whether the file name ends in one of {@link #EXTENSIONS}, in any case. */
    public static boolean hasMidiExtension(Path path) {
        Path name = path.getFileName();
        if (name == null) {
            return false;
        }
        String lower = name.toString().toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (lower.endsWith(ext)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The files under {@code inputs}, each either a file to read or a failure, in the order described
     * above.
     */
    public static List<Found> find(List<Path> inputs) {
        Objects.requireNonNull(inputs, "inputs");
        List<Found> found = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path input : inputs) {
            Objects.requireNonNull(input, "input path");
            if (Files.isDirectory(input)) {
                findInDirectory(input, found, seen);
            } else if (Files.exists(input, LinkOption.NOFOLLOW_LINKS) && !Files.exists(input)) {
                found.add(Found.failed(new FileFailure(input, -1, "broken symbolic link")));
            } else if (!Files.exists(input)) {
                found.add(Found.failed(FileFailure.missing(input)));
            } else if (seen.add(key(input))) {
                found.add(Found.toRead(input));
            }
        }
        return List.copyOf(found);
    }

    private static void findInDirectory(Path dir, List<Found> found, Set<Path> seen) {
        List<Path> files = new ArrayList<>();
        List<FileFailure> failures = new ArrayList<>();
        try {
            // A walk does not enter a named directory that is itself a symbolic link: walk its target
            // and show the paths under the name the user gave.
            Path root = Files.isSymbolicLink(dir) ? dir.toRealPath() : dir;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    // attrs are of the link itself for symbolic links; a link to a MIDI file is still read
                    if (hasMidiExtension(file) && !attrs.isDirectory()) {
                        Path shown = dir.resolve(root.relativize(file));
                        String kind = attrs.isRegularFile() ? FileKind.REGULAR : FileKind.of(file);
                        if (kind.equals(FileKind.REGULAR) || kind.equals(FileKind.MISSING)) {
                            files.add(shown); // a broken link fails when read, naming the file
                        } else {
                            failures.add(new FileFailure(shown, -1, "skipped: " + kind + ", not a regular file"));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    Path shown = dir.resolve(root.relativize(file));
                    failures.add(new FileFailure(shown, -1, "cannot list: " + describe(e)));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // walkFileTree reports per-entry problems to the visitor; this is the root itself failing
            failures.add(new FileFailure(dir, -1, "cannot list: " + describe(e)));
        }
        files.sort(Comparator.comparing(Path::toString));
        for (Path file : files) {
            if (seen.add(key(file))) {
                found.add(Found.toRead(file));
            }
        }
        failures.sort(Comparator.comparing(f -> f.path().toString()));
        for (FileFailure failure : failures) {
            found.add(Found.failed(failure));
        }
    }

    private static Path key(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static String describe(IOException e) {
        String type = e.getClass().getSimpleName();
        return e.getMessage() == null ? type : type + " (" + e.getMessage() + ")";
    }

    /**
     * One entry of {@link #find}: a file to read ({@code failure} null) or a path already known to
     * fail ({@code failure} set).
     *
     * @param path    the file or path, as found
     * @param failure why it cannot be read, or null when it is to be read
     */
    public record Found(Path path, FileFailure failure) {

        public Found {
            Objects.requireNonNull(path, "path");
        }

        static Found toRead(Path path) {
            return new Found(path, null);
        }

        static Found failed(FileFailure failure) {
            return new Found(failure.path(), failure);
        }

        /** Whether this is a file to read. */
        public boolean isToRead() {
            return failure == null;
        }
    }
}
