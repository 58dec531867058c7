package dev.sleet.exec;

/** {@code fetchOne()} or {@code fetchOptional()} found more than one row. */
public class TooManyRowsException extends SleetException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param rows how many rows came back
     * @param sql  the statement
     */
    public TooManyRowsException(int rows, String sql) {
        super("the query returned " + rows + " rows, but at most one was expected; narrow the where clause "
                + "or use fetch()", sql);
    }
}
