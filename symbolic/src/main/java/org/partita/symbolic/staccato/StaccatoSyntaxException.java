package org.partita.symbolic.staccato;

/**
 * A Staccato text that cannot be read: names the line and column and what was expected there.
 * {@link #excerpt()} gives the offending line with a caret under the column, for people.
 */
public final class StaccatoSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;
    private final String sourceLine;

    /**
     * @param line       1-based line
     * @param column     1-based column
     * @param problem    what was expected and what was found
     * @param sourceLine the text of that line (for {@link #excerpt()})
     */
    public StaccatoSyntaxException(int line, int column, String problem, String sourceLine) {
        super("line " + line + ", column " + column + ": " + problem);
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.sourceLine = sourceLine;
    }

    /** 1-based line of the error. */
    public int line() {
        return line;
    }

    /** 1-based column of the error. */
    public int column() {
        return column;
    }

    /** What was expected and found, without the position. */
    public String problem() {
        return problem;
    }

    /** The offending line and, below it, a caret under the column (two lines, no trailing newline). */
    public String excerpt() {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            caret.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return sourceLine + System.lineSeparator() + caret.append('^');
    }
}
