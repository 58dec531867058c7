package dev.sleet.internal.exec;

import dev.sleet.exec.QueryListener;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.exec.SleetException;
import dev.sleet.query.Placeholder;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs rendered statements over JDBC: renders once, binds every value through its column type, reads rows
 * with a {@link RowReader}, translates errors, returns the connection in every case, and tells the listener.
 */
public final class JdbcExecutor {

    private static final Logger SQL_LOG = LoggerFactory.getLogger("dev.sleet.sql");

    private final ConnectionSource source;
    private final Map<String, String> schemaMapping;
    private final QueryListener listener;
    private final int fetchSize;
    private final boolean logBindValues;
    private final TenantContext tenant;
    private final SqlShapes shapes;

    /**
     * Creates an executor.
     *
     * @param source        where connections come from
     * @param schemaMapping schema names to render in place of declared ones
     * @param listener      the statement listener, or {@code null}
     * @param fetchSize     rows per round trip when streaming
     */
    public JdbcExecutor(ConnectionSource source, Map<String, String> schemaMapping, QueryListener listener,
                        int fetchSize) {
        this(source, schemaMapping, listener, fetchSize, false);
    }

    /**
     * Creates an executor that may log bind values.
     *
     * @param source        where connections come from
     * @param schemaMapping schema names to render in place of declared ones
     * @param listener      the statement listener, or {@code null}
     * @param fetchSize     rows per round trip when streaming
     * @param logBindValues whether debug logging shows bind values (off by default: they can be secrets)
     */
    public JdbcExecutor(ConnectionSource source, Map<String, String> schemaMapping, QueryListener listener,
                        int fetchSize, boolean logBindValues) {
        this(source, schemaMapping, listener, fetchSize, logBindValues, null);
    }

    /**
     * Creates an executor for a tenant-scoped {@code Db}: statements render with the tenant's filters, and each
     * runs in a transaction that sets the tenant first (or in the caller's, which set it when it began).
     *
     * @param source        where connections come from
     * @param schemaMapping schema names to render in place of declared ones
     * @param listener      the statement listener, or {@code null}
     * @param fetchSize     rows per round trip when streaming
     * @param logBindValues whether debug logging shows bind values
     * @param tenant        the tenant, or {@code null} for an unscoped executor
     */
    public JdbcExecutor(ConnectionSource source, Map<String, String> schemaMapping, QueryListener listener,
                        int fetchSize, boolean logBindValues, TenantContext tenant) {
        this(source, schemaMapping, listener, fetchSize, logBindValues, tenant, new SqlShapes());
    }

    JdbcExecutor(ConnectionSource source, Map<String, String> schemaMapping, QueryListener listener,
                 int fetchSize, boolean logBindValues, TenantContext tenant, SqlShapes shapes) {
        this.source = source;
        this.schemaMapping = Map.copyOf(schemaMapping);
        this.listener = listener;
        this.fetchSize = fetchSize;
        this.logBindValues = logBindValues;
        this.tenant = tenant;
        this.shapes = shapes;
    }

    /**
     * Returns the SQL texts of statement shapes rendered through this executor (and the executors of its
     * transactions, which render alike).
     *
     * @return the shapes
     */
    public SqlShapes shapes() {
        return shapes;
    }

    /**
     * Returns the tenant statements are scoped to, or {@code null}.
     *
     * @return the tenant
     */
    public TenantContext tenant() {
        return tenant;
    }

    /**
     * Returns what a transaction begun for this executor's statements must do first: set the tenant.
     *
     * @return the hook, or {@code null} when unscoped
     */
    LocalTransaction.Begin beginHook() {
        return tenant == null || !tenant.isScoped() ? null : tenant::begin;
    }

    /** Whether a statement must run in a transaction of its own that sets the tenant first. */
    private boolean needsTenantTransaction() {
        return tenant != null && tenant.isScoped() && !source.inTransaction();
    }

    /**
     * Returns the connection source.
     *
     * @return the source
     */
    public ConnectionSource source() {
        return source;
    }

