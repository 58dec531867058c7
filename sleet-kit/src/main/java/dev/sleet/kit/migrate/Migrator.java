package dev.sleet.kit.migrate;

import dev.sleet.exec.SleetException;
import dev.sleet.render.RenderContext;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Applies a migrations folder to a database, and rolls back, reports, repairs and baselines it.
 *
 * <pre>{@code
 * Migrator migrator = Migrator.of(dataSource, Path.of("migrations"));
 * MigrateResult result = migrator.migrate();          // on application start-up
 * result.appliedIds().forEach(id -> log.info("applied {}", id));
 * }</pre>
 *
 * <p>Every command re-reads the folder ({@link MigrationFolder#read(Path)}) and works on one connection of the
 * data source. Commands that change the database hold a session-level PostgreSQL advisory lock (a fixed key
 * derived from {@code "sleet.migrations"}) for their whole run: a second migrator waits for the first, then finds
 * nothing left to do; the lock is released at the end, and PostgreSQL drops it with the session if the process
 * dies. They create the schema {@code sleet} and the history table {@code sleet.migrations} when missing, and
 * verify the checksum of <em>every</em> applied migration before running anything.
 *
 * <p>Errors are {@link SleetMigrationException}s naming the migration id, the file and, for a failed statement,
 * its number; a {@link MigrationFolderException} reports a malformed folder. Instances are immutable and
 * thread-safe; concurrent commands on one database are serialised by the lock.
 */
public final class Migrator {

    private final DataSource dataSource;
    private final Path folder;
    private final String schema;

    private Migrator(DataSource dataSource, Path folder, String schema) {
        this.dataSource = dataSource;
        this.folder = folder;
        this.schema = schema;
    }

    /**
     * Returns a migrator for one tenant schema (schema-per-tenant): every command runs with the connection's
     * {@code search_path} set to the schema, so the migrations' tables (declared without a schema, and so
     * written without one) are created there, and records its history in {@code <schema>.sleet_migrations}.
     * The search path is reset when the command ends. The schema must exist.
     *
     * @param tenantSchema the schema
     * @return the migrator
     */
    public Migrator inSchema(String tenantSchema) {
        if (tenantSchema == null || tenantSchema.isBlank()) {
            throw new IllegalArgumentException("tenant schema '" + tenantSchema + "' is not a schema name");
        }
        return new Migrator(dataSource, folder, tenantSchema);
    }

    /**
     * Creates a migrator. Nothing is read or connected until a command runs.
     *
     * @param dataSource where to migrate; each command borrows one connection and returns it
     * @param folder     the migrations folder
     * @return the migrator
     */
    public static Migrator of(DataSource dataSource, Path folder) {
        return new Migrator(Objects.requireNonNull(dataSource, "dataSource"), Objects.requireNonNull(folder, "folder"),
                null);
    }

    /**
     * Applies every pending migration, in id order. A pending migration older than the newest applied one (merged
     * from another branch) is applied too and reported in {@link MigrateResult#outOfOrder()}; an interrupted
     * {@code -- sleet:no-transaction} migration is resumed after its last completed statement. Each statement of
     * such a migration that can run in a transaction commits together with its recorded progress, so a migrator
     * killed at any point never runs one twice; a named {@code CREATE/DROP INDEX CONCURRENTLY} that the killed run
     * finished is recorded without running again, and the INVALID index of an interrupted build is dropped and
     * built again.
     *
     * @return the migrations applied, with their timings
     * @throws SleetMigrationException when an applied migration's file changed, a failed migration waits for
     *                                 {@link #repair()}, or a statement fails (the failing migration is rolled back)
     * @throws MigrationFolderException when the folder is malformed
     */
    public MigrateResult migrate() {
        return migrate(null);
    }

    /**
     * Applies pending migrations up to and including {@code toId}.
     *
     * @param toId the last migration to apply, or {@code null} for all
     * @return the migrations applied, with their timings
     * @throws SleetMigrationException as {@link #migrate()} does, and when {@code toId} is not in the folder
     */
    public MigrateResult migrate(String toId) {
        return locked((f, c, h) -> new MigrateCommand(f, h, c).run(toId));
    }

    /**
     * What {@link #migrate()} would run, without running or locking anything. The history is validated as for
     * {@code migrate}, so a changed file fails here too.
     *
     * @return the plan; {@link MigrationPlan#sql()} gives the script
     */
    public MigrationPlan dryRun() {
        return dryRun(null);
    }

    /**
     * What {@link #migrate(String)} would run, without running or locking anything.
     *
     * @param toId the last migration to include, or {@code null} for all
     * @return the plan
     */
    public MigrationPlan dryRun(String toId) {
        return unlocked((f, c, h) -> new MigrateCommand(f, h, c).plan(h.rows(), toId));
    }

    /**
     * Rolls back the {@code steps} most recently applied migrations, newest first: each one's {@code down.sql}
     * runs in a transaction that also deletes its history row. Before anything runs, each of them must be in the
     * folder with a {@code down.sql}.
     *
     * @param steps how many migrations to roll back, at least 1; more than are applied rolls back all
     * @return the ids rolled back, in order
     * @throws SleetMigrationException when a migration has no {@code down.sql}, is missing, or a statement fails
     */
    public RollbackResult rollback(int steps) {
        return locked((f, c, h) -> new RollbackCommand(f, h, c).steps(steps));
    }

    /**
     * Rolls back every applied migration whose id is greater than {@code id}, newest applied first, so that
     * {@code id} is the latest applied migration afterwards.
     *
     * @param id an applied migration
     * @return the ids rolled back, in order
     * @throws SleetMigrationException when {@code id} is not applied, or as {@link #rollback(int)}
     */
    public RollbackResult rollbackTo(String id) {
        Objects.requireNonNull(id, "id");
        return locked((f, c, h) -> new RollbackCommand(f, h, c).to(id));
    }

    /**
     * Every migration of the folder and of the history, ordered by id, with its state. Takes no lock and creates
     * nothing.
     *
     * @return the status lines
     */
    public List<MigrationStatus> status() {
        return unlocked((f, c, h) -> new StatusCommand(f).run(h.rows()));
    }

    /**
     * Records the current checksum of every applied migration whose {@code up.sql} was edited, and clears the
     * failed state of non-transactional migrations so that the next {@link #migrate()} resumes them at the
     * failed statement. Runs nothing from the folder.
     *
     * @return what was changed in the history
     */
    public RepairResult repair() {
        return locked((f, c, h) -> inTransaction(c, () -> new RepairCommand(f, h).run()));
    }

    /**
     * Records every migration up to and including {@code id} as applied without running it, for a database that
     * already has that schema. Migrations already recorded are kept.
     *
     * @param id the migration the database is at
     * @return the ids recorded
     * @throws SleetMigrationException when {@code id} is not in the folder or an applied file changed
     */
    public BaselineResult baseline(String id) {
        Objects.requireNonNull(id, "id");
        return locked((f, c, h) -> inTransaction(c, () -> new BaselineCommand(f, h).run(id)));
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(MigrationFolder folder, Connection connection, MigrationHistory history) throws SQLException;
    }

    @FunctionalInterface
    private interface TxWork<T> {
        T run() throws SQLException;
    }

    private <T> T locked(Work<T> work) {
        MigrationFolder f = MigrationFolder.read(folder);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            AdvisoryLock lock = new AdvisoryLock(c);
            lock.acquire();
            Throwable first = null;
            try {
                enterSchema(c);
                MigrationHistory history = new MigrationHistory(c, schema);
                history.createIfMissing();
                return work.run(f, c, history);
            } catch (RuntimeException | SQLException e) {
                first = e;
                throw e;
            } finally {
                try {
                    leaveSchema(c);
                    lock.release();
                } catch (SQLException e) {
                    // A broken connection loses the lock anyway; never hide the first error behind this one.
                    if (first != null) {
                        first.addSuppressed(e);
                    } else {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw historyError(e);
        }
    }

    private <T> T unlocked(Work<T> work) {
        MigrationFolder f = MigrationFolder.read(folder);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            enterSchema(c);
            try {
                return work.run(f, c, new MigrationHistory(c, schema));
            } finally {
                leaveSchema(c);
            }
        } catch (SQLException e) {
            throw historyError(e);
        }
    }

    /** For a tenant schema: checks that it exists and puts it first on the session's search path. */
    private void enterSchema(Connection c) throws SQLException {
        if (schema == null) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("select exists (select from pg_namespace where nspname = ?)")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw new SleetMigrationException("tenant schema " + schema + " does not exist; create it first"
                            + " (create schema " + RenderContext.quoteIdentifier(schema) + ")",
                            null, null, 0, null, null);
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select set_config('search_path', ?, false)")) {
            ps.setString(1, RenderContext.quoteIdentifier(schema));
            ps.execute();
        }
    }

    /** Gives a pooled connection back with the search path it came with. */
    private void leaveSchema(Connection c) throws SQLException {
        if (schema != null && !c.isClosed()) {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
            try (Statement st = c.createStatement()) {
                st.execute("reset search_path");
            }
        }
    }

    private static <T> T inTransaction(Connection c, TxWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run();
            c.commit();
            return result;
        } catch (RuntimeException | SQLException e) {
            rollbackQuietly(c, e);
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private static SleetMigrationException historyError(SQLException e) {
        SleetException cause = SleetException.of(e, null, null);
        return new SleetMigrationException("could not connect to the database or use its history table "
                + MigrationHistory.TABLE + " (or a tenant schema's): " + cause.getMessage(), null, null, 0, null,
                cause);
    }

    /** Rolls back after {@code first}; a failure to do so is attached to it, never thrown instead. */
    static void rollbackQuietly(Connection c, Throwable first) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
    }

    static SleetMigrationException unknownId(MigrationFolder folder, String id) {
        String known = folder.migrations().stream().map(Migration::id).collect(Collectors.joining(", "));
        return new SleetMigrationException("no migration " + id + " in " + folder.root() + " (its ids are: "
                + (known.isEmpty() ? "none" : known) + ")", id, null, 0, null, null);
    }
}
