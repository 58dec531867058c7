package dev.sleet.exec;

import dev.sleet.render.Bind;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A statement failed, or its result did not have the expected shape.
 *
 * <p>The exception carries what PostgreSQL reported: the SQLSTATE, the constraint, table and column involved,
 * and the SQL text. Its message names them; it never holds bind values or the server's {@code DETAIL} line,
 * which repeats row values ({@code Key (email)=(ann@example.com) already exists}): those can be secrets, so
 * they are available only through {@link #bindValues()} and {@link #detail()}. For the same reason the
 * driver's exception is not the {@linkplain #getCause() cause} (its message may carry the detail); it is kept
 * in {@link #sqlException()}.
 *
 * <p>Subtypes tell common integrity failures apart: {@link UniqueViolationException},
 * {@link ForeignKeyViolationException}, {@link NotNullViolationException}, {@link CheckViolationException}.
 */
public class SleetException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    // First to last quote: PostgreSQL does not escape quotes inside the input it echoes.
    private static final Pattern QUOTED = Pattern.compile("\"[\\s\\S]*\"");

    private final String sqlState;
    private final String constraint;
    private final String table;
    private final String column;
    private final String detail;
    private final String sql;
    private final transient List<Object> bindValues;
    private final transient SQLException sqlException;

    /**
     * Creates an exception that did not come from the database (a result of the wrong shape, a mapping error).
     *
     * @param message what went wrong
     * @param sql     the statement, or {@code null}
     */
    public SleetException(String message, String sql) {
        this(message, sql, null);
    }

    /**
     * Creates an exception with a cause that is not a database error (a checked exception from a transaction).
     *
     * @param message what went wrong
     * @param sql     the statement, or {@code null}
     * @param cause   the cause
     */
    public SleetException(String message, String sql, Throwable cause) {
        super(message, cause);
        this.sqlState = null;
        this.constraint = null;
        this.table = null;
        this.column = null;
        this.detail = null;
        this.sql = sql;
        this.bindValues = List.of();
        this.sqlException = null;
    }

    /**
     * Creates the exception for a database that cannot be reached or refuses the login. Such errors carry no
     * row values, so the driver's exception is kept as the cause.
     *
     * @param message what failed, naming the host (never the password)
     * @param cause   the driver's exception, or {@code null}
     * @return the exception
     */
    public static SleetException connectionFailed(String message, SQLException cause) {
        return new SleetException(message, cause);
    }

    private SleetException(String message, SQLException cause) {
        super(message, cause);
        this.sqlState = cause == null ? null : cause.getSQLState();
        this.constraint = null;
        this.table = null;
        this.column = null;
        this.detail = null;
        this.sql = null;
        this.bindValues = List.of();
        this.sqlException = cause;
    }

    /**
     * Creates an exception from a driver error; use {@link #of(SQLException, String, List)} to get the right
     * subtype.
     *
     * @param e     the driver's exception
     * @param sql   the statement, or {@code null}
     * @param binds the statement's bind values
     */
    protected SleetException(SQLException e, String sql, List<Bind> binds) {
        super(describe(e, sql), null, true, true);
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        this.sqlState = e.getSQLState();
        this.constraint = server == null ? null : server.getConstraint();
        this.table = server == null ? null : server.getTable();
        this.column = server == null ? null : server.getColumn();
        this.detail = server == null ? null : server.getDetail();
        this.sql = sql;
        List<Object> values = new ArrayList<>();
        if (binds != null) {
            for (Bind b : binds) {
                values.add(b.value());
            }
        }
        this.bindValues = Collections.unmodifiableList(values);
        this.sqlException = e;
    }

    /**
     * Translates a driver error into the matching Sleet exception.
     *
     * @param e     the driver's exception
     * @param sql   the statement, or {@code null}
     * @param binds the bind values, or {@code null}
     * @return the exception to throw
     */
    public static SleetException of(SQLException e, String sql, List<Bind> binds) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "23505" -> new UniqueViolationException(e, sql, binds);
            case "23503" -> new ForeignKeyViolationException(e, sql, binds);
            case "23502" -> new NotNullViolationException(e, sql, binds);
            case "23514" -> new CheckViolationException(e, sql, binds);
            default -> new SleetException(e, sql, binds);
        };
    }

    private static String describe(SQLException e, String sql) {
        ServerErrorMessage server = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        String state = e.getSQLState();
        String message = server != null && server.getMessage() != null ? server.getMessage() : firstLine(e.getMessage());
        if (state != null && state.startsWith("22")) {
            if (server == null) {
                // The driver's own data errors append the value unquoted ("Bad value for type int : 3000000000").
                int colon = message.indexOf(':');
                message = colon < 0 ? message : message.substring(0, colon).strip() + ": …";
            } else {
                // Data exceptions quote the offending input ("invalid input syntax for type uuid: "..."").
                message = QUOTED.matcher(message).replaceAll("\"…\"");
            }
        }
        StringBuilder out = new StringBuilder(message);
        List<String> facts = new ArrayList<>();
        if (state != null) {
            facts.add("SQLSTATE " + state);
        }
        if (server != null) {
            if (server.getConstraint() != null) {
                facts.add("constraint " + server.getConstraint());
            }
            if (server.getTable() != null) {
                facts.add("table " + (server.getSchema() == null ? "" : server.getSchema() + ".") + server.getTable());
            }
            if (server.getColumn() != null) {
                facts.add("column " + server.getColumn());
            }
            if (server.getHint() != null) {
                facts.add("hint: " + server.getHint());
            }
        }
        if (!facts.isEmpty()) {
            out.append(" [").append(String.join(", ", facts)).append(']');
        }
        if (sql != null) {
            out.append(" in: ").append(sql);
        }
        return out.toString();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "database error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * Returns the SQLSTATE code, e.g. {@code 23505}, or {@code null} when the error did not come from the
     * database.
     *
     * @return the SQLSTATE
     */
    public String sqlState() {
        return sqlState;
    }

    /**
     * Returns the violated constraint's name, when PostgreSQL reported one.
     *
     * @return the constraint, or {@code null}
     */
    public String constraint() {
        return constraint;
    }

    /**
     * Returns the table involved, when PostgreSQL reported one.
     *
     * @return the table, or {@code null}
     */
    public String table() {
        return table;
    }

    /**
     * Returns the column involved, when PostgreSQL reported one.
     *
     * @return the column, or {@code null}
     */
    public String column() {
        return column;
    }

    /**
     * Returns PostgreSQL's {@code DETAIL} line, which may repeat row values; kept out of the message.
     *
     * @return the detail, or {@code null}
     */
    public String detail() {
        return detail;
    }

    /**
     * Returns the SQL text of the failed statement.
     *
     * @return the SQL, or {@code null}
     */
    public String sql() {
        return sql;
    }

    /**
     * Returns the statement's bind values; kept out of the message because they can be secrets.
     *
     * @return the values, in placeholder order
     */
    public List<Object> bindValues() {
        return bindValues == null ? List.of() : bindValues;
    }

    /**
     * Returns the driver's original exception, or {@code null}.
     *
     * @return the JDBC exception
     */
    public SQLException sqlException() {
        return sqlException;
    }
}
