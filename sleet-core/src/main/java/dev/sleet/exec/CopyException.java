package dev.sleet.exec;

import java.sql.SQLException;
import java.util.List;

/**
 * A {@code COPY} into or out of a table failed. A failed {@code copyInto} changes nothing: PostgreSQL runs
 * a {@code COPY} as one statement, so none of its rows stay.
 *
 * <p>The message names the table and, when PostgreSQL reported it, the input line (the 1-based position of
 * the bad row) and column; never the row's values, which can be secrets. When the server rejected the data,
 * its error, with its specific type (a {@link NotNullViolationException}, for instance), is the
 * {@linkplain #getCause() cause}, and {@link #sqlState()}, {@link #constraint()} and the other accessors answer
 * for it.
 */
public final class CopyException extends SleetException {

    private static final long serialVersionUID = 1L;

    private final String copyTable;
    private final long line;
    private final SleetException serverError;

    /**
     * Creates the exception.
     *
     * @param copyTable   the table copied into or out of, as written in SQL
     * @param line        the 1-based input line PostgreSQL reported, or 0 when it reported none
     * @param message     what went wrong, without row values
     * @param sql         the {@code COPY} statement
     * @param cause       the server's error translated, another cause, or {@code null}
     */
    public CopyException(String copyTable, long line, String message, String sql, Throwable cause) {
        super(message, sql, cause);
        this.copyTable = copyTable;
        this.line = line;
        this.serverError = cause instanceof SleetException se ? se : null;
    }

    /**
     * Returns the table of the {@code COPY}, as written in SQL (quoted, schema-qualified when declared so).
     *
     * @return the table
     */
    public String copyTable() {
        return copyTable;
    }

    /**
     * Returns the 1-based input line (row) PostgreSQL reported the error on.
     *
     * @return the line, or 0 when none was reported
     */
    public long line() {
        return line;
    }

    @Override
    public String sqlState() {
        return serverError == null ? null : serverError.sqlState();
    }

    @Override
    public String constraint() {
        return serverError == null ? null : serverError.constraint();
    }

    @Override
    public String table() {
        return serverError == null ? null : serverError.table();
    }

    @Override
    public String column() {
        return serverError == null ? null : serverError.column();
    }

    @Override
    public String detail() {
        return serverError == null ? null : serverError.detail();
    }

    @Override
    public List<Object> bindValues() {
        return List.of();
    }

    @Override
    public SQLException sqlException() {
        return serverError == null ? null : serverError.sqlException();
    }
}
