package org.partita.attention;

/**
 * Attention or attributes that break the interchange rules (shape, weights, row sums, CSV rows); the
 * message is one line naming the file or sequence, the place and the rule broken.
 */
public class InvalidAttentionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidAttentionException(String message) {
        super(message);
    }

    public InvalidAttentionException(String message, Throwable cause) {
        super(message, cause);
    }
}
