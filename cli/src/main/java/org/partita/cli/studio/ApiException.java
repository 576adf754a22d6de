package org.partita.cli.studio;

/** A request the API refuses: an HTTP status and a one-line message sent as {@code {"error": message}}. */
final class ApiException extends RuntimeException {

    private final int status;
    private final transient java.util.Map<String, Object> extra;

    ApiException(int status, String message) {
        this(status, message, java.util.Map.of());
    }

    ApiException(int status, String message, java.util.Map<String, Object> extra) {
        super(message, null, false, false);
        this.status = status;
        this.extra = java.util.Map.copyOf(extra);
    }

    int status() {
        return status;
    }

    /** Further fields of the error object (a Staccato error's line and column). */
    java.util.Map<String, Object> extra() {
        return extra;
    }
}
