package dev.sleet.kit.migrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code status}: every migration of the folder and of the history, ordered by id, with its state. */
final class StatusCommand {

    private final MigrationFolder folder;

    StatusCommand(MigrationFolder folder) {
        this.folder = folder;
    }

    List<MigrationStatus> run(List<HistoryRow> rows) {
        Map<String, HistoryRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        List<MigrationStatus> out = new ArrayList<>();
        for (Migration m : folder.migrations()) {
            HistoryRow row = byId.remove(m.id());
            if (row == null) {
                out.add(new MigrationStatus(m.id(), m.name(), MigrationState.PENDING, null, ""));
            } else if (!row.applied()) {
                String detail = MigrationHistory.FAILED.equals(row.state())
                        ? "statement " + (row.done() + 1) + " failed"
                        + (row.error() == null ? "" : ": " + row.error()) + "; fix it, run repair, then migrate"
                        : "interrupted after statement " + row.done() + "; migrate resumes it";
                out.add(new MigrationStatus(m.id(), m.name(), MigrationState.FAILED, row.appliedAt(), detail));
            } else if (!m.checksum().equals(row.checksum())) {
                out.add(new MigrationStatus(m.id(), m.name(), MigrationState.CHANGED, row.appliedAt(),
                        m.upFile() + " changed after it was applied; restore it or run repair"));
            } else {
                out.add(new MigrationStatus(m.id(), m.name(), MigrationState.APPLIED, row.appliedAt(),
                        row.baseline() ? "baseline" : ""));
            }
        }
        for (HistoryRow row : byId.values()) {
            out.add(new MigrationStatus(row.id(), row.name(), MigrationState.MISSING, row.appliedAt(),
                    "applied, but its directory is not in " + folder.root()));
        }
        out.sort(Comparator.comparing(MigrationStatus::id));
        return out;
    }
}
