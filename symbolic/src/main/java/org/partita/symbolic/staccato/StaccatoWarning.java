package org.partita.symbolic.staccato;

/**
 * Something in a Staccato text that was read but deserves the writer's attention, for example a bar line
 * that does not fall on a bar boundary of the meter. Immutable.
 *
 * @param line    1-based line of the text
 * @param column  1-based column of the token the warning is about
 * @param message what is wrong, with the values involved
 */
public record StaccatoWarning(int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ": " + message;
    }
}
