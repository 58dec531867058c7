package dev.sleet.kit.branch;

import dev.sleet.render.RenderContext;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Branches on any PostgreSQL: a branch is a database created with {@code CREATE DATABASE branch TEMPLATE parent},
 * a full copy that shares nothing with its parent afterwards.
 *
 * <ul>
 *   <li><b>Copy strategy.</b> On PostgreSQL 15 and later, a parent smaller than {@link Builder#fileCopyAbove(long)}
 *   (64 MB by default) is copied with {@code STRATEGY WAL_LOG}, which avoids the two checkpoints of a file copy;
 *   a larger one with {@code STRATEGY FILE_COPY}, which copies the files without writing them to the WAL.</li>
 *   <li><b>Other sessions.</b> PostgreSQL copies a database only while no one else is connected to it, and
 *   drops one only while no one is connected to it. Sleet waits for the sessions to go, up to
 *   {@link Builder#waitFor(Duration)}, then fails with a message that lists them. It terminates them only with
 *   {@link Builder#force(boolean)}.</li>
 *   <li><b>Catalog.</b> Each branch's parent and creation time are kept in the table {@code sleet.branches} of
 *   the server's maintenance database ({@code postgres} unless {@link Builder#catalogDatabase(String)} says
 *   otherwise), so that {@code list} and {@code reset} work from any machine. Only databases listed there are
 *   reset or deleted: a typo cannot drop a database Sleet did not create.</li>
 *   <li><b>Progress.</b> A copy that takes longer than a second reports to {@link Builder#progress(Consumer)}
 *   every second: the parent's size, the time so far and, for {@code WAL_LOG} copies, the share written.</li>
 * </ul>
 */
public final class LocalBranches implements Branches {

    private static final String CATALOG = "sleet.branches";
    /** The catalog's rows with each database's size (null when the database is gone), as {@link #branch} reads. */
    private static final String SELECT_BRANCHES = "select b.name, b.parent, b.created_at, b.schema_only, "
            + "pg_database_size(d.oid) from " + CATALOG + " b left join pg_database d on d.datname = b.name";
    private static final String HAS_CATALOG =
            "select 1 from pg_tables where schemaname = 'sleet' and tablename = 'branches'";
    /** PostgreSQL's limit on identifier length, in bytes. */
    private static final int MAX_NAME_BYTES = 63;
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(1);

    private final DatabaseUrl direct;
    private final DatabaseUrl pooled;
    private final String catalogDatabase;
    private final Duration waitFor;
    private final boolean force;
    private final long fileCopyAbove;
    private final Consumer<String> progress;
    private volatile boolean catalogReady;

    private LocalBranches(Builder b) {
        this.direct = b.direct;
        this.pooled = b.pooled == null ? b.direct : b.pooled;
        this.catalogDatabase = b.catalogDatabase;
        this.waitFor = b.waitFor;
        this.force = b.force;
        this.fileCopyAbove = b.fileCopyAbove;
        this.progress = b.progress;
    }

    /**
     * Starts a builder for the server of a database URL. That database is the default parent of new branches.
     *
     * @param url the direct (not pooled) URL of the default parent, {@code jdbc:postgresql://} or
     *            {@code postgres://}, with credentials of a user allowed to create databases
     * @return the builder
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL
     */
    public static Builder of(String url) {
        return new Builder(DatabaseUrl.parse(Objects.requireNonNull(url, "url")));
    }

    /** Options of {@link LocalBranches}. */
    public static final class Builder {
        private final DatabaseUrl direct;
        private DatabaseUrl pooled;
        private String catalogDatabase = "postgres";
        private Duration waitFor = Duration.ofSeconds(10);
        private boolean force;
        private long fileCopyAbove = 64L << 20;
        private Consumer<String> progress = line -> { };

        private Builder(DatabaseUrl direct) {
            this.direct = direct;
        }

        /**
         * The pooled URL of the default parent (through PgBouncer, say); {@link #url(String, boolean)} with
         * {@code pooled} gives it with the branch's database. Without it, both URLs are the direct one.
         *
         * @param url the pooled URL
         * @return this builder
         */
        public Builder pooledUrl(String url) {
            this.pooled = url == null ? null : DatabaseUrl.parse(url);
            return this;
        }

        /**
         * The database holding the catalog table {@code sleet.branches} (default {@code postgres}).
         *
         * @param database the database's name
         * @return this builder
         */
        public Builder catalogDatabase(String database) {
            this.catalogDatabase = Objects.requireNonNull(database, "database");
            return this;
        }

        /**
         * How long to wait for other sessions to leave a database that is to be copied or dropped (default 10
         * seconds); {@link Duration#ZERO} fails at once.
         *
         * @param timeout the time to wait
         * @return this builder
         */
        public Builder waitFor(Duration timeout) {
            this.waitFor = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Whether to terminate the other sessions of a database to be copied or dropped once the wait is over
         * (default {@code false}: fail and list them).
         *
         * @param force terminate other sessions
         * @return this builder
         */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /**
         * The parent size from which copies use {@code STRATEGY FILE_COPY} instead of {@code WAL_LOG} on
         * PostgreSQL 15 and later (default 64 MB).
         *
         * @param bytes the size in bytes
         * @return this builder
         */
        public Builder fileCopyAbove(long bytes) {
            this.fileCopyAbove = bytes;
            return this;
        }

        /**
         * Where to report the progress of long copies, one line at a time.
         *
         * @param progress receives the lines
         * @return this builder
         */
        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress, "progress");
            return this;
        }

        /**
         * Builds the backend; nothing is connected to until it is used.
         *
         * @return the backend
         */
        public LocalBranches build() {
            return new LocalBranches(this);
        }
    }

    /**
     * The database that new branches copy by default: the one the URL names.
     *
     * @return the database's name
     */
    public String defaultParent() {
        return direct.database();
    }

    @Override
    public Branch create(String name, BranchOptions options) {
        checkName(name);
        String parent = options.from() != null ? options.from() : defaultParent();
        try {
            if (databaseExists(name)) {
                throw new BranchException("cannot create branch " + name + ": a database of that name already exists"
                        + " on " + direct.with(name) + "; choose another name, or delete it with sleet branch delete "
                        + name + " if it is a branch");
            }
            if (!databaseExists(parent)) {
                throw new BranchException("cannot create branch " + name + ": its parent database " + parent
                        + " does not exist on " + direct.with(parent));
            }
            copy(parent, name);
            try {
                prepareCopy(name, options.schemaOnly());
                Instant created = record(name, parent, options.schemaOnly());
                return new Branch(name, name, parent, created, size(name), options.schemaOnly());
            } catch (SQLException | RuntimeException e) {
                dropQuietly(name);
                throw e;
            }
        } catch (SQLException e) {
            throw failed("create branch " + name + " from " + parent, e);
        }
    }

    @Override
    public List<Branch> list() {
        try (Connection c = catalog()) {
            List<Branch> branches = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery(SELECT_BRANCHES + " order by b.created_at, b.name")) {
                while (rs.next()) {
                    branches.add(branch(rs));
                }
            }
            return branches;
        } catch (SQLException e) {
            throw failed("list the branches", e);
        }
    }

    @Override
    public Optional<Branch> find(String name) {
        try (Connection c = catalog();
             PreparedStatement ps = c.prepareStatement(SELECT_BRANCHES + " where b.name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(branch(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("find branch " + name, e);
        }
    }

    @Override
    public String url(String name, boolean pooled) {
        require(name);
        return (pooled ? this.pooled : direct).with(name).full();
    }

    @Override
    public Branch reset(String name) {
        Branch branch = require(name);
        try {
            if (!databaseExists(branch.parent())) {
                throw new BranchException("cannot reset branch " + name + ": its parent database "
                        + branch.parent() + " no longer exists");
            }
            // copy first: when the parent cannot be copied now, the branch is still there as it was
            String fresh = resetName(name);
            if (databaseExists(fresh)) {
                drop(fresh); // left by a reset that was killed half-way
            }
            copy(branch.parent(), fresh);
            try {
                prepareCopy(fresh, branch.schemaOnly());
                drop(name);
            } catch (SQLException | RuntimeException e) {
                dropQuietly(fresh);
                throw e;
            }
            rename(fresh, name);
            try (Connection c = catalog();
                 PreparedStatement ps = c.prepareStatement("update " + CATALOG + " set created_at = now() "
                         + "where name = ? returning created_at")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Branch(name, name, branch.parent(), rs.getTimestamp(1).toInstant(), size(name),
                            branch.schemaOnly());
                }
            }
        } catch (SQLException e) {
            throw failed("reset branch " + name + " from " + branch.parent(), e);
        }
    }

    @Override
    public void delete(String name) {
        require(name);
        List<String> children = list().stream().filter(b -> name.equals(b.parent())).map(Branch::name).toList();
        if (!children.isEmpty()) {
            throw new BranchException("cannot delete branch " + name + ": branches " + String.join(", ", children)
                    + " were created from it; delete them first");
        }
        try {
            drop(name);
            try (Connection c = catalog();
                 PreparedStatement ps = c.prepareStatement("delete from " + CATALOG + " where name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw failed("delete branch " + name, e);
        }
    }

    // ------------------------------------------------------------------------------------------------ copying

    /** {@code CREATE DATABASE name TEMPLATE parent}, once the parent has no other sessions. */
    private void copy(String parent, String name) throws SQLException {
        try (Connection admin = admin(parent, name)) {
            long parentSize = databaseSize(admin, parent);
            String strategy = strategy(admin, parentSize);
            String sql = "create database " + RenderContext.quoteIdentifier(name) + " template "
                    + RenderContext.quoteIdentifier(parent) + (strategy == null ? "" : " strategy " + strategy);
            awaitNoSessions(admin, parent, "copy database " + parent + " to branch " + name, () -> {
                try (ProgressReporter reporter = new ProgressReporter(parent, name, parentSize,
                        "wal_log".equals(strategy));
                     Statement st = admin.createStatement()) {
                    reporter.start();
                    st.execute(sql);
                }
            });
        }
    }

    /** The strategy clause for PostgreSQL 15 and later; {@code null} before, where only file copy exists. */
    private String strategy(Connection admin, long parentSize) throws SQLException {
        if (admin.getMetaData().getDatabaseMajorVersion() < 15) {
            return null;
        }
        return parentSize >= fileCopyAbove ? "file_copy" : "wal_log";
    }

    /** Clears the catalog copied along with the catalog database, and the rows of a schema-only branch. */
    private void prepareCopy(String name, boolean schemaOnly) throws SQLException {
        boolean hasCatalog;
        try (Connection c = direct.with(name).connect()) {
            hasCatalog = exists(c, HAS_CATALOG);
            if (schemaOnly) {
                truncateAll(c);
            } else if (hasCatalog) {
                try (Statement st = c.createStatement()) {
                    st.execute("delete from " + CATALOG);
                }
            }
        }
    }

    /**
     * Empties every table of the branch but the migration history, restarting identities, in one statement.
     * Tables that belong to extensions (PostGIS's {@code spatial_ref_sys}, say) keep their rows.
     */
    private static void truncateAll(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select n.nspname, t.relname from pg_class t join pg_namespace n on n.oid ="
                     + " t.relnamespace where t.relkind in ('r', 'p') and not t.relispartition and n.nspname not in "
                     + "('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%' and not (n.nspname "
                     + "= 'sleet' and t.relname = 'migrations') and not exists (select 1 from pg_depend d where "
                     + "d.classid = 'pg_class'::regclass and d.objid = t.oid and d.deptype = 'e') order by 1, 2")) {
            while (rs.next()) {
                tables.add(RenderContext.quoteIdentifier(rs.getString(1)) + "."
                        + RenderContext.quoteIdentifier(rs.getString(2)));
            }
        }
        if (!tables.isEmpty()) {
            try (Statement st = c.createStatement()) {
                st.execute("truncate " + String.join(", ", tables) + " restart identity");
            }
        }
    }

    /** {@code DROP DATABASE}, once no one else is connected; does nothing when it is gone already. */
    private void drop(String name) throws SQLException {
        try (Connection admin = admin(name, name)) {
            awaitNoSessions(admin, name, "drop branch " + name, () -> {
                try (Statement st = admin.createStatement()) {
                    st.execute("drop database if exists " + RenderContext.quoteIdentifier(name));
                }
            });
        }
    }

    /** A name for the new copy while the old one still exists: the branch's name with a suffix, within 63 bytes. */
    private static String resetName(String name) {
        String suffix = "_sleet_reset";
        String base = name;
        while ((base + suffix).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }

    private void rename(String from, String to) throws SQLException {
        try (Connection admin = admin(from, to); Statement st = admin.createStatement()) {
            st.execute("alter database " + RenderContext.quoteIdentifier(from) + " rename to "
                    + RenderContext.quoteIdentifier(to));
        }
    }

    private void dropQuietly(String name) {
        try {
            drop(name);
        } catch (SQLException | RuntimeException e) {
            progress.accept("could not drop the half-made branch " + name + ": " + e.getMessage());
        }
    }

    /** Work that fails with SQLSTATE 55006 while other sessions use a database. */
    private interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs work that needs a database to itself. While other sessions are connected, waits up to
     * {@link #waitFor}; then, with {@link #force}, terminates them, else fails listing them.
     */
    private void awaitNoSessions(Connection admin, String database, String action, Work work) throws SQLException {
        long deadline = System.nanoTime() + waitFor.toNanos();
        long forcedUntil = 0;
        long pause = 20;
        while (true) {
            List<String> sessions = sessions(admin, database);
            if (sessions.isEmpty()) {
                try {
                    work.run();
                    return;
                } catch (SQLException e) {
                    // 55006: a session connected between the look and the statement, or a prepared transaction
                    // (which pg_stat_activity does not show) holds the database
                    if (!"55006".equals(e.getSQLState()) || System.nanoTime() >= Math.max(deadline, forcedUntil)) {
                        throw e;
                    }
                }
            } else if (System.nanoTime() >= deadline) {
                if (!force) {
                    throw new BranchException("cannot " + action + ": " + sessions.size() + " other session"
                            + (sessions.size() == 1 ? " is" : "s are") + " connected to " + database + " ("
                            + String.join("; ", sessions) + "), and PostgreSQL copies or drops a database only while"
                            + " no one else is connected to it. Close them (stop the application or point it at"
                            + " another database) and run again, or let Sleet terminate them (--force)");
                }
                if (forcedUntil == 0) {
                    progress.accept("terminating " + sessions.size() + " session" + (sessions.size() == 1 ? "" : "s")
                            + " of " + database + " (--force)");
                    // a pool reconnects at once: keep terminating for a few seconds more, then give up
                    forcedUntil = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                } else if (System.nanoTime() >= forcedUntil) {
                    throw new BranchException("cannot " + action + ": sessions keep connecting to " + database
                            + " after they were terminated (" + String.join("; ", sessions) + "); stop the "
                            + "application that opens them and run again");
                }
                terminate(admin, database);
            }
            sleep(pause);
            pause = Math.min(pause * 2, 250);
        }
    }

    /** The other sessions of a database, described for a message. */
    private static List<String> sessions(Connection admin, String database) throws SQLException {
        List<String> sessions = new ArrayList<>();
        try (PreparedStatement ps = admin.prepareStatement("select pid, usename, application_name, client_addr, "
                + "state from pg_stat_activity where datname = ? and pid <> pg_backend_pid() and backend_type is distinct "
                + "from 'autovacuum worker' order by pid")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder s = new StringBuilder("pid ").append(rs.getInt(1));
                    if (rs.getString(2) != null) {
                        s.append(" user ").append(rs.getString(2));
                    }
                    if (rs.getString(3) != null && !rs.getString(3).isEmpty()) {
                        s.append(" '").append(rs.getString(3)).append('\'');
                    }
                    if (rs.getString(4) != null) {
                        s.append(" from ").append(rs.getString(4));
                    }
                    if (rs.getString(5) != null) {
                        s.append(", ").append(rs.getString(5));
                    }
                    sessions.add(s.toString());
                }
            }
        }
        return sessions;
    }

    private static void terminate(Connection admin, String database) throws SQLException {
        try (PreparedStatement ps = admin.prepareStatement("select pg_terminate_backend(pid) from pg_stat_activity "
                + "where datname = ? and pid <> pg_backend_pid()")) {
            ps.setString(1, database);
            ps.execute();
        }
    }

    /** Reports a copy's progress every second from a thread of its own, on its own connection. */
    private final class ProgressReporter implements AutoCloseable {
        private final String parent;
        private final String name;
        private final long total;
        private final boolean walLogged;
        private final Thread thread;
        private volatile boolean done;

        ProgressReporter(String parent, String name, long total, boolean walLogged) {
            this.parent = parent;
            this.name = name;
            this.total = total;
            this.walLogged = walLogged;
            this.thread = new Thread(this::report, "sleet-branch-progress");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void report() {
            long started = System.nanoTime();
            String startLsn = null;
            try (Connection c = direct.with(adminDatabase(parent, name)).connect()) {
                if (walLogged) {
                    startLsn = walPosition(c);
                }
                while (!sleepUntilDone()) {
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    String share = "";
                    if (startLsn != null && total > 0) {
                        long written = walSince(c, startLsn);
                        share = ", about " + Math.min(99, written * 100 / total) + "% written";
                    }
                    progress.accept("copying " + parent + " (" + Sizes.human(total) + ") to " + name + ": " + seconds
                            + " s" + share);
                }
            } catch (SQLException | RuntimeException e) {
                // progress is a courtesy: the copy goes on without it
            }
        }

        /** Waits a period; true when the copy finished meanwhile. */
        private boolean sleepUntilDone() {
            long until = System.nanoTime() + PROGRESS_EVERY.toNanos();
            while (!done && System.nanoTime() < until) {
                LocalBranches.sleep(50);
            }
            return done;
        }

        @Override
        public void close() {
            done = true;
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String walPosition(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select pg_current_wal_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long walSince(Connection c, String lsn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_wal_lsn_diff(pg_current_wal_lsn(), ?::pg_lsn)::bigint")) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ catalog

    /** A connection to the catalog database, with the catalog table created on first use. */
    private Connection catalog() throws SQLException {
        Connection c = direct.with(catalogDatabase).connect();
        if (!catalogReady) {
            try (Statement st = c.createStatement()) {
                if (!exists(c, HAS_CATALOG)) {
                    st.execute("create schema if not exists sleet");
                    st.execute("create table if not exists " + CATALOG + " (name text primary key, parent text not "
                            + "null, created_at timestamptz not null default now(), schema_only boolean not null "
                            + "default false)");
                }
                catalogReady = true;
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return c;
    }

    private Instant record(String name, String parent, boolean schemaOnly) throws SQLException {
        try (Connection c = catalog();
             PreparedStatement ps = c.prepareStatement("insert into " + CATALOG + " (name, parent, schema_only) values "
                     + "(?, ?, ?) on conflict (name) do update set parent = excluded.parent, created_at = now(), "
                     + "schema_only = excluded.schema_only returning created_at")) {
            ps.setString(1, name);
            ps.setString(2, parent);
            ps.setBoolean(3, schemaOnly);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }

    private static Branch branch(ResultSet rs) throws SQLException {
        long size = rs.getLong(5);
        OptionalLong known = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(size);
        return new Branch(rs.getString(1), rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), known,
                rs.getBoolean(4));
    }

    private Branch require(String name) {
        return find(name).orElseThrow(() -> {
            List<String> names = list().stream().map(Branch::name).toList();
            return new BranchException("no branch named " + name + " on " + direct.with(catalogDatabase)
                    + " (the branches are " + (names.isEmpty() ? "none yet" : String.join(", ", names)) + "); Sleet"
                    + " resets and deletes only the databases it created as branches");
        });
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /**
     * A connection for {@code CREATE} and {@code DROP DATABASE}: to the catalog database, or to
     * {@code template1} when that is one of the databases involved (no one may be connected to them).
     */
    private Connection admin(String first, String second) throws SQLException {
        return direct.with(adminDatabase(first, second)).connect();
    }

    private String adminDatabase(String first, String second) {
        return catalogDatabase.equals(first) || catalogDatabase.equals(second) ? "template1" : catalogDatabase;
    }

    private boolean databaseExists(String name) throws SQLException {
        try (Connection c = direct.with(catalogDatabase).connect();
             PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private OptionalLong size(String name) throws SQLException {
        try (Connection c = direct.with(catalogDatabase).connect()) {
            return OptionalLong.of(databaseSize(c, name));
        }
    }

    private static long databaseSize(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select pg_database_size(?::name)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean exists(Connection c, String query) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            return rs.next();
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new BranchException("a branch needs a name");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            throw new BranchException("branch name " + name + " is longer than PostgreSQL's " + MAX_NAME_BYTES
                    + " bytes for a database name");
        }
    }

    private BranchException failed(String action, SQLException e) {
        String state = e.getSQLState() == null ? "" : " [SQLSTATE " + e.getSQLState() + "]";
        String hint = "42501".equals(e.getSQLState()) ? "; branches need a user with the CREATEDB privilege that "
                + "owns (or may copy) the parent database and may create the schema sleet in database "
                + catalogDatabase + " for the catalog table" : "";
        return new BranchException("cannot " + action + " on " + direct.with(catalogDatabase) + ": "
                + (e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("")) + state
                + hint, e);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BranchException("interrupted while waiting", e);
        }
    }
}
