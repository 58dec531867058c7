package dev.sleet.kit.migrate;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code baseline}: records every migration up to and including an id as applied without running it, for a
 * database whose schema already is at that migration. Migrations already recorded are left as they are.
 */
final class BaselineCommand {

    private final MigrationFolder folder;
    private final MigrationHistory history;

    BaselineCommand(MigrationFolder folder, MigrationHistory history) {
        this.folder = folder;
        this.history = history;
    }

    BaselineResult run(String id) throws SQLException {
        if (folder.find(id).isEmpty()) {
            throw Migrator.unknownId(folder, id);
        }
        List<HistoryRow> rows = history.rows();
        new HistoryValidator(folder).verifyChecksums(rows);
        Set<String> recorded = new HashSet<>();
        rows.forEach(r -> recorded.add(r.id()));
        List<String> marked = new ArrayList<>();
        for (Migration m : folder.migrations()) {
            if (m.id().compareTo(id) > 0) {
                break;
            }
            if (!recorded.contains(m.id())) {
                history.insertApplied(m, 0, true);
                marked.add(m.id());
            }
        }
        return new BaselineResult(marked);
    }
}
