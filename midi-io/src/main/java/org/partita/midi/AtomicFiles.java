package org.partita.midi;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The two halves of writing a file whole or not at all: a new temporary file beside the target, then a rename over
 * it. Shared by {@link MidiWriter}, the WAV renderer and the CLI's output policy so that every file Partita writes
 * gets the same permissions and the same all-or-nothing replacement.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    /**
     * Creates an empty file {@code dir/.NAME.<random>.tmp}. Created with {@code CREATE_NEW} and no explicit
     * permissions, so it gets the umask's ({@code Files.createTempFile} would make it owner-only, and the rename
     * would keep that: a WAV file of {@code -rw-------} beside MIDI files of {@code -rw-r--r--}).
     */
    public static Path createTemporary(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system can (a plain replace elsewhere). */
    public static void moveOver(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
