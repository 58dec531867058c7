package dev.sleet.kit.migrate;

import dev.sleet.kit.TestServer;
import dev.sleet.kit.ddl.CatalogDump;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator process killed with SIGKILL at random points of a five-migration folder leaves a database that the
 * next {@code migrate} finishes, with the catalog, history and data of a run that was never interrupted.
 *
 * <p>The kill times are stratified: run {@code i} of {@value #RUNS} is killed at a random point of the
 * {@code i}-th slice of a clean run's duration, so the kills spread over the whole migration. The seed is printed
 * and named in every assertion; {@code -Dsleet.crash.seed=N} replays the kill times of a failed run.
 *
 * <p>Every other run sets {@code client_connection_check_interval} on its database, so that the server notices
 * the dead client and aborts the statement in flight (which leaves an INVALID index behind an interrupted
 * {@code CREATE INDEX CONCURRENTLY}); the other runs leave the orphaned statement running to its end, as a server
 * with default settings does, so that it completes without its progress being recorded.
 */
class MigratorCrashTest {

    private static final int RUNS = 20;
    private static final String NO_TRANSACTION_ID = "20260103000000";
    private static final String EACH_ONCE = "20260101000000=1,20260102000000=1,20260103000000=1,20260104000000=1,"
            + "20260105000000=1";

    private static TestServer server;

    @TempDir
    Path folder;

    @TempDir
    Path logs;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void aMigratorKilledAtAnyPointIsFinishedByTheNextMigrateAsIfNeverInterrupted() throws Exception {
        long seed = Long.getLong("sleet.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        writeFiveMigrations();

        // Two clean runs; the kills are spread over the shorter. The first child of a test run is the slowest
        // (cold caches), and timing from it alone put many kills after the later, faster runs had finished.
        String expected = null;
        long cleanMs = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 2; attempt++) {
            MigrationFixture clean = MigrationFixture.freshDatabase(server);
            try {
                Child child = Child.start(clean.url(), folder, logs.resolve("clean" + attempt + ".log"));
                long started = child.awaitStarted();
                assertThat(child.process.waitFor(60, TimeUnit.SECONDS)).as("clean run finished").isTrue();
                cleanMs = Math.min(cleanMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                assertThat(child.process.exitValue()).as("clean run: " + Files.readString(child.log)).isZero();
                String state = state(clean);
                assertThat(expected == null || expected.equals(state)).as("two clean runs agree").isTrue();
                expected = state;
            } finally {
                clean.drop();
            }
        }
        assertThat(expected).as("the clean run applied all 7 statements of the no-transaction migration")
                .containsPattern("history \\| " + NO_TRANSACTION_ID + " \\| order_indexes \\| \\w+ \\| applied"
                        + " \\| 7 \\|");

        List<String> landings = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            boolean serverAborts = run % 2 == 1;
            long delayMs = (long) ((run + random.nextDouble()) * cleanMs / RUNS);
            String context = "seed " + seed + " (-Dsleet.crash.seed=" + seed + "), run " + run + ", killed "
                    + delayMs + " ms into a " + cleanMs + " ms migration, "
                    + (serverAborts ? "server aborts the orphaned statement" : "orphaned statement runs on");
            MigrationFixture db = MigrationFixture.freshDatabase(server);
            try {
                if (serverAborts) {
                    db.execute("ALTER DATABASE " + db.database + " SET client_connection_check_interval = '20ms'");
                }
                Child child = Child.start(db.url(), folder, logs.resolve("run" + run + ".log"));
                child.awaitStarted();
                Thread.sleep(delayMs);
                child.process.destroyForcibly();   // SIGKILL: no shutdown hook, no rollback from the client side
                assertThat(child.process.waitFor(30, TimeUnit.SECONDS)).as(context).isTrue();
                String landing = landing(db);
                landings.add(run + ": " + landing);
                context += ", history when killed: " + landing;

                // Every run is checked, so that one report shows every kind of failure the seed produced.
                try {
                    Migrator.of(db.dataSource, folder).migrate();   // what 'sleet migrate' runs
                } catch (RuntimeException e) {
                    failures.add(context + ": migrate after the kill failed: " + e.getMessage());
                    continue;
                }
                String actual = state(db);
                if (!actual.equals(expected)) {
                    failures.add(context + ": the database differs from a clean run's:\n" + difference(expected,
                            actual));
                }
                String recorded = db.queryString("SELECT string_agg(id || '=' || n, ',' ORDER BY id) FROM (SELECT id,"
                        + " count(*) AS n FROM sleet.migrations GROUP BY id) h");
                if (!recorded.equals(EACH_ONCE)) {
                    failures.add(context + ": the history records " + recorded + ", not each migration once");
                }
            } finally {
                db.drop();
            }
        }
        System.out.println("MigratorCrashTest seed " + seed + ", clean run " + cleanMs + " ms, kills landed at: "
                + String.join("; ", landings));
        assertThat(failures).as("seed " + seed).isEmpty();
        assertThat(landings).as("seed " + seed + ": some kills must land inside the no-transaction migration")
                .anyMatch(l -> l.contains(NO_TRANSACTION_ID + ":running"));
    }

    /**
     * Five migrations, slow enough for kills to land inside them: two transactional ones that load data, one
     * without a transaction that builds and drops indexes concurrently and changes data in between (not
     * idempotently: a statement run twice shows in the totals), and two transactional ones that backfill and
     * add constraints.
     */
    private void writeFiveMigrations() {
        write(folder, "20260101000000_accounts", """
                CREATE TABLE accounts (
                    id    bigint PRIMARY KEY,
                    email text NOT NULL,
                    plan  text NOT NULL DEFAULT 'free'
                );
                INSERT INTO accounts (id, email)
                    SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 30000) g;
                SELECT pg_sleep(0.05);
                """, null);
        write(folder, "20260102000000_orders", """
                CREATE TABLE orders (
                    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    account_id  bigint NOT NULL,
                    total_cents integer NOT NULL,
                    status      text NOT NULL DEFAULT 'new'
                );
                INSERT INTO orders (account_id, total_cents)
                    SELECT 1 + g % 30000, g % 997 FROM generate_series(1, 90000) g;
                ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
                CREATE INDEX orders_status_idx ON orders (status);
                """, null);
        write(folder, "20260103000000_order_indexes", """
                -- sleet:no-transaction
                CREATE INDEX CONCURRENTLY orders_account_idx ON orders (account_id);
                ALTER TABLE orders ADD COLUMN reviewed boolean NOT NULL DEFAULT false;
                UPDATE orders SET total_cents = total_cents + 1 WHERE total_cents < 50;
                CREATE UNIQUE INDEX CONCURRENTLY accounts_email_lower_idx ON accounts (lower(email));
                SELECT pg_sleep(0.05);
                DROP INDEX CONCURRENTLY orders_status_idx;
                CREATE INDEX CONCURRENTLY orders_open_idx ON orders (account_id, total_cents) WHERE status = 'new';
                """, null);
        write(folder, "20260104000000_order_counts", """
                ALTER TABLE accounts ADD COLUMN order_count integer NOT NULL DEFAULT 0;
                UPDATE accounts a SET order_count = o.n
                    FROM (SELECT account_id, count(*) AS n FROM orders GROUP BY account_id) o
                    WHERE o.account_id = a.id;
                ALTER TABLE accounts ADD CONSTRAINT accounts_plan_check CHECK (plan IN ('free', 'pro'));
                """, null);
        write(folder, "20260105000000_order_checks", """
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total_cents >= 0);
                COMMENT ON TABLE orders IS 'one row per order';
                COMMENT ON COLUMN orders.reviewed IS 'seen by a person';
                SELECT pg_sleep(0.05);
                """, null);
    }

    /** The catalog, the history (without timings and sequence numbers) and a fingerprint of the data. */
    private static String state(MigrationFixture db) throws SQLException {
        try (Connection c = db.dataSource.getConnection()) {
            return CatalogDump.of(c)
                    + rows(c, "history", "SELECT id, name, checksum, state, statements_done, baseline, error"
                            + " FROM sleet.migrations ORDER BY id")
                    + rows(c, "data", "SELECT (SELECT count(*) FROM accounts), (SELECT sum(order_count) FROM accounts),"
                            + " (SELECT count(*) FROM orders), (SELECT sum(total_cents) FROM orders),"
                            + " (SELECT count(*) FROM orders WHERE reviewed)");
        }
    }

    private static String rows(Connection c, String kind, String query) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                out.append(kind);
                for (int i = 1; i <= columns; i++) {
                    out.append(" | ").append(rs.getString(i));
                }
                out.append(" |\n");
            }
        }
        return out.toString();
    }

    /** The lines of one dump missing from the other, marked {@code -} (clean run only) and {@code +}. */
    private static String difference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> got = actual.lines().toList();
        StringBuilder out = new StringBuilder();
        want.stream().filter(l -> !got.contains(l)).forEach(l -> out.append("  - ").append(l).append('\n'));
        got.stream().filter(l -> !want.contains(l)).forEach(l -> out.append("  + ").append(l).append('\n'));
        return out.toString();
    }

    /** What the history said right after the kill, e.g. {@code 20260101000000:applied 20260102000000:running:3}. */
    private static String landing(MigrationFixture db) {
        if (db.queryLong("SELECT count(*) FROM pg_class WHERE oid = to_regclass('sleet.migrations')") == 0) {
            return "no history table";
        }
        String rows = db.queryString("SELECT string_agg(id || ':' || state || coalesce(':' || statements_done, ''),"
                + " ' ' ORDER BY id) FROM sleet.migrations");
        return rows == null ? "empty history" : rows;
    }

    /** A {@link MigratorProcess} with its output in a log file. */
    private static final class Child {

        final Process process;
        final Path log;
        private final BufferedReader out;

        private Child(Process process, Path log) {
            this.process = process;
            this.log = log;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(String url, Path folder, Path log) throws IOException {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            // C1 only and the serial collector: the child lives a second, so start-up time is what counts.
            Process p = new ProcessBuilder(java.toString(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), MigratorProcess.class.getName(), url,
                    folder.toString())
                    .redirectError(log.toFile())
                    .start();
            return new Child(p, log);
        }

        /** Waits for the child to say it is about to migrate; returns {@link System#nanoTime()} then. */
        long awaitStarted() throws IOException {
            String line = out.readLine();
            if (!MigratorProcess.STARTED.equals(line)) {
                throw new AssertionError("the migrator process did not start: " + line + " / "
                        + Files.readString(log));
            }
            return System.nanoTime();
        }
    }
}
