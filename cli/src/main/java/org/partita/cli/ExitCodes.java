package org.partita.cli;

/** The exit codes every {@code partita} command uses. */
public final class ExitCodes {

    /** Everything worked. */
    public static final int OK = 0;
    /** Anything not covered below: an I/O error writing output, a bug. */
    public static final int ERROR = 1;
    /** The command line was wrong: unknown option, missing argument, value out of range. */
    public static final int USAGE = 2;
    /** One or more input files could not be read (all of them are reported first). */
    public static final int BAD_INPUT = 3;

    private ExitCodes() {
    }
}
