package org.partita.midi.scan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Names the kind of a file system entry for messages ("a FIFO", "a character device"), following
 * symbolic links. Uses the POSIX mode bits where the platform exposes them ({@code unix:mode} on Linux and
 * macOS); elsewhere a non-regular, non-directory entry is just "not a regular file". Stateless.
 */
public final class FileKind {

    public static final String REGULAR = "a regular file";
    public static final String DIRECTORY = "a directory";
    public static final String FIFO = "a FIFO (named pipe)";
    public static final String CHARACTER_DEVICE = "a character device";
    public static final String BLOCK_DEVICE = "a block device";
    public static final String SOCKET = "a socket";
    public static final String OTHER = "not a regular file";
    public static final String MISSING = "missing";

    private static final int S_IFMT = 0170000;

    private FileKind() {
    }

    /** The kind of {@code path} (links followed), one of the constants above. */
    public static String of(Path path) {
        if (Files.isRegularFile(path)) {
            return REGULAR;
        }
        if (Files.isDirectory(path)) {
            return DIRECTORY;
        }
        if (!Files.exists(path)) {
            return MISSING;
        }
        try {
            Object mode = Files.getAttribute(path, "unix:mode");
            if (mode instanceof Integer m) {
                return switch (m & S_IFMT) {
                    case 0010000 -> FIFO;
                    case 0020000 -> CHARACTER_DEVICE;
                    case 0060000 -> BLOCK_DEVICE;
                    case 0140000 -> SOCKET;
                    default -> OTHER;
                };
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            // no POSIX view here: fall through to the general word
        }
        return OTHER;
    }
}
