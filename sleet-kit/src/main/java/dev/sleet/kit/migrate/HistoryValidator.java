package dev.sleet.kit.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the history against the folder before any command changes the database: every applied migration's
 * {@code up.sql} must still have its recorded checksum (all of them are compared, not only the last), and no
 * non-transactional migration may be waiting in the failed state.
 */
final class HistoryValidator {

    private final MigrationFolder folder;

    HistoryValidator(MigrationFolder folder) {
        this.folder = folder;
    }

    void verifyChecksums(List<HistoryRow> rows) {
        List<String> changed = new ArrayList<>();
        Migration first = null;
        HistoryRow firstRow = null;
        for (HistoryRow row : rows) {
            Migration m = folder.find(row.id()).orElse(null);
            if (m != null && !m.checksum().equals(row.checksum())) {
                changed.add(m.upFile().toString());
                if (first == null) {
                    first = m;
                    firstRow = row;
                }
            }
        }
        if (first != null) {
            String others = changed.size() > 1 ? " (also changed: " + String.join(", ", changed.subList(1,
                    changed.size())) + ")" : "";
            throw new SleetMigrationException(first.upFile() + " was changed after migration " + first.id()
                    + " was applied (recorded checksum " + firstRow.checksum().substring(0, 12) + "…, file now "
                    + first.checksum().substring(0, 12) + "…)" + others + "; nothing was run. Restore the file"
                    + " from version control, or run 'sleet repair' to accept the edit",
                    first.id(), first.upFile(), 0, null, null);
        }
    }

    void verifyNoFailure(List<HistoryRow> rows) {
        for (HistoryRow row : rows) {
            if (MigrationHistory.FAILED.equals(row.state())) {
                Migration m = folder.find(row.id()).orElse(null);
                String file = m == null ? row.id() + "_" + row.name() + "/" + MigrationFolder.UP : m.upFile().toString();
                throw new SleetMigrationException("migration " + row.id() + " (" + file + ", no transaction) failed"
                        + " at statement " + (row.done() + 1) + " in an earlier run"
                        + (row.error() == null ? "" : " (" + row.error() + ")") + "; statements 1 to " + row.done()
                        + " are applied. Fix the cause, then run 'sleet repair' and migrate again to resume at"
                        + " statement " + (row.done() + 1), row.id(), m == null ? null : m.upFile(), row.done() + 1,
                        null, null);
            }
        }
    }
}
