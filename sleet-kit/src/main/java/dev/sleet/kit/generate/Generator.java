package dev.sleet.kit.generate;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.ddl.MigrationStep;
import dev.sleet.kit.ddl.SafeMigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the migrations that take the database from the newest migration's snapshot to a Java schema:
 * {@code <yyyyMMddHHmmss>_<name>/{up.sql, down.sql, snapshot.json}}, each snapshot naming its parent.
 *
 * <p>Changes that PostgreSQL cannot run in a transaction ({@code ALTER TYPE ... ADD VALUE},
 * {@code CREATE INDEX CONCURRENTLY}) go in migrations of their own, marked {@code -- sleet:no-transaction},
 * in order with the rest. A drop and an add that may be a rename stop generation unless the schema says
 * which with {@code renamedFrom(...)}, a {@link RenamePrompt} confirms it, or the caller allows drops.
 *
 * <p>Besides generating: {@link #custom} writes an empty, hand-written migration, and {@link #rebase}
 * re-generates the migrations of a branch that forked from the same parent as another.
 */
public final class Generator {

    private Generator() {
    }

    /**
     * Generates the migrations for a schema, asking no one about possible renames.
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
        return generate(schema, folder, name, allowDrops, clock, null);
    }

    /**
     * Generates the migrations for a schema, asking about each drop and add that may be a rename. A confirmed
     * rename is written as a rename and recorded in the new snapshot as if the schema declared it; a declined
     * one is a drop and an add, which needs {@code allowDrops}.
     *
     * @param schema     the schema declared in Java
     * @param folder     the migrations folder (created when missing)
     * @param name       the migration name: letters, digits, {@code _} and {@code -}
     * @param allowDrops write drops and adds that may be renames as they are
     * @param clock      the clock ids are taken from
     * @param prompt     who to ask, or {@code null} when no one can be asked (then every possible rename needs a
     *                   {@code renamedFrom(...)} hint or {@code allowDrops})
     * @return what was written, with the renames confirmed
     * @throws RenameHintMissingException when a drop and an add that may be a rename remain and {@code allowDrops}
     *                                    is off
     */
    public static GenerateResult generate(Schema schema, Path folder, String name, boolean allowDrops, Clock clock,
                                          RenamePrompt prompt) {
        return generate(schema, folder, name, allowDrops, clock, prompt, false);
    }

    /**
     * Generates the migrations for a schema like {@link #generate(Schema, Path, String, boolean, Clock,
     * RenamePrompt)}; with {@code safe}, in the forms that keep locks short on tables in use
     * ({@link SafeMigrationSql}): {@code lock_timeout} first, constraints added {@code NOT VALID} and validated in
     * a later migration, indexes built {@code CONCURRENTLY}. Each file then carries the
     * {@value Migration#SAFE_MARKER} marker, which {@code sleet check} reads to compare it with the same form.
     *
     * @param schema     the schema declared in Java
     * @param folder     the migrations folder (created when missing)
     * @param name       the migration name: letters, digits, {@code _} and {@code -}
     * @param allowDrops write drops and adds that may be renames as they are
     * @param clock      the clock ids are taken from
     * @param prompt     who to ask about possible renames, or {@code null}
     * @param safe       write the safe forms
     * @return what was written, with the renames confirmed
     * @throws RenameHintMissingException when a drop and an add that may be a rename remain and {@code allowDrops}
     *                                    is off
     */
    public static GenerateResult generate(Schema schema, Path folder, String name, boolean allowDrops, Clock clock,
                                          RenamePrompt prompt, boolean safe) {
        checkName(name);
        Migration last = newest(folder);
        Snapshot previous = last == null ? Snapshot.empty() : last.readSnapshot();
        RenameResolution.Resolved resolved = RenameResolution.resolve(previous, SnapshotBuilder.of(schema),
                allowDrops, prompt);
        List<Change> changes = Diff.between(previous, resolved.target());
        if (changes.isEmpty()) {
            return new GenerateResult(List.of(), List.of(), resolved.confirmed());
        }
        String parent = last == null ? null : last.id();
        List<Path> written = write(folder, name, changes, safe, resolved.target(), parent,
                new IdSequence(clock, parent));
        return new GenerateResult(written, changes, resolved.confirmed());
    }

    /**
     * Writes an empty migration for hand-written SQL, such as a data migration: {@code up.sql} and
     * {@code down.sql} hold the {@value Migration#CUSTOM_MARKER} marker and a comment saying where the SQL
     * goes, and {@code snapshot.json} is the newest migration's snapshot, since Sleet cannot know what the SQL
     * changes. {@code sleet check} does not compare a custom migration's SQL with the snapshots.
     *
     * @param folder the migrations folder (created when missing)
     * @param name   the migration name: letters, digits, {@code _} and {@code -}
     * @param clock  the clock the id is taken from
     * @return the directory written; no changes
     */
    public static GenerateResult custom(Path folder, String name, Clock clock) {
        return custom(folder, name, null, clock);
    }

    /**
     * Writes an empty custom migration, like {@link #custom(Path, String, Clock)}, whose hand-written SQL will
     * take the database to a Java schema: {@code snapshot.json} records that schema, so that the next
     * {@code generate} starts from it. This is the way through a change that {@code generate} refuses, such as
     * removing an enum value: declare the new schema, write the SQL that gets there, and the snapshots agree.
     *
     * @param folder      the migrations folder (created when missing)
     * @param name        the migration name: letters, digits, {@code _} and {@code -}
     * @param schemaAfter the schema the hand-written SQL leads to, or {@code null} for the newest snapshot's
     * @param clock       the clock the id is taken from
     * @return the directory written; no changes
     */
    public static GenerateResult custom(Path folder, String name, Schema schemaAfter, Clock clock) {
        checkName(name);
        Migration last = newest(folder);
        Snapshot after = schemaAfter != null ? SnapshotBuilder.of(schemaAfter)
                : last == null ? Snapshot.empty() : last.readSnapshot();
        String parent = last == null ? null : last.id();
        String id = new IdSequence(clock, parent).next();
        return new GenerateResult(List.of(CustomMigration.write(folder, id + "_" + name, after.withIds(id, parent))),
                List.of());
    }

    /**
     * Re-generates the migrations of a branch that forked: when two migrations name the same parent (two git
     * branches that each generated a migration, then merged), the one with the later id, with everything that
     * follows it, is removed and generated again from the Java schema on top of the other branch, under the
     * same name and a newer id. Custom migrations on that branch cannot be generated again; they are moved
     * instead (see {@link RebaseResult}). Nothing is removed until the new migrations are known, so a refusal or
     * a missing rename hint leaves the folder as it was.
     *
     * <p>A database that applied a removed migration must roll it back, with the folder as it was before the
     * rebase, before it migrates the new one: the new migration makes the same changes again.
     *
     * @param schema     the schema declared in Java (all branches merged)
     * @param folder     the migrations folder
     * @param allowDrops write drops and adds that may be renames as they are
     * @param clock      the clock new ids are taken from
     * @param prompt     who to ask about possible renames, or {@code null}
     * @return what was removed, moved and written; {@link RebaseResult#nothingToDo()} when the migrations
     *         already form one chain
     * @throws RebaseRefusedException     when the branch cannot be re-generated safely (the message says why and
     *                                    what to do)
     * @throws RenameHintMissingException when a drop and an add that may be a rename remain and {@code allowDrops}
     *                                    is off
     */
    public static RebaseResult rebase(Schema schema, Path folder, boolean allowDrops, Clock clock,
                                      RenamePrompt prompt) {
        return rebase(schema, folder, allowDrops, clock, prompt, false);
    }

    /**
     * Re-generates the migrations of a branch that forked, like {@link #rebase(Schema, Path, boolean, Clock,
     * RenamePrompt)}, in the safe forms when {@code safe} is set or any migration it re-generates was written
     * with them.
     *
     * @param schema     the schema declared in Java (all branches merged)
     * @param folder     the migrations folder
     * @param allowDrops write drops and adds that may be renames as they are
     * @param clock      the clock new ids are taken from
     * @param prompt     who to ask about possible renames, or {@code null}
     * @param safe       write the safe forms ({@link SafeMigrationSql})
     * @return what was removed, moved and written
     * @throws RebaseRefusedException     when the branch cannot be re-generated safely
     * @throws RenameHintMissingException when a drop and an add that may be a rename remain and {@code allowDrops}
     *                                    is off
     */
    public static RebaseResult rebase(Schema schema, Path folder, boolean allowDrops, Clock clock,
                                      RenamePrompt prompt, boolean safe) {
        return new Rebase(folder, clock).run(schema, allowDrops, prompt, safe);
    }

    // ------------------------------------------------------------------------------------------ shared steps

    static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9_\\-]+")) {
            throw new IllegalArgumentException("migration name '" + name + "' may hold only letters, digits, _ and -");
        }
    }

    /** The newest migration of a folder, or {@code null} when the folder is missing or empty. */
    private static Migration newest(Path folder) {
        if (!Files.isDirectory(folder)) {
            return null;
        }
        List<Migration> existing = MigrationFolder.read(folder).migrations();
        return existing.isEmpty() ? null : existing.get(existing.size() - 1);
    }

    /**
     * Writes the migrations of one run: consecutive transactional changes together, every change that needs no
     * transaction alone (with {@code safe}, the steps of {@link SafeMigrationSql}), each named
     * {@code <id>_<name>}, or {@code <id>_<name>_<n>} when there are several.
     */
    static List<Path> write(Path folder, String name, List<Change> changes, boolean safe, Snapshot target,
                            String parent, IdSequence ids) {
        List<MigrationStep> steps = safe ? SafeMigrationSql.steps(changes) : MigrationSql.steps(changes);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            MigrationStep step = steps.get(i);
            String id = ids.next();
            Path dir = folder.resolve(id + "_" + name + (steps.size() > 1 ? "_" + (i + 1) : ""));
            String markers = (safe ? Migration.SAFE_MARKER + "\n" : "")
                    + (step.transactional() ? "" : Migration.NO_TRANSACTION_MARKER + "\n");
            write(dir.resolve(MigrationFolder.UP), markers + step.upScript());
            write(dir.resolve(MigrationFolder.DOWN), markers + step.downScript());
            // Every migration of one run records the schema after the run: the state a database reaches once
            // the whole group is applied, which is what the next generate diffs against.
            write(dir.resolve(MigrationFolder.SNAPSHOT), SnapshotJson.write(target.withIds(id, parent)));
            written.add(dir);
            parent = id;
        }
        return written;
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text.endsWith("\n") ? text : text + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be written: " + e.getMessage(), e);
        }
    }
}
