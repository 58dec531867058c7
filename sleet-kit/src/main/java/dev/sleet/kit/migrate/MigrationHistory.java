package dev.sleet.kit.migrate;

import dev.sleet.render.RenderContext;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The history table on one connection: {@code sleet.migrations}, or {@code <schema>.sleet_migrations} when a
 * tenant schema is migrated ({@link Migrator#inSchema}), so that each tenant schema records its own migrations. Callers hold the advisory lock for every change;
 * the methods run in whatever transaction the connection is in, so a transactional migration's row is written in
 * the migration's own transaction.
 */
final class MigrationHistory {

    static final String TABLE = "sleet.migrations";
    static final String APPLIED = "applied";
    static final String RUNNING = "running";
    static final String FAILED = "failed";

    private static final String COLUMNS = "seq, id, name, checksum, applied_at, execution_ms, applied_by, state,"
            + " statements_done, baseline, error";

    private final Connection connection;
    private final String schema;
    /** The table as SQL, quoted where needed. */
    private final String table;

    MigrationHistory(Connection connection) {
        this(connection, null);
    }

    /**
     * The history of one tenant schema, or the database's.
     *
     * @param connection the connection
     * @param schema     the tenant schema, or {@code null} for {@code sleet.migrations}
     */
    MigrationHistory(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
        this.table = name(schema);
    }

    /**
     * The history table's name as SQL.
     *
     * @param schema the tenant schema, or {@code null}
     * @return {@code sleet.migrations} or {@code "schema".sleet_migrations}
     */
    static String name(String schema) {
        return schema == null ? TABLE : RenderContext.quoteIdentifier(schema) + ".sleet_migrations";
    }

    boolean exists() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regclass(" + RenderContext.quoteLiteral(table)
                     + ") IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /**
     * Creates schema and table when missing; callers hold the lock, so two migrators never race here. All in one
     * transaction: a migrator killed half-way must not leave a table without its comment, which the next run,
     * seeing the table, would never add.
     */
    void createIfMissing() throws SQLException {
        if (exists()) {
            return;
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        Throwable first = null;
        try (Statement st = connection.createStatement()) {
            if (schema == null) {
                st.execute("CREATE SCHEMA IF NOT EXISTS sleet");
            }
            st.execute("CREATE TABLE IF NOT EXISTS " + table + """
                     (
                        seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
                        id              text PRIMARY KEY,
                        name            text NOT NULL,
                        checksum        text NOT NULL,
                        applied_at      timestamptz NOT NULL DEFAULT now(),
                        execution_ms    bigint NOT NULL DEFAULT 0,
                        applied_by      text NOT NULL DEFAULT current_user,
                        state           text NOT NULL DEFAULT 'applied'
                                        CHECK (state IN ('applied', 'running', 'failed')),
                        statements_done integer,
                        baseline        boolean NOT NULL DEFAULT false,
                        error           text
                    )""");
            st.execute("COMMENT ON TABLE " + table + " IS 'Migrations applied by Sleet; statements_done is the"
                    + " progress of a -- sleet:no-transaction migration'");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            first = e;
            Migrator.rollbackQuietly(connection, e);
            throw e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException e) {
                if (first == null) {
                    throw e;
                }
                first.addSuppressed(e);
            }
        }
    }

    List<HistoryRow> rows() throws SQLException {
        List<HistoryRow> out = new ArrayList<>();
        if (!exists()) {
            return out;
        }
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + COLUMNS + " FROM " + table + " ORDER BY seq")) {
            while (rs.next()) {
                int done = rs.getInt(9);
                Integer statementsDone = rs.wasNull() ? null : done;
                out.add(new HistoryRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getLong(6), rs.getString(7), rs.getString(8),
                        statementsDone, rs.getBoolean(10), rs.getString(11)));
            }
        }
        return out;
    }

    void insertApplied(Migration m, long executionMs, boolean baseline) throws SQLException {
        update("INSERT INTO " + table + " (id, name, checksum, execution_ms, baseline) VALUES (?, ?, ?, ?, ?)",
                m.id(), m.name(), m.checksum(), executionMs, baseline);
    }

    void insertRunning(Migration m) throws SQLException {
        update("INSERT INTO " + table + " (id, name, checksum, state, statements_done) VALUES (?, ?, ?, ?, 0)",
                m.id(), m.name(), m.checksum(), RUNNING);
    }

    void recordProgress(String id, int statementsDone) throws SQLException {
        update("UPDATE " + table + " SET statements_done = ? WHERE id = ?", statementsDone, id);
    }

    void markApplied(String id, long executionMs) throws SQLException {
        update("UPDATE " + table + " SET state = ?, execution_ms = execution_ms + ?, applied_at = now(),"
                + " applied_by = current_user, error = NULL WHERE id = ?", APPLIED, executionMs, id);
    }

    void markFailed(String id, long executionMs, String error) throws SQLException {
        update("UPDATE " + table + " SET state = ?, execution_ms = execution_ms + ?, error = ? WHERE id = ?",
                FAILED, executionMs, error, id);
    }

    void clearFailure(String id) throws SQLException {
        update("UPDATE " + table + " SET state = ?, error = NULL WHERE id = ?", RUNNING, id);
    }

    void updateChecksum(String id, String checksum) throws SQLException {
        update("UPDATE " + table + " SET checksum = ? WHERE id = ?", checksum, id);
    }

    void delete(String id) throws SQLException {
        update("DELETE FROM " + table + " WHERE id = ?", id);
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        }
    }
}
