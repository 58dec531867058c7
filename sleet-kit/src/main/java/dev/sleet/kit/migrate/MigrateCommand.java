package dev.sleet.kit.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code migrate}: applies pending migrations in id order, each transactional one in its own transaction together
 * with its history row, each non-transactional one statement by statement with its progress recorded
 * ({@link StepwiseMigration}). Pending migrations older than the newest applied one are applied too, and reported
 * as out of order.
 */
final class MigrateCommand {

    private final MigrationFolder folder;
    private final MigrationHistory history;
    private final Connection connection;
    private final HistoryValidator validator;

    MigrateCommand(MigrationFolder folder, MigrationHistory history, Connection connection) {
        this.folder = folder;
        this.history = history;
        this.connection = connection;
        this.validator = new HistoryValidator(folder);
    }

    /** Validates the history and returns what would run, up to and including {@code toId} (all when null). */
    MigrationPlan plan(List<HistoryRow> rows, String toId) {
        if (toId != null && folder.find(toId).isEmpty()) {
            throw Migrator.unknownId(folder, toId);
        }
        validator.verifyChecksums(rows);
        validator.verifyNoFailure(rows);
        Map<String, HistoryRow> byId = new HashMap<>();
        String newestApplied = null;
        for (HistoryRow row : rows) {
            byId.put(row.id(), row);
            if (newestApplied == null || row.id().compareTo(newestApplied) > 0) {
                newestApplied = row.id();
            }
        }
        List<PlannedMigration> planned = new ArrayList<>();
        for (Migration m : folder.migrations()) {
            if (toId != null && m.id().compareTo(toId) > 0) {
                break;
            }
            HistoryRow row = byId.get(m.id());
            if (row == null) {
                boolean outOfOrder = newestApplied != null && m.id().compareTo(newestApplied) < 0;
                planned.add(new PlannedMigration(m, m.up(), outOfOrder, 0));
            } else if (MigrationHistory.RUNNING.equals(row.state())) {
                // Interrupted earlier (the lock we hold proves its migrator is gone): resume after its progress.
                int done = Math.min(row.done(), m.up().size());
                planned.add(new PlannedMigration(m, m.up().subList(done, m.up().size()), false, done));
            }
        }
        return new MigrationPlan(planned);
    }

    MigrateResult run(String toId) throws SQLException {
        List<HistoryRow> rows = history.rows();
        MigrationPlan plan = plan(rows, toId);
        List<AppliedMigration> applied = new ArrayList<>();
        for (PlannedMigration p : plan.migrations()) {
            long ms = p.migration().transactional() ? runInTransaction(p.migration()) : runStepwise(p);
            applied.add(new AppliedMigration(p.migration().id(), p.migration().name(), ms, p.outOfOrder(),
                    p.resumedAfter()));
        }
        List<String> missing = rows.stream().map(HistoryRow::id).filter(id -> folder.find(id).isEmpty()).toList();
        return new MigrateResult(applied, missing);
    }

    private long runInTransaction(Migration m) throws SQLException {
        StatementRunner runner = new StatementRunner(connection);
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try {
            for (SqlStatement s : m.up()) {
                runner.run(m, m.upFile(), s, "The migration was rolled back: nothing of it is applied");
            }
            long ms = elapsedMs(start);
            history.insertApplied(m, ms, false);
            connection.commit();
            return ms;
        } catch (RuntimeException | SQLException e) {
            Migrator.rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long runStepwise(PlannedMigration p) throws SQLException {
        // A history row means an earlier run stopped inside this migration: killed, or failed and repaired.
        boolean resuming = p.resumedAfter() > 0 || isRecorded(p.migration().id());
        return new StepwiseMigration(connection, history).run(p, resuming);
    }

    private boolean isRecorded(String id) throws SQLException {
        return history.rows().stream().anyMatch(r -> r.id().equals(id));
    }

    static long elapsedMs(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000L;
    }
}
