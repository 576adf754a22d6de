package org.partita.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.partita.symbolic.staccato.StaccatoReader;
import org.partita.symbolic.staccato.StaccatoReading;
import org.partita.symbolic.staccato.StaccatoSyntaxException;
import org.partita.symbolic.staccato.StaccatoWarning;

/**
 * Staccato text given on the command line or in a file, read for {@code sketch} and {@code generate
 * --prompt-staccato}; a syntax error is printed with the offending line and a caret under its column.
 *
 * @param text   the Staccato text
 * @param source where it came from, for messages ("the sketch", a file name)
 */
record StaccatoText(String text, String source) {

    /** The text given inline, or else the contents of {@code file} (UTF-8). */
    static StaccatoText of(String inline, Path file) throws IOException {
        return inline != null ? new StaccatoText(inline, "the Staccato text")
                : new StaccatoText(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Reads the text, printing its warnings to {@code err}; on a syntax error prints it (with the caret) and
     * returns null.
     */
    StaccatoReading read(String command, PrintWriter err) {
        try {
            StaccatoReading reading = StaccatoReader.defaults().read(text);
            for (StaccatoWarning w : reading.warnings()) {
                err.println(command + ": warning: " + source + ": " + w);
            }
            return reading;
        } catch (StaccatoSyntaxException e) {
            err.println(command + ": " + source + ": " + e.getMessage());
            for (String line : e.excerpt().split("\\R")) {
                err.println("    " + line);
            }
            return null;
        } finally {
            err.flush();
        }
    }
}
