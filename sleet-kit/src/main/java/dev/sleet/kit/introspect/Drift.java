package dev.sleet.kit.introspect;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.migrate.MigrationState;
import dev.sleet.kit.migrate.MigrationStatus;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.Snapshot;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares a live database with the snapshot of its newest applied migration: a column, index or policy added
 * or changed by hand shows up, as does one the migrations created and someone removed.
 *
 * <pre>{@code
 * DriftReport report = Drift.check(dataSource, Path.of("migrations"));
 * report.lines().forEach(System.out::println);
 * }</pre>
 *
 * <p>The database is read with {@link Introspector} (every user schema but {@code sleet}; roles only those the
 * snapshot declares, since roles belong to the cluster) and the snapshot is put in PostgreSQL's printing with
 * {@link SnapshotNormalizer} on the same connection; their {@link Diff} is the drift.
 */
public final class Drift {

    private Drift() {
    }

    /**
     * Checks a database for drift.
     *
     * @param dataSource the database, migrated by the folder's migrations
     * @param folder     the migrations folder
     * @return the report; without an applied migration, an empty report naming none
     * @throws IllegalStateException when the catalog cannot be read, naming the database error
     */
    public static DriftReport check(DataSource dataSource, Path folder) {
        String newest = null;
        for (MigrationStatus s : Migrator.of(dataSource, folder).status()) {
            if (s.state() == MigrationState.APPLIED && (newest == null || s.id().compareTo(newest) > 0)) {
                newest = s.id();
            }
        }
        if (newest == null) {
            return new DriftReport(null, List.of(), List.of());
        }
        Snapshot expected = snapshotOf(folder, newest);
        List<String> roles = expected.roles().stream().map(RoleSnapshot::name).toList();
        List<Change> changes;
        try (Connection c = dataSource.getConnection()) {
            Snapshot live = Introspector.read(c, IntrospectFilter.all().roles(roles.toArray(String[]::new)));
            Snapshot normalized = SnapshotNormalizer.normalize(expected, c);
            changes = Diff.between(SnapshotNormalizer.settleAgainst(live, normalized, c), normalized);
        } catch (SQLException e) {
            throw new IllegalStateException("drift check: the catalog could not be read: " + e.getMessage(), e);
        }
        List<String> lines = new ArrayList<>();
        for (Change change : changes) {
            lines.add(describe(change) + "; to restore: " + String.join("; ", MigrationSql.up(change)));
        }
        return new DriftReport(newest, changes, lines);
    }

    private static Snapshot snapshotOf(Path folder, String id) {
        for (Migration m : MigrationFolder.read(folder).migrations()) {
            if (m.id().equals(id)) {
                return m.readSnapshot();
            }
        }
        throw new IllegalStateException("drift check: migration " + id + " is applied but not in " + folder);
    }

    /** What differs, said from the database's side: the change is what would undo it. */
    static String describe(Change change) {
        String extra = " is in the database but not in the migrations";
        String missing = " is in the migrations but not in the database";
        if (change instanceof Change.DropTable c) {
            return "table " + c.table().qualifiedName() + extra;
        } else if (change instanceof Change.CreateTable c) {
            return "table " + c.table().qualifiedName() + missing;
        } else if (change instanceof Change.DropColumn c) {
            return "column " + c.table() + "." + c.column().name() + extra;
        } else if (change instanceof Change.AddColumn c) {
            return "column " + c.table() + "." + c.column().name() + missing;
        } else if (change instanceof Change.AlterColumnType c) {
            return "column " + c.table() + "." + c.column() + " is " + c.fromType() + " in the database, "
                    + c.toType() + " in the migrations";
        } else if (change instanceof Change.AlterNullability c) {
            return "column " + c.table() + "." + c.column() + " is " + (c.notNull() ? "nullable" : "not null")
                    + " in the database, " + (c.notNull() ? "not null" : "nullable") + " in the migrations";
        } else if (change instanceof Change.AlterDefault c) {
            return "the default of " + c.table() + "." + c.column() + " is " + (c.before() == null ? "none"
                    : c.before()) + " in the database, " + (c.after() == null ? "none" : c.after())
                    + " in the migrations";
        } else if (change instanceof Change.DropIndex c) {
            return "index " + c.index().name() + " on " + c.table() + extra;
        } else if (change instanceof Change.CreateIndex c) {
            return "index " + c.index().name() + " on " + c.table() + missing;
        } else if (change instanceof Change.DropPolicy c) {
            return "policy " + c.policy().name() + " on " + c.table() + extra;
        } else if (change instanceof Change.CreatePolicy c) {
            return "policy " + c.policy().name() + " on " + c.table() + missing;
        } else if (change instanceof Change.AlterRowLevelSecurity c) {
            return "row-level security on " + c.table() + " is " + rls(c.enabledBefore(), c.forcedBefore())
                    + " in the database, " + rls(c.enabled(), c.forced()) + " in the migrations";
        } else if (change instanceof Change.DropForeignKey c) {
            return "foreign key " + c.key().name() + " on " + c.table() + extra;
        } else if (change instanceof Change.AddForeignKey c) {
            return "foreign key " + c.key().name() + " on " + c.table() + missing;
        } else if (change instanceof Change.RevokePrivileges c) {
            return "privileges " + String.join(", ", c.privileges()) + " on " + c.table() + " to " + c.role()
                    + " are granted in the database, not in the migrations";
        } else if (change instanceof Change.GrantPrivileges c) {
            return "privileges " + String.join(", ", c.privileges()) + " on " + c.table() + " to " + c.role()
                    + " are missing from the database";
        } else if (change instanceof Change.DropCheck c) {
            return "check " + c.check().name() + " on " + c.table() + extra;
        } else if (change instanceof Change.AddCheck c) {
            return "check " + c.check().name() + " on " + c.table() + missing;
        }
        return "the database differs (" + change.getClass().getSimpleName() + ")";
    }

    private static String rls(boolean enabled, boolean forced) {
        return forced ? "forced" : enabled ? "enabled" : "off";
    }
}