    /**
     * Renders a statement for JDBC.
     *
     * @param statement the statement
     * @return SQL with {@code ?} placeholders, and binds
     */
    public RenderedSql render(QueryPart statement) {
        return statement instanceof SqlShapes.Shaped shaped ? shaped.boundFor(this).rendered()
                : renderFresh(statement);
    }

    /**
     * Renders a statement to run as it is: a statement that takes its SQL text from its shape binds from its
     * own values, without a list of binds (see {@link BoundStatement}).
     *
     * @param statement the statement
     * @return the statement ready to bind
     */
    public BoundStatement bound(QueryPart statement) {
        return statement instanceof SqlShapes.Shaped shaped ? shaped.boundFor(this)
                : BoundStatement.of(renderFresh(statement));
    }

    /**
     * Renders a statement for JDBC without looking at the SQL texts kept by shape (see {@link #shapes()}).
     *
     * @param statement the statement
     * @return SQL with {@code ?} placeholders, and binds
     */
    public RenderedSql renderFresh(QueryPart statement) {
        RenderContext ctx = new RenderContext(ParamStyle.JDBC, schemaMapping);
        if (tenant != null) {
            tenant.configure(ctx, true);
        }
        ctx.visit(statement);
        return ctx.result();
    }

    /**
     * Returns an executor like this one (same schema mapping, listener and fetch size) that runs on another
     * connection source; batches and chunked inserts use it to run on one transaction's connection.
     *
     * @param other the connection source
     * @return the executor
     */
    public JdbcExecutor withSource(ConnectionSource other) {
        return new JdbcExecutor(other, schemaMapping, listener, fetchSize, logBindValues, tenant, shapes);
    }

    /**
     * Logs a statement that ran outside this class (a batch, a COPY) and tells the listener about it.
     *
     * @param rendered the SQL as sent and its binds
     * @param rows     rows affected or copied, or -1 when it failed
     * @param start    {@link System#nanoTime()} when it started
     * @param failure  the error, or {@code null}
     */
    public void executed(RenderedSql rendered, long rows, long start, SleetException failure) {
        done(rendered, rows, start, failure);
    }

    /**
     * Logs statements that ran outside this class as one (a batch of one SQL text) and tells the listener,
     * without collecting their values unless the log shows them.
     *
     * @param sql        the SQL as sent
     * @param binds      how many values were bound in all
     * @param bindValues the values, asked for only when they are logged
     * @param rows       rows affected, or -1 when it failed
     * @param start      {@link System#nanoTime()} when it started
     * @param failure    the error, or {@code null}
     */
    public void executed(String sql, int binds, Supplier<List<Object>> bindValues, long rows, long start,
                         SleetException failure) {
        done(sql, binds, bindValues, rows, start, failure);
    }

    /**
     * Runs a statement that returns rows and reads them all.
     *
     * @param statement the statement
     * @param reader    reads one row
     * @param <R>       the row type
     * @return the rows
     */
    public <R> List<R> fetch(QueryPart statement, RowReader<R> reader) {
        return fetch(render(statement), reader);
    }

