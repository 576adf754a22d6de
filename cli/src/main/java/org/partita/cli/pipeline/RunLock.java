package org.partita.cli.pipeline;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A lock on a training run directory, so two {@code train} processes never write the same run: the file
 * {@code RUN_DIR/lock} is created exclusively and holds the owner's pid and host name ({@code pid@host}); it is
 * removed on {@link #close()} (and at JVM exit). A lock left by a process that no longer runs on this host is
 * stale and taken over; one from another host is refused with its owner named, since its liveness cannot be
 * checked from here (delete the file by hand if that run is gone). Use with try-with-resources.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the run directory. */
    public static final String FILE = "lock";

    private final Path file;
    private final Thread cleanup;

    private RunLock(Path file) {
        this.file = file;
        this.cleanup = new Thread(this::release, "partita-run-unlock");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Takes the lock of {@code runDir} (created if missing).
     *
     * @throws IllegalStateException naming the owner when another live process holds it
     */
    public static RunLock acquire(Path runDir) throws IOException {
        Files.createDirectories(runDir);
        Path file = runDir.resolve(FILE);
        String me = ProcessHandle.current().pid() + "@" + hostName();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(file, me + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE);
                return new RunLock(file);
            } catch (FileAlreadyExistsException e) {
                String owner = owner(file);
                if (owner == null) {
                    continue; // released meanwhile: try again
                }
                if (!isStale(owner)) {
                    throw new IllegalStateException("run " + runDir + " is in use by process " + owner + " (lock file "
                            + file + "); wait for it to finish, or delete the lock file if that process is gone");
                }
                Files.deleteIfExists(file); // its owner died on this host without releasing it
            }
        }
        throw new IllegalStateException("run " + runDir + ": could not take the lock " + file + " (another process "
                + "keeps taking it)");
    }

    @Override
    public void close() {
        release();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void release() {
        try {
            String owner = owner(file);
            if (owner != null && owner.startsWith(ProcessHandle.current().pid() + "@")) {
                Files.deleteIfExists(file);
            }
        } catch (IOException ignored) {
            // best effort: a stale lock of a dead pid is taken over by the next run
        }
    }

    private static String owner(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** A lock is stale when it names this host and a pid that no longer runs. */
    static boolean isStale(String owner) {
        int at = owner.indexOf('@');
        if (at < 1 || !owner.substring(at + 1).equals(hostName())) {
            return false;
        }
        try {
            long pid = Long.parseLong(owner.substring(0, at));
            Optional<ProcessHandle> p = ProcessHandle.of(pid);
            return p.isEmpty() || !p.get().isAlive();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
