package dev.sleet.kit.migrate;

import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One migration directory of a {@link MigrationFolder}, read and split into statements.
 *
 * @param id            the 14-digit timestamp id ({@code yyyyMMddHHmmss}); ids order the migrations
 * @param name          the part of the directory name after the id and {@code _}
 * @param directory     the directory
 * @param up            the statements of {@code up.sql}
 * @param down          the statements of {@code down.sql}, or {@code null} when the migration has none
 * @param checksum      SHA-256 of the bytes of {@code up.sql}, lower-case hex
 * @param transactional {@code false} when {@code up.sql} opens with {@code -- sleet:no-transaction}
 * @param downTransactional {@code false} when {@code down.sql} opens with {@code -- sleet:no-transaction}
 * @param parent        the {@code parent} named by {@code snapshot.json}, or {@code null} (first migration, or
 *                      no snapshot)
 */
public record Migration(String id, String name, Path directory, List<SqlStatement> up, List<SqlStatement> down,
                        String checksum, boolean transactional, boolean downTransactional, String parent) {

    /**
     * The marker of a file whose statements must run outside a transaction: on the first line, or among the
     * {@code -- sleet:} marker lines that open the file.
     */
    public static final String NO_TRANSACTION_MARKER = "-- sleet:no-transaction";

    /**
     * The marker of a hand-written migration ({@code sleet generate --custom}), on a line of its own in
     * {@code up.sql}: {@code sleet check} does not compare its SQL with the diff of the snapshots, and
     * {@code generate --rebase} moves it instead of generating it again.
     */
    public static final String CUSTOM_MARKER = "-- sleet:custom";

    /**
     * The marker of a migration written by {@code sleet generate --safe}, on a line of the marker block that
     * opens its files: {@code sleet check} compares its SQL with the safe forms of the diff.
     */
    public static final String SAFE_MARKER = "-- sleet:safe";

    /**
     * Checks the components and copies the lists.
     *
     * @param id            the id
     * @param name          the name
     * @param directory     the directory
     * @param up            the up statements
     * @param down          the down statements, or {@code null}
     * @param checksum      the checksum of {@code up.sql}
     * @param transactional whether up.sql runs in a transaction
     * @param downTransactional whether down.sql runs in a transaction
     * @param parent        the parent id, or {@code null}
     */
    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(checksum, "checksum");
        up = List.copyOf(up);
        down = down == null ? null : List.copyOf(down);
    }

    /**
     * The {@code up.sql} file.
     *
     * @return its path
     */
    public Path upFile() {
        return directory.resolve(MigrationFolder.UP);
    }

    /**
     * The {@code down.sql} file, which may not exist.
     *
     * @return its path
     */
    public Path downFile() {
        return directory.resolve(MigrationFolder.DOWN);
    }

    /**
     * Whether the migration can be rolled back.
     *
     * @return {@code true} when it has a {@code down.sql}
     */
    public boolean hasDown() {
        return down != null;
    }

    /**
     * The down statements.
     *
     * @return them, or empty when the migration has no {@code down.sql}
     */
    public Optional<List<SqlStatement>> downStatements() {
        return Optional.ofNullable(down);
    }

    /**
     * Reads the migration's {@code snapshot.json}: the schema after it.
     *
     * @return the snapshot
     * @throws java.io.UncheckedIOException naming the file when it cannot be read
     * @throws IllegalArgumentException     naming the file when it is not a snapshot
     */
    public Snapshot readSnapshot() {
        Path file = directory.resolve(MigrationFolder.SNAPSHOT);
        try {
            return SnapshotJson.read(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * The directory name, {@code <id>_<name>}.
     *
     * @return the name of the migration's directory
     */
    public String directoryName() {
        return directory.getFileName().toString();
    }
}
