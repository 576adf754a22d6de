package org.partita.midi.scan;

import java.nio.file.Path;
import java.util.Objects;
import org.partita.midi.MidiFormatException;

/**
 * A file that could not be read, or a path that could not be listed. Immutable.
 *
 * @param path       the file or path, as found
 * @param byteOffset where in the file the problem was found, or -1 when not at one place
 * @param reason     the rule broken or the error met, with the values seen
 */
public record FileFailure(Path path, long byteOffset, String reason) implements FileOutcome {

    public FileFailure {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
        if (byteOffset < -1) {
            throw new IllegalArgumentException("byteOffset must be >= -1, got " + byteOffset + " (" + path + ")");
        }
    }

    /** The failure a reader reported. */
    public static FileFailure of(Path path, MidiFormatException e) {
        String rule = e.rule() != null ? e.rule() : String.valueOf(e.getMessage());
        return new FileFailure(path, e.byteOffset(), rule);
    }

    /** A failure the reader should not have had: a bug in Partita, reported for this file only. */
    public static FileFailure unexpected(Path path, RuntimeException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return new FileFailure(path, -1,
                "unexpected error in the reader (a bug in Partita, please report it with this file): "
                        + e.getClass().getName() + message);
    }

    /** A path that does not exist. */
    public static FileFailure missing(Path path) {
        return new FileFailure(path, -1, "no such file or directory");
    }
}
