package org.partita.cli;

/** Entry point of the {@code partita} command. */
public final class Main {

    private Main() {
    }

    /** Runs the command and exits with its code (see {@link ExitCodes}). */
    public static void main(String[] args) {
        System.exit(PartitaCommand.newCommandLine().execute(args));
    }
}
