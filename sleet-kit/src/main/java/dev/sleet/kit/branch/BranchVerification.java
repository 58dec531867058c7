package dev.sleet.kit.branch;

import dev.sleet.kit.migrate.MigrateResult;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.migrate.RollbackResult;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Tries the pending migrations on a throwaway branch of the target before the target sees them: the branch is
 * created from the target, migrated, rolled back over the migrations just applied (which runs every
 * {@code down.sql}), migrated again, and deleted — whether that worked or not. Only a verification that passed
 * lets the caller go on to migrate the target; a failure leaves the target as it was.
 *
 * <pre>{@code
 * BranchVerification.Result r = BranchVerification.of(branches, folder).verify();
 * Migrator.of(target, folder).migrate();   // only reached when the branch run passed
 * }</pre>
 */
public final class BranchVerification {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final Branches branches;
    private final Path folder;
    private final Function<String, DataSource> connect;
    private String parent;
    private String toId;
    private Consumer<String> log = line -> { };

    private BranchVerification(Branches branches, Path folder, Function<String, DataSource> connect) {
        this.branches = branches;
        this.folder = folder;
        this.connect = connect;
    }

    /**
     * Prepares a verification that connects to the branch with an unpooled data source of its direct URL, which
     * may be a JDBC URL or a {@code postgres://} URI such as Neon's ({@link DatabaseUrl#dataSource()}).
     *
     * @param branches the branches of the target's server or project
     * @param folder   the migrations folder
     * @return the verification, to configure and run
     */
    public static BranchVerification of(Branches branches, Path folder) {
        return of(branches, folder, url -> DatabaseUrl.parse(url).dataSource());
    }

    /**
     * Prepares a verification.
     *
     * @param branches the branches of the target's server or project
     * @param folder   the migrations folder
     * @param connect  turns a branch's direct URL into a data source
     * @return the verification, to configure and run
     */
    public static BranchVerification of(Branches branches, Path folder, Function<String, DataSource> connect) {
        return new BranchVerification(Objects.requireNonNull(branches, "branches"), Objects.requireNonNull(folder,
                "folder"), Objects.requireNonNull(connect, "connect"));
    }

    /**
     * The branch to copy; by default the backend's default parent (the target database).
     *
     * @param parent the parent branch's name, or {@code null}
     * @return this verification
     */
    public BranchVerification from(String parent) {
        this.parent = parent;
        return this;
    }

    /**
     * Verifies the migrations up to and including this one only, as {@code migrate --to} would apply them.
     *
     * @param id the last migration's id, or {@code null} for all pending ones
     * @return this verification
     */
    public BranchVerification to(String id) {
        this.toId = id;
        return this;
    }

    /**
     * Where to report each step, one line at a time: the branch created, each migration applied, rolled back and
     * applied again, the branch deleted.
     *
     * @param log receives the lines
     * @return this verification
     */
    public BranchVerification log(Consumer<String> log) {
        this.log = Objects.requireNonNull(log, "log");
        return this;
    }

    /**
     * What the branch run did.
     *
     * @param branch     the throwaway branch's name (deleted by now)
     * @param applied    the migrations applied on the branch
     * @param rolledBack the migrations undone again with their down files, newest first
     * @param reapplied  the migrations applied a second time
     */
    public record Result(String branch, MigrateResult applied, RollbackResult rolledBack, MigrateResult reapplied) {

        /**
         * Whether there was anything to verify.
         *
         * @return {@code true} when no migration was pending
         */
        public boolean nothingPending() {
            return applied.applied().isEmpty();
        }
    }

    private void deleteIfMade(String name) {
        try {
            if (branches.find(name).isPresent()) {
                branches.delete(name);
                log.accept("deleted branch " + name);
            }
        } catch (RuntimeException e) {
            log.accept("could not delete branch " + name + ": " + e.getMessage());
        }
    }

    private MigrateResult log(String verb, MigrateResult result) {
        result.applied().forEach(m -> log.accept(verb + " " + m.id() + "_" + m.name() + " (" + m.executionMs()
                + " ms)"));
        return result;
    }

    /**
     * Runs the verification. The branch is deleted before this returns or throws.
     *
     * @return what the branch run did
     * @throws dev.sleet.kit.migrate.SleetMigrationException when a migration or down file fails on the branch; its
     *                                                       message names the migration, file and statement
     * @throws BranchException                               when the branch cannot be created or deleted
     */
    public Result verify() {
        String name = "sleet_verify_" + LocalDateTime.now(ZoneOffset.UTC).format(STAMP) + "_"
                + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        Branch branch;
        try {
            branch = branches.create(name, new BranchOptions(parent, false));
        } catch (BranchException e) {
            // a backend that timed out waiting (Neon) may still have made it: do not leave it behind
            deleteIfMade(name);
            throw e;
        }
        log.accept("created branch " + name + " from " + (branch.parent() == null ? "the default branch"
                : branch.parent()));
        boolean passed = false;
        try {
            Migrator migrator = Migrator.of(connect.apply(branches.url(name, false)), folder);
            MigrateResult applied = log("applied", toId == null ? migrator.migrate() : migrator.migrate(toId));
            RollbackResult rolledBack = new RollbackResult(List.of());
            MigrateResult reapplied = applied;
            if (!applied.applied().isEmpty()) {
                rolledBack = migrator.rollback(applied.applied().size());
                for (String id : rolledBack.rolledBack()) {
                    String dir = applied.applied().stream().filter(m -> m.id().equals(id)).findFirst()
                            .map(m -> id + "_" + m.name()).orElse(id);
                    log.accept("rolled back " + dir);
                }
                reapplied = log("applied again", toId == null ? migrator.migrate() : migrator.migrate(toId));
            }
            passed = true;
            return new Result(name, applied, rolledBack, reapplied);
        } finally {
            try {
                branches.delete(name);
                log.accept("deleted branch " + name);
            } catch (RuntimeException e) {
                if (passed) {
                    throw e;
                }
                // the migration's failure is the news; say the branch is left over without hiding it
                log.accept("could not delete branch " + name + ": " + e.getMessage());
            }
        }
    }
}
