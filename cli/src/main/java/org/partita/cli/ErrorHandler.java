package org.partita.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into a one-line message on stderr and exit code
 * {@link ExitCodes#ERROR}; the stack trace is printed only with {@code --verbose}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        err.println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": error: " + describe(ex)));
        if (isVerbose(parseResult)) {
            ex.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCodes.ERROR;
    }

    /** The exception's message, with its type where the message alone would be unclear. */
    static String describe(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return ex.getClass().getName();
        }
        if (ex instanceof FileSystemException || ex instanceof InterruptedException) {
            return ex.getClass().getSimpleName() + ": " + message;
        }
        return message;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
