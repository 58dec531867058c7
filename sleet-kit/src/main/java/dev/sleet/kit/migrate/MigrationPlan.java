package dev.sleet.kit.migrate;

import java.util.List;

/**
 * The migrations a {@code migrate} would run, in order; {@link Migrator#dryRun()} returns it without running
 * anything.
 *
 * @param migrations the planned migrations
 */
public record MigrationPlan(List<PlannedMigration> migrations) {

    /**
     * Copies the list.
     *
     * @param migrations the planned migrations
     */
    public MigrationPlan {
        migrations = List.copyOf(migrations);
    }

    /**
     * Whether there is nothing to run.
     *
     * @return {@code true} when the database is up to date
     */
    public boolean isEmpty() {
        return migrations.isEmpty();
    }

    /**
     * The SQL that would run, as one script: for each migration a comment naming its file (and whether it runs
     * outside a transaction), then its statements, each ending with {@code ;}.
     *
     * @return the script; empty when there is nothing to run
     */
    public String sql() {
        StringBuilder out = new StringBuilder();
        for (PlannedMigration p : migrations) {
            Migration m = p.migration();
            out.append("-- ").append(m.directoryName()).append('/').append(MigrationFolder.UP);
            if (!m.transactional()) {
                out.append(" (no transaction)");
            }
            if (p.resumedAfter() > 0) {
                out.append(" (resumed after statement ").append(p.resumedAfter()).append(')');
            }
            if (p.outOfOrder()) {
                out.append(" (out of order)");
            }
            out.append('\n');
            for (SqlStatement s : p.statements()) {
                out.append(s.sql()).append(";\n");
            }
            out.append('\n');
        }
        return out.toString();
    }
}
