package org.partita.cli;

/** Entry point of the {@code partita} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command and exits with its code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        int code;
        try {
            code = PartitaCommand.newCommandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // The resource limits should refuse such work first (docs/cli.md, "Resource policy"); if one slipped
            // through, say so in one line instead of a stack trace.
            System.err.println("partita: out of memory (" + e.getMessage() + "); the JVM's heap limit is "
                    + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: give it more with "
                    + "PARTITA_JAVA_OPTS=-Xmx<size>, or ask for less work");
            code = ExitCodes.ERROR;
        }
        System.exit(code);
    }
}
