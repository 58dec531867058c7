package dev.sleet.kit.generate;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.diff.PossibleRename;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the migrations that take the database from the newest migration's snapshot to a Java schema:
 * {@code <yyyyMMddHHmmss>_<name>/{up.sql, down.sql, snapshot.json}}, each snapshot naming its parent.
 *
 * <p>Changes that PostgreSQL cannot run in a transaction ({@code ALTER TYPE ... ADD VALUE},
 * {@code CREATE INDEX CONCURRENTLY}) go in migrations of their own, marked {@code -- sleet:no-transaction},
 * in order with the rest. A drop and an add that may be a rename stop generation unless the schema says
 * which with {@code renamedFrom(...)}, or the caller allows drops.
 */
public final class Generator {

    private static final DateTimeFormatter ID = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Generator() {
    }

    /**
     * Generates the migrations for a schema.
     *
     * @param schema     the schema declared in Java
     * @param folder     the migrations folder (created when missing)
     * @param name       the migration name: letters, digits, {@code _} and {@code -}
     * @param allowDrops write drops and adds that may be renames as they are
     * @param clock      the clock ids are taken from
     * @return what was written
     * @throws RenameHintMissingException when a drop and an add may be a rename and {@code allowDrops} is off
     */
    public static GenerateResult generate(Schema schema, Path folder, String name, boolean allowDrops, Clock clock) {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("migration name '" + name + "' may hold only letters, digits, _ and -");
        }
        Migration last = null;
        Snapshot previous = Snapshot.empty();
        if (Files.isDirectory(folder)) {
            List<Migration> existing = MigrationFolder.read(folder).migrations();
            if (!existing.isEmpty()) {
                last = existing.get(existing.size() - 1);
                Path snapshotFile = last.directory().resolve(MigrationFolder.SNAPSHOT);
                previous = SnapshotJson.read(read(snapshotFile), snapshotFile.toString());
            }
        }
        Snapshot target = SnapshotBuilder.of(schema);
        List<PossibleRename> renames = Diff.possibleRenames(previous, target);
        if (!renames.isEmpty() && !allowDrops) {
            throw new RenameHintMissingException(renames);
        }
        List<Change> changes = Diff.between(previous, target);
        if (changes.isEmpty()) {
            return new GenerateResult(List.of(), List.of());
        }
        List<List<Change>> segments = segments(changes);
        LocalDateTime next = LocalDateTime.now(clock).withNano(0);
        if (last != null) {
            LocalDateTime after = LocalDateTime.parse(last.id(), ID).plusSeconds(1);
            if (next.isBefore(after)) {
                next = after;   // ids stay increasing even when the clock is behind the newest migration
            }
        }
        List<Path> written = new ArrayList<>();
        String parent = last == null ? null : last.id();
        for (int i = 0; i < segments.size(); i++) {
            List<Change> segment = segments.get(i);
            String id = ID.format(next.plusSeconds(i));
            String dirName = id + "_" + name + (segments.size() > 1 ? "_" + (i + 1) : "");
            Path dir = folder.resolve(dirName);
            boolean noTransaction = MigrationSql.requiresNoTransaction(segment.get(0));
            String marker = noTransaction ? Migration.NO_TRANSACTION_MARKER + "\n" : "";
            write(dir.resolve(MigrationFolder.UP), marker + MigrationSql.up(segment));
            write(dir.resolve(MigrationFolder.DOWN), marker + MigrationSql.down(segment));
            // Every migration of one run records the schema after the run: the state a database reaches once
            // the whole group is applied, which is what the next generate diffs against.
            write(dir.resolve(MigrationFolder.SNAPSHOT), SnapshotJson.write(target.withIds(id, parent)));
            written.add(dir);
            parent = id;
        }
        return new GenerateResult(written, changes);
    }

    /** Consecutive transactional changes together; every change that needs no transaction alone. */
    private static List<List<Change>> segments(List<Change> changes) {
        List<List<Change>> out = new ArrayList<>();
        List<Change> current = new ArrayList<>();
        for (Change c : changes) {
            if (MigrationSql.requiresNoTransaction(c)) {
                if (!current.isEmpty()) {
                    out.add(current);
                    current = new ArrayList<>();
                }
                out.add(List.of(c));
            } else {
                current.add(c);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }
}
