package dev.sleet.kit.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code rollback}: runs {@code down.sql} of applied migrations in the reverse of the order they were applied,
 * each in its own transaction together with the deletion of its history row. Every migration to roll back is
 * checked first (present in the folder, has a {@code down.sql}), so a missing file stops the command before
 * anything runs.
 */
final class RollbackCommand {

    private final MigrationFolder folder;
    private final MigrationHistory history;
    private final Connection connection;

    RollbackCommand(MigrationFolder folder, MigrationHistory history, Connection connection) {
        this.folder = folder;
        this.history = history;
        this.connection = connection;
    }

    RollbackResult steps(int steps) throws SQLException {
        if (steps < 1) {
            throw new IllegalArgumentException("steps must be at least 1, got " + steps);
        }
        List<HistoryRow> rows = checkedRows();
        List<HistoryRow> newestFirst = new ArrayList<>(rows);
        newestFirst.sort(Comparator.comparingLong(HistoryRow::seq).reversed());
        return run(newestFirst.subList(0, Math.min(steps, newestFirst.size())));
    }

    RollbackResult to(String id) throws SQLException {
        List<HistoryRow> rows = checkedRows();
        if (rows.stream().noneMatch(r -> r.id().equals(id))) {
            throw new SleetMigrationException("cannot roll back to migration " + id + ": it is not applied; 'sleet"
                    + " status' lists the applied migrations", id, null, 0, null, null);
        }
        List<HistoryRow> targets = new ArrayList<>(rows.stream().filter(r -> r.id().compareTo(id) > 0).toList());
        targets.sort(Comparator.comparingLong(HistoryRow::seq).reversed());
        return run(targets);
    }

    private List<HistoryRow> checkedRows() throws SQLException {
        List<HistoryRow> rows = history.rows();
        HistoryValidator validator = new HistoryValidator(folder);
        validator.verifyChecksums(rows);
        validator.verifyNoFailure(rows);
        for (HistoryRow row : rows) {
            if (!row.applied()) {
                throw new SleetMigrationException("migration " + row.id() + " was interrupted part-way (it runs"
                        + " without a transaction); run migrate to finish it before rolling back", row.id(),
                        null, 0, null, null);
            }
        }
        return rows;
    }

    private RollbackResult run(List<HistoryRow> targets) throws SQLException {
        List<Migration> migrations = new ArrayList<>();
        for (HistoryRow row : targets) {
            Migration m = folder.find(row.id()).orElseThrow(() -> new SleetMigrationException("cannot roll back"
                    + " migration " + row.id() + "_" + row.name() + ": it is applied but no longer in "
                    + folder.root() + "; restore its directory from version control; nothing was rolled back",
                    row.id(), null, 0, null, null));
            if (!m.hasDown()) {
                throw new SleetMigrationException("cannot roll back migration " + m.id() + ": " + m.downFile()
                        + " does not exist; write it (the statements that undo up.sql) and run rollback again;"
                        + " nothing was rolled back", m.id(), m.downFile(), 0, null, null);
            }
            migrations.add(m);
        }
        List<String> done = new ArrayList<>();
        for (Migration m : migrations) {
            if (m.downTransactional()) {
                runInTransaction(m);
            } else {
                runStepwise(m);
            }
            done.add(m.id());
        }
        return new RollbackResult(done);
    }

    private void runInTransaction(Migration m) throws SQLException {
        StatementRunner runner = new StatementRunner(connection);
        connection.setAutoCommit(false);
        try {
            for (SqlStatement s : m.down()) {
                runner.run(m, m.downFile(), s, "Its rollback was undone: the migration is still applied");
            }
            history.delete(m.id());
            connection.commit();
        } catch (RuntimeException | SQLException e) {
            Migrator.rollbackQuietly(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void runStepwise(Migration m) throws SQLException {
        StatementRunner runner = new StatementRunner(connection);
        for (SqlStatement s : m.down()) {
            runner.run(m, m.downFile(), s, "down.sql runs without a transaction: statements 1 to "
                    + (s.number() - 1) + " of it are applied and the migration is still recorded as applied;"
                    + " finish the rollback by hand, then delete its row from sleet.migrations");
        }
        history.delete(m.id());
    }
}
