package dev.sleet.kit.generate;

import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;

import java.nio.file.Path;

/** The files of a new custom migration: the marker and where to write, in up.sql and down.sql. */
final class CustomMigration {

    static final String UP = Migration.CUSTOM_MARKER + "\n"
            + "-- Hand-written migration: write its SQL below, statements separated by ';'.\n"
            + "-- sleet check does not compare it with the snapshots, and generate --rebase moves it, never"
            + " rewrites it.\n"
            + "-- To run it outside a transaction (CREATE INDEX CONCURRENTLY), put '"
            + Migration.NO_TRANSACTION_MARKER + "'\n"
            + "-- on the first line, above the marker.\n";

    static final String DOWN = Migration.CUSTOM_MARKER + "\n"
            + "-- Write the SQL that undoes up.sql below. Left without statements, rollback runs nothing for this\n"
            + "-- migration; delete this file if the migration must never be rolled back.\n";

    private CustomMigration() {
    }

    /** Writes the directory {@code folder/dirName}; the snapshot already holds the migration's id and parent. */
    static Path write(Path folder, String dirName, Snapshot snapshot) {
        Path dir = folder.resolve(dirName);
        Generator.write(dir.resolve(MigrationFolder.UP), UP);
        Generator.write(dir.resolve(MigrationFolder.DOWN), DOWN);
        Generator.write(dir.resolve(MigrationFolder.SNAPSHOT), SnapshotJson.write(snapshot));
        return dir;
    }
}
