package dev.sleet.kit.migrate;

import dev.sleet.exec.SleetException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a {@code -- sleet:no-transaction} migration statement by statement, recording its progress in the history
 * so that a run interrupted at any point - a failed statement, a killed migrator, a lost connection - resumes
 * where it stopped.
 *
 * <p>Each statement that may run in a transaction block runs in a transaction of its own together with its
 * progress update, so that it is applied exactly once whenever the migrator dies: both commit or neither does.
 * Statements that refuse a transaction block ({@code CONCURRENTLY}, {@code VACUUM}, ...; see
 * {@link #refusesTransactionBlock(String)}) run on their own, their progress recorded after them, and a migrator
 * killed in between leaves their outcome unknown. The first statement of a resumed run is that uncertain one, so
 * before running it again: a {@code CREATE INDEX CONCURRENTLY} whose index exists and is valid finished and is
 * only recorded; an INVALID index of that name, left by an interrupted or failed build, is dropped and built
 * again; a {@code DROP INDEX CONCURRENTLY} whose index is gone finished and is only recorded. Any other
 * statement that refuses a transaction block is run again, so it should be idempotent.
 */
final class StepwiseMigration {

    /**
     * 25001: the statement cannot run inside a transaction block; 2D000: a procedure or DO block ended the
     * transaction it was called in. PostgreSQL raises both before the statement's effects can commit.
     */
    private static final Set<String> NEEDS_AUTO_COMMIT = Set.of("25001", "2D000");

    /** First words of statements that must run outside a transaction block, or manage transactions themselves. */
    private static final Set<String> OWN_TRANSACTION = Set.of("vacuum", "call", "do", "begin", "start", "commit",
            "end", "rollback", "abort", "savepoint", "release");

    private final Connection connection;
    private final MigrationHistory history;
    private final StatementRunner runner;

    StepwiseMigration(Connection connection, MigrationHistory history) {
        this.connection = connection;
        this.history = history;
        this.runner = new StatementRunner(connection);
    }

    /**
     * Runs the planned statements.
     *
     * @param resuming {@code true} when the history already has a row for the migration (an earlier run was
     *                 interrupted, or failed and was repaired), so the first statement's outcome is uncertain
     * @return the execution time of this run in milliseconds
     */
    long run(PlannedMigration p, boolean resuming) throws SQLException {
        Migration m = p.migration();
        long start = System.nanoTime();
        if (!resuming) {
            history.insertRunning(m);
        }
        List<SqlStatement> statements = p.statements();
        for (int i = 0; i < statements.size(); i++) {
            SqlStatement s = statements.get(i);
            try {
                if (i == 0 && resuming && finishedBefore(m, s)) {
                    history.recordProgress(m.id(), s.number());
                } else {
                    runAndRecord(m, s);
                }
            } catch (SleetMigrationException e) {
                try {
                    history.markFailed(m.id(), MigrateCommand.elapsedMs(start), "statement " + s.number() + ": "
                            + (e.getCause() == null ? e.getMessage() : withoutSql(e.getCause().getMessage())));
                } catch (SQLException | RuntimeException recordFailure) {
                    e.addSuppressed(recordFailure);
                }
                throw e;
            }
        }
        long ms = MigrateCommand.elapsedMs(start);
        history.markApplied(m.id(), ms);
        return ms;
    }

    private void runAndRecord(Migration m, SqlStatement s) throws SQLException {
        String consequence = consequence(s);
        if (!refusesTransactionBlock(s.sql()) && runInTransaction(m, s, consequence)) {
            return;
        }
        runner.run(m, m.upFile(), s, consequence);
        history.recordProgress(m.id(), s.number());
    }

    /**
     * Runs a statement and records its progress in one transaction.
     *
     * @return {@code false} when PostgreSQL refused to run the statement in a transaction block (nothing of it
     *         was applied), so it must run on its own
     */
    private boolean runInTransaction(Migration m, SqlStatement s, String consequence) throws SQLException {
        connection.setAutoCommit(false);
        Throwable first = null;
        try {
            runner.run(m, m.upFile(), s, consequence);
            history.recordProgress(m.id(), s.number());
            connection.commit();
            return true;
        } catch (SleetMigrationException e) {
            Migrator.rollbackQuietly(connection, e);
            if (NEEDS_AUTO_COMMIT.contains(e.sqlState())) {
                return false;
            }
            first = e;
            throw e;
        } catch (SQLException | RuntimeException e) {
            Migrator.rollbackQuietly(connection, e);
            first = e;
            throw e;
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                if (first == null) {
                    throw e;
                }
                first.addSuppressed(e);   // a broken connection: the statement's own error is the one to report
            }
        }
    }

    /**
     * Settles the uncertain first statement of a resumed run: {@code true} when it finished before the
     * interruption and must not run again. Drops the INVALID leftover of an interrupted index build, so that the
     * statement can build the index afresh.
     */
    private boolean finishedBefore(Migration m, SqlStatement s) throws SQLException {
        Optional<ConcurrentIndexStatement> parsed = ConcurrentIndexStatement.parse(s.sql());
        if (parsed.isEmpty()) {
            return false;
        }
        if (parsed.get() instanceof ConcurrentIndexStatement.Drop drop) {
            return !exists(drop.index());
        }
        ConcurrentIndexStatement.Create create = (ConcurrentIndexStatement.Create) parsed.get();
        try (PreparedStatement ps = connection.prepareStatement("SELECT n.nspname, i.indisvalid FROM pg_index i"
                + " JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE i.indrelid = to_regclass(?) AND c.relname = ?")) {
            ps.setString(1, create.table().sql());
            ps.setString(2, create.index());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                if (rs.getBoolean(2)) {
                    return true;
                }
                dropInvalid(m, s, new ConcurrentIndexStatement.Name(rs.getString(1), create.index()));
                return false;
            }
        }
    }

    private boolean exists(ConcurrentIndexStatement.Name name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, name.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private void dropInvalid(Migration m, SqlStatement s, ConcurrentIndexStatement.Name index) {
        String sql = "DROP INDEX CONCURRENTLY " + index.sql();
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            SleetException cause = SleetException.of(e, sql, null);
            throw new SleetMigrationException("migration " + m.id() + " cannot resume at statement " + s.number()
                    + " (line " + s.line() + ") of " + m.upFile() + ": the INVALID index " + index.sql() + " left by"
                    + " the interrupted index build could not be dropped: " + cause.getMessage() + ". Drop it, then"
                    + " run 'sleet repair' and migrate again", m.id(), m.upFile(), s.number(), sql, cause);
        }
    }

    /**
     * Whether a statement must run outside a transaction block: anything {@code CONCURRENTLY}, {@code VACUUM},
     * {@code CREATE/DROP DATABASE}, {@code CREATE/DROP TABLESPACE}, {@code ALTER SYSTEM}, and procedures, DO
     * blocks and transaction control, which may commit on their own. Statements this misses are still run right:
     * PostgreSQL refuses them in a transaction block before doing anything (SQLSTATE 25001), and they are run
     * again on their own.
     *
     * @param sql the statement
     * @return {@code true} when it runs in auto-commit mode, its progress recorded after it
     */
    static boolean refusesTransactionBlock(String sql) {
        List<SqlWord> words = SqlWord.of(sql);
        if (words.isEmpty()) {
            return false;
        }
        if (words.stream().anyMatch(w -> w.is("concurrently"))) {
            return true;
        }
        SqlWord first = words.get(0);
        if (first.kind() == SqlWord.Kind.WORD && OWN_TRANSACTION.contains(first.text())) {
            return true;
        }
        SqlWord second = words.size() > 1 ? words.get(1) : null;
        return second != null && ((first.is("create") || first.is("drop"))
                && (second.is("database") || second.is("tablespace"))
                || first.is("alter") && second.is("system"));
    }

    private static String consequence(SqlStatement s) {
        String applied = s.number() == 1 ? "none of its statements is applied"
                : "statements 1 to " + (s.number() - 1) + " are applied and recorded";
        return "This migration runs without a transaction: " + applied + ". Fix the cause, then run 'sleet repair'"
                + " and migrate again to resume at statement " + s.number() + " (an INVALID index left by a failed"
                + " CREATE INDEX CONCURRENTLY is dropped and built again then)";
    }

    private static String withoutSql(String message) {
        int cut = message.indexOf(" in: ");
        return cut < 0 ? message : message.substring(0, cut);
    }
}
