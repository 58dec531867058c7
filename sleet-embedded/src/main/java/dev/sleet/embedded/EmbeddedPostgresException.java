package dev.sleet.embedded;

/**
 * Thrown when the embedded PostgreSQL server cannot be prepared, started or stopped.
 *
 * <p>The message is a single line that names the step that failed (unpacking the binaries,
 * {@code initdb}, starting the server, ...) and, when the server wrote a log, ends with the last lines
 * of that log joined by {@code " | "}.
 */
public class EmbeddedPostgresException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, on one line
     */
    public EmbeddedPostgresException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed, on one line
     * @param cause   the underlying failure
     */
    public EmbeddedPostgresException(String message, Throwable cause) {
        super(message, cause);
    }
}
