package org.partita.cli.pipeline;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.partita.midi.AtomicFiles;
import org.partita.midi.scan.FileKind;

/**
 * One output file of a command, and the single policy every command writes by (docs/cli.md, "Output
 * policy"):
 *
 * <ul>
 *   <li>a regular file (or a path that does not exist yet) is replaced atomically: the bytes go to a
 *       new temporary file in the same directory, which is then renamed over the target, so readers see
 *       the old file or the whole new one, and a failure leaves the old file untouched and no temporary
 *       file behind;</li>
 *   <li>a symbolic link is followed (through any chain of links) and its final target is replaced in the
 *       same way; the link stays a link;</li>
 *   <li>a character or block device or a FIFO is written through, never replaced ({@code /dev/null} stays
 *       a device);</li>
 *   <li>a directory, a socket, or a path whose directory does not exist is refused by {@link #of} with an
 *       {@link IllegalArgumentException} naming the option as the user typed it, before any work starts.</li>
 * </ul>
 *
 * <p>New files get the permissions the process's umask gives (not owner-only). A temporary file still
 * present when the JVM shuts down (Ctrl-C during a long render) is deleted by a shutdown hook.
 * Immutable; {@link #write} may be called from any thread.
 */
public final class OutputTarget {

    /** Writes a file's content to a stream (neither flushing nor closing it). */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Path tmp : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort at exit
                }
            }
        }, "partita-output-cleanup"));
    }

    private final Path path;
    private final Path target;
    private final boolean writeThrough;

    private OutputTarget(Path path, Path target, boolean writeThrough) {
        this.path = path;
        this.target = target;
        this.writeThrough = writeThrough;
    }

    /**
     * Checks that {@code path} can be written by this policy and resolves links; call it before the work.
     *
     * @param path   the path as given
     * @param option how the user named it, for messages: {@code "--out"}, {@code "OUT.mid"}
     * @throws IllegalArgumentException naming {@code option} and the path when it cannot be written
     */
    public static OutputTarget of(Path path, String option) {
        Objects.requireNonNull(option, "option");
        if (path == null || path.toString().isEmpty()) {
            throw new IllegalArgumentException(option + ": empty path");
        }
        Path target = followLinks(path, option);
        BasicFileAttributes attrs = attributes(target);
        if (attrs == null) {
            Path dir = target.toAbsolutePath().getParent();
            if (dir == null || !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(option + " " + path + ": no such directory " + dir);
            }
            return new OutputTarget(path, target, false);
        }
        if (attrs.isDirectory()) {
            throw new IllegalArgumentException(option + " " + path + " is a directory, not a file");
        }
        if (attrs.isRegularFile()) {
            return new OutputTarget(path, target, false);
        }
        String kind = FileKind.of(target);
        if (kind.equals(FileKind.SOCKET)) {
            throw new IllegalArgumentException(option + " " + path + " is a socket, which cannot be written");
        }
        return new OutputTarget(path, target, true);
    }

    /** {@link #of(Path, String)} for a file the command names itself (inside an output folder). */
    public static OutputTarget of(Path path) {
        return of(path, "output");
    }

    /**
     * Checks an output folder before the work: absent (it will be created, with its parents) or a directory
     * (links followed).
     *
     * @throws IllegalArgumentException naming {@code option} when {@code dir} is empty or exists as something else
     */
    public static void checkDirectory(Path dir, String option) {
        if (dir == null || dir.toString().isEmpty()) {
            throw new IllegalArgumentException(option + ": empty path");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is " + FileKind.of(dir) + ", not a directory");
        }
        if (!Files.exists(dir) && Files.isSymbolicLink(dir)) {
            throw new IllegalArgumentException(option + " " + dir + " is a broken symbolic link");
        }
    }

    /** The path as the user gave it. */
    public Path path() {
        return path;
    }

    /** The file really written: {@link #path()} with symbolic links followed. */
    public Path target() {
        return target;
    }

    /** True for a device or FIFO, written through in place instead of replaced. */
    public boolean isWriteThrough() {
        return writeThrough;
    }

    /**
     * Writes the content by the policy above.
     *
     * @throws IOException whose message names {@link #path()} when writing fails
     */
    public void write(Content content) throws IOException {
        Objects.requireNonNull(content, "content");
        try {
            writeUnnamed(content);
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new IOException("cannot write " + path + ": " + reason, e);
        }
    }

    private void writeUnnamed(Content content) throws IOException {
        if (writeThrough) {
            // no CREATE and no TRUNCATE: a device or FIFO is opened as it is
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(target, StandardOpenOption.WRITE), 1 << 16)) {
                content.writeTo(out);
            }
            return;
        }
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = AtomicFiles.createTemporary(dir, target.getFileName().toString());
        IN_FLIGHT.add(tmp);
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), 1 << 16)) {
                content.writeTo(out);
            }
            AtomicFiles.moveOver(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
            IN_FLIGHT.remove(tmp);
        }
    }

    /** Writes {@code bytes}. */
    public void writeBytes(byte[] bytes) throws IOException {
        Objects.requireNonNull(bytes, "bytes");
        write(out -> out.write(bytes));
    }

    /** Writes {@code text} as UTF-8. */
    public void writeString(String text) throws IOException {
        writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return path.toString();
    }

    private static Path followLinks(Path path, String option) {
        Path p = path;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IllegalArgumentException(option + " " + path + ": too many levels of symbolic links");
            }
            try {
                Path link = Files.readSymbolicLink(p);
                Path dir = p.toAbsolutePath().getParent();
                p = dir == null ? link : dir.resolve(link);
            } catch (IOException e) {
                throw new IllegalArgumentException(option + " " + path + ": cannot read symbolic link: " + e.getMessage(), e);
            }
        }
        return p;
    }

    private static BasicFileAttributes attributes(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null;
        }
    }
}
