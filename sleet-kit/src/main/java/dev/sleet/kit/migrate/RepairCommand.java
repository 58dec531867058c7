package dev.sleet.kit.migrate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code repair}: accepts deliberate edits of applied migrations by recording the files' current checksums, and
 * clears the failed state of non-transactional migrations so that the next {@code migrate} resumes them at the
 * failed statement. Runs in one transaction.
 */
final class RepairCommand {

    private final MigrationFolder folder;
    private final MigrationHistory history;

    RepairCommand(MigrationFolder folder, MigrationHistory history) {
        this.folder = folder;
        this.history = history;
    }

    RepairResult run() throws SQLException {
        List<String> realigned = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        for (HistoryRow row : history.rows()) {
            Migration m = folder.find(row.id()).orElse(null);
            if (m != null && !m.checksum().equals(row.checksum())) {
                history.updateChecksum(row.id(), m.checksum());
                realigned.add(row.id());
            }
            if (MigrationHistory.FAILED.equals(row.state())) {
                history.clearFailure(row.id());
                cleared.add(row.id());
            }
        }
        return new RepairResult(realigned, cleared);
    }
}