    /**
     * Runs an already rendered statement that returns rows (a prepared statement's) and reads them all.
     *
     * @param rendered SQL with JDBC placeholders, and its binds
     * @param reader   reads one row
     * @param <R>      the row type
     * @return the rows
     */
    public <R> List<R> fetch(RenderedSql rendered, RowReader<R> reader) {
        requireBound(BoundStatement.of(rendered));
        if (needsTenantTransaction()) {
            return LocalTransaction.run(this, tx -> tx.fetch(rendered, reader));
        }
        long start = System.nanoTime();
        Connection connection = null;
        try {
            connection = source.acquire();
            try (PreparedStatement ps = connection.prepareStatement(rendered.sql())) {
                BoundStatement.bind(ps, rendered.binds());
                try (ResultSet rs = ps.executeQuery()) {
                    List<R> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(reader.read(rs));
                    }
                    done(rendered, rows.size(), start, null);
                    return rows;
                }
            }
        } catch (SQLException e) {
            throw failed(rendered, start, e);
        } catch (RuntimeException e) {
            done(rendered, -1, start, e instanceof SleetException se ? se : null);
            throw e;
        } finally {
            if (connection != null) {
                source.release(connection);
            }
        }
    }

    /**
     * Runs a statement that returns no rows.
     *
     * @param statement the statement
     * @return the affected row count
     */
    public int execute(QueryPart statement) {
        return execute(bound(statement), false);
    }

    /**
     * Runs an already rendered statement that returns no rows.
     *
     * @param rendered SQL with JDBC placeholders, and its binds
     * @return the affected row count
     */
    public int execute(RenderedSql rendered) {
        return execute(BoundStatement.of(rendered), false);
    }

    /**
     * Runs an insert, update or delete without {@code returning}, which cannot return rows: through
     * {@code executeUpdate()}, which tells pgjdbc that no result is expected, so it does not ask the server to
     * describe one at every execution as {@code execute()} makes it do.
     *
     * @param statement the statement
     * @return the affected row count
     */
    public int executeUpdate(QueryPart statement) {
        return execute(bound(statement), true);
    }

    /**
     * Runs an already rendered insert, update or delete without {@code returning}; see
     * {@link #executeUpdate(QueryPart)}.
     *
     * @param rendered SQL with JDBC placeholders, and its binds
     * @return the affected row count
     */
    public int executeUpdate(RenderedSql rendered) {
        return execute(BoundStatement.of(rendered), true);
    }

    private int execute(BoundStatement statement, boolean noRows) {
        requireBound(statement);
        if (needsTenantTransaction()) {
            return LocalTransaction.run(this, tx -> tx.execute(statement, noRows));
        }
        long start = System.nanoTime();
        Connection connection = null;
        try {
            connection = source.acquire();
            try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
                statement.bindTo(ps);
                int count;
                if (noRows) {
                    count = ps.executeUpdate();
                } else {
                    ps.execute();
                    count = Math.max(ps.getUpdateCount(), 0);
                }
                done(statement, count, start, null);
                return count;
            }
        } catch (SQLException e) {
            throw failed(statement, start, e);
        } finally {
            if (connection != null) {
                source.release(connection);
            }
        }
    }

    /**
     * Runs a statement over a server-side cursor; the stream holds the connection until it is closed or
     * exhausted.
     *
     * @param statement the statement
     * @param reader    reads one row
     * @param <R>       the row type
     * @return the stream; close it
     */
    public <R> Stream<R> stream(QueryPart statement, RowReader<R> reader) {
        RenderedSql rendered = render(statement);
        requireBound(BoundStatement.of(rendered));
        long start = System.nanoTime();
        Cursor<R> cursor = new Cursor<>(rendered, reader, start);
        try {
            cursor.open();
        } catch (SQLException e) {
            SleetException error = SleetException.of(e, rendered.sql(), rendered.binds());
            cursor.fail(error);
            throw error;
        } catch (RuntimeException | Error e) {
            cursor.fail(e);
            throw e;
        }
        return StreamSupport.stream(cursor, false).onClose(cursor::close);
    }

    /** A placeholder outside a prepared statement has no value: say so before anything is sent. */
    private static void requireBound(BoundStatement statement) {
        Placeholder.Slot slot = statement.unbound();
        if (slot != null) {
            throw new IllegalStateException("placeholder \"" + slot.name() + "\" has no value: prepare() the "
                    + "statement and bind(\"" + slot.name() + "\", value) before running it");
        }
    }

    private SleetException failed(BoundStatement statement, long start, SQLException e) {
        SleetException error = SleetException.of(e, statement.sql(), statement.rendered().binds());
        done(statement, -1, start, error);
        return error;
    }

    private SleetException failed(RenderedSql rendered, long start, SQLException e) {
        return failed(BoundStatement.of(rendered), start, e);
    }

    private void done(BoundStatement statement, long rows, long start, SleetException failure) {
        done(statement.sql(), statement.bindCount(), () -> statement.rendered().bindValues(), rows, start, failure);
    }

    private void done(RenderedSql rendered, long rows, long start, SleetException failure) {
        done(BoundStatement.of(rendered), rows, start, failure);
    }

    private void done(String sql, int bindCount, Supplier<List<Object>> bindValues, long rows, long start,
                      SleetException failure) {
        long nanos = System.nanoTime() - start;
        if (SQL_LOG.isDebugEnabled()) {
            // Values only when the application asked for them: they can be passwords or personal data.
            String binds = logBindValues ? bindValues.get().toString() : bindCount + " binds";
            SQL_LOG.debug("{} [{}, {} rows, {} µs]{}", sql, binds, rows, nanos / 1_000,
                    failure == null ? "" : " failed: " + failure.sqlState());
        }
        if (listener != null) {
            try {
                listener.executed(new QueryEvent(sql, bindCount, rows, nanos, failure));
            } catch (RuntimeException e) {
                SQL_LOG.warn("query listener {} threw; ignored", listener, e);
            }
        }
    }

    /** A server-side cursor read in batches of {@code fetchSize} rows; closes itself when exhausted. */
    private final class Cursor<R> extends Spliterators.AbstractSpliterator<R> implements AutoCloseable {

        private final RenderedSql rendered;
        private final RowReader<R> reader;
        private final long start;
        private Connection connection;
        private boolean ownsTransaction;
        private PreparedStatement ps;
        private ResultSet rs;
        private long rows;
        private boolean closed;
        private SleetException failure;

        Cursor(RenderedSql rendered, RowReader<R> reader, long start) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.rendered = rendered;
            this.reader = reader;
            this.start = start;
        }

        void open() throws SQLException {
            connection = source.acquire();
            if (!source.inTransaction() && connection.getAutoCommit()) {
                // PostgreSQL keeps a cursor (and so fetches in batches) only inside a transaction.
                connection.setAutoCommit(false);
                ownsTransaction = true;
                if (tenant != null && tenant.isScoped()) {
                    tenant.begin(connection);
                }
            }
            ps = connection.prepareStatement(rendered.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(fetchSize);
            BoundStatement.bind(ps, rendered.binds());
            rs = ps.executeQuery();
        }

        @Override
        public boolean tryAdvance(Consumer<? super R> action) {
            if (closed) {
                return false;
            }
            try {
                if (!rs.next()) {
                    close();
                    return false;
                }
                rows++;
                action.accept(reader.read(rs));
                return true;
            } catch (SQLException e) {
                SleetException error = SleetException.of(e, rendered.sql(), rendered.binds());
                fail(error);
                throw error;
            } catch (RuntimeException | Error e) {
                // a mapping error or the caller's own exception: the cursor must not keep its connection
                fail(e);
                throw e;
            }
        }

        /** Closes the cursor after a failure; a statement failure is what the listener is told. */
        void fail(Throwable error) {
            if (error instanceof SleetException se) {
                failure = se;
            }
            close();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(rs);
            closeQuietly(ps);
            if (connection != null) {
                if (ownsTransaction) {
                    try {
                        if (failure == null) {
                            connection.commit();
                        } else {
                            connection.rollback();
                        }
                    } catch (SQLException e) {
                        SQL_LOG.warn("could not end the streaming transaction: {}", e.getMessage());
                    }
                    try {
                        connection.setAutoCommit(true);
                    } catch (SQLException e) {
                        SQL_LOG.warn("could not restore autocommit after streaming: {}", e.getMessage());
                    }
                }
                source.release(connection);
            }
            done(rendered, failure == null ? rows : -1, start, failure);
        }

        private void closeQuietly(AutoCloseable c) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    SQL_LOG.debug("closing a cursor resource failed: {}", e.getMessage());
                }
            }
        }
    }
}
