package dev.sleet.exec;

/** {@code fetchOne()} found no row. */
public class NoRowsException extends SleetException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param sql the statement
     */
    public NoRowsException(String sql) {
        super("the query returned no row, but exactly one was expected; use fetchOptional() when none is fine",
                sql);
    }
}
