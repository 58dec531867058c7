package dev.sleet.kit.branch;

import dev.sleet.exec.SleetException;

/**
 * A branch operation that could not be done: no such branch, a name already taken, a parent in use by other
 * sessions, or an error reported by the backend (Neon's own message is passed through). The message names the
 * branch and says what to do.
 */
public class BranchException extends SleetException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the branch
     */
    public BranchException(String message) {
        super(message, null);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong, naming the branch
     * @param cause   the underlying failure
     */
    public BranchException(String message, Throwable cause) {
        super(message, null, cause);
    }
}
