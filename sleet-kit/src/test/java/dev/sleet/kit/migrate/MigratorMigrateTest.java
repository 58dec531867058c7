package dev.sleet.kit.migrate;

import dev.sleet.kit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code migrate} on a real PostgreSQL: order, idempotence, checksums, failures, locking, no-transaction runs. */
class MigratorMigrateTest {

    private static TestServer server;

    @TempDir
    Path folder;

    private MigrationFixture db;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void createDatabase() {
        db = MigrationFixture.freshDatabase(server);
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    private void threeMigrations() {
        write(folder, "20260101000000_users", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "DROP TABLE users;");
        write(folder, "20260102000000_posts", """
                CREATE TABLE posts (id bigint PRIMARY KEY, author bigint REFERENCES users (id), body text);
                -- a ';' in a comment; and in a literal:
                INSERT INTO users VALUES (1, 'a;b@example.com');
                """, "DROP TABLE posts;\nDELETE FROM users WHERE id = 1;");
        write(folder, "20260103000000_touch", """
                CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    NEW.body := coalesce(NEW.body, '');
                    RETURN NEW;
                END;
                $$;
                CREATE TRIGGER posts_touch BEFORE INSERT ON posts FOR EACH ROW EXECUTE FUNCTION touch();
                """, "DROP TRIGGER posts_touch ON posts;\nDROP FUNCTION touch();");
    }

    @Test
    void appliesThreeMigrationsInIdOrderAndRecordsThem() {
        threeMigrations();

        MigrateResult result = Migrator.of(db.dataSource, folder).migrate();

        assertThat(result.appliedIds()).containsExactly("20260101000000", "20260102000000", "20260103000000");
        assertThat(result.applied()).allSatisfy(a -> assertThat(a.executionMs()).isNotNegative());
        assertThat(result.outOfOrder()).isEmpty();
        assertThat(db.tableExists("users")).isTrue();
        assertThat(db.tableExists("posts")).isTrue();
        assertThat(db.queryString("SELECT email FROM users")).isEqualTo("a;b@example.com");
        assertThat(db.queryLong("SELECT count(*) FROM pg_trigger WHERE tgname = 'posts_touch'")).isEqualTo(1);
        assertThat(db.queryString("SELECT string_agg(id || ':' || name || ':' || state || ':' || applied_by, ',' "
                + "ORDER BY seq) FROM sleet.migrations"))
                .isEqualTo("20260101000000:users:applied:postgres,20260102000000:posts:applied:postgres,"
                        + "20260103000000:touch:applied:postgres");
        assertThat(db.queryString("SELECT checksum FROM sleet.migrations WHERE id = '20260101000000'"))
                .isEqualTo(MigrationFolder.read(folder).migrations().get(0).checksum());
    }

    @Test
    void secondRunFindsNothingToDo() {
        threeMigrations();
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate();

        MigrateResult again = migrator.migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(db.historyRows()).isEqualTo(3);
        assertThat(db.queryLong("SELECT count(*) FROM users")).isEqualTo(1);
    }

    @Test
    void migrateToStopsAtTheGivenIdAndDryRunRunsNothing() {
        threeMigrations();
        Migrator migrator = Migrator.of(db.dataSource, folder);

        assertThat(migrator.migrate("20260101000000").appliedIds()).containsExactly("20260101000000");
        MigrationPlan plan = migrator.dryRun();

        assertThat(plan.migrations()).extracting(p -> p.migration().id())
                .containsExactly("20260102000000", "20260103000000");
        assertThat(plan.sql()).contains("-- 20260102000000_posts/up.sql\nCREATE TABLE posts")
                .contains("INSERT INTO users VALUES (1, 'a;b@example.com');");
        assertThat(db.tableExists("posts")).isFalse();
        assertThat(db.historyRows()).isEqualTo(1);
        assertThatThrownBy(() -> migrator.migrate("20990101000000"))
                .isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining("no migration 20990101000000");
    }

    @Test
    void changedAppliedFileStopsMigrateNamingTheFileUntilRepair() throws Exception {
        threeMigrations();
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260102000000");
        Path edited = folder.resolve("20260101000000_users/up.sql");
        Files.writeString(edited, "CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);\n");

        assertThatThrownBy(migrator::migrate)
                .isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining(edited.toString())
                .hasMessageContaining("changed after migration 20260101000000 was applied")
                .hasMessageContaining("repair")
                .satisfies(e -> assertThat(((SleetMigrationException) e).file()).isEqualTo(edited));
        assertThat(db.historyRows()).isEqualTo(2);   // migration 3 did not run
        assertThat(db.queryLong("SELECT count(*) FROM pg_proc WHERE proname = 'touch'")).isZero();

        RepairResult repair = migrator.repair();

        assertThat(repair.checksumsRealigned()).containsExactly("20260101000000");
        assertThat(migrator.migrate().appliedIds()).containsExactly("20260103000000");
    }

    @Test
    void failingStatementRollsBackItsMigrationAndNamesFileAndStatement() {
        write(folder, "20260101000000_one", "CREATE TABLE one (id int);", null);
        write(folder, "20260102000000_two", """
                CREATE TABLE two (id int);
                INSERT INTO one VALUES (1);

                INSERT INTO no_such_table VALUES (1);
                """, null);
        write(folder, "20260103000000_three", "CREATE TABLE three (id int);", null);
        Migrator migrator = Migrator.of(db.dataSource, folder);

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(SleetMigrationException.class, e -> {
                    assertThat(e.migrationId()).isEqualTo("20260102000000");
                    assertThat(e.statementNumber()).isEqualTo(3);
                    assertThat(e.sqlState()).isEqualTo("42P01");
                    assertThat(e.file()).isEqualTo(folder.resolve("20260102000000_two/up.sql"));
                    assertThat(e.sql()).isEqualTo("INSERT INTO no_such_table VALUES (1)");
                })
                .hasMessageContaining("migration 20260102000000 failed at statement 3 (line 4) of "
                        + folder.resolve("20260102000000_two/up.sql"))
                .hasMessageContaining("no_such_table")
                .hasMessageContaining("rolled back");
        assertThat(db.tableExists("one")).isTrue();
        assertThat(db.tableExists("two")).isFalse();
        assertThat(db.tableExists("three")).isFalse();
        assertThat(db.queryLong("SELECT count(*) FROM one")).isZero();
        assertThat(db.queryString("SELECT string_agg(id, ',') FROM sleet.migrations")).isEqualTo("20260101000000");
        // the lock was released: this session can take it at once
        assertThat(db.queryString("SELECT pg_try_advisory_lock(" + AdvisoryLock.KEY + ")")).isEqualTo("t");
    }

    @Test
    void sixConcurrentMigratorsApplyEachMigrationExactlyOnce() throws Exception {
        write(folder, "20260101000000_effects", "CREATE TABLE effects (migration text NOT NULL);", null);
        for (int i = 2; i <= 5; i++) {
            write(folder, "2026010" + i + "000000_m" + i,
                    "INSERT INTO effects VALUES ('m" + i + "');\nSELECT pg_sleep(0.05);", null);
        }
        int migrators = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(migrators);
        List<Future<MigrateResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < migrators; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return Migrator.of(db.dataSource, folder).migrate();
                }));
            }
            start.countDown();
            int appliedInTotal = 0;
            for (Future<MigrateResult> f : futures) {
                appliedInTotal += f.get(60, TimeUnit.SECONDS).applied().size();
            }
            assertThat(appliedInTotal).isEqualTo(5);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.historyRows()).isEqualTo(5);
        assertThat(db.queryLong("SELECT count(*) FROM effects")).isEqualTo(4);
        assertThat(db.queryLong("SELECT count(DISTINCT migration) FROM effects")).isEqualTo(4);
    }

    @Test
    void migratorWaitsForTheLockAndAKilledHolderReleasesIt() throws Exception {
        write(folder, "20260101000000_a", "CREATE TABLE a (id int);", null);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.dataSource.getConnection(); Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + AdvisoryLock.KEY + ")");
            int holderPid = ((org.postgresql.PGConnection) holder).getBackendPID();

            Future<MigrateResult> waiting = pool.submit(() -> Migrator.of(db.dataSource, folder).migrate());
            awaitWaitingMigrator(holderPid);
            assertThat(waiting).isNotDone();
            assertThat(db.tableExists("a")).isFalse();

            // a migrator killed while holding the lock: PostgreSQL ends its session and drops the lock
            db.execute("SELECT pg_terminate_backend(" + holderPid + ")");

            assertThat(waiting.get(30, TimeUnit.SECONDS).appliedIds()).containsExactly("20260101000000");
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.tableExists("a")).isTrue();
    }

    @Test
    void aWaitingMigratorDoesNotHoldUpAConcurrentIndexBuildOfTheLockHolder() throws Exception {
        write(folder, "20260101000000_a", "CREATE TABLE a (id int);", null);
        db.execute("CREATE TABLE items (id int)");
        db.execute("INSERT INTO items SELECT generate_series(1, 1000)");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection holder = db.dataSource.getConnection(); Statement st = holder.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + AdvisoryLock.KEY + ")");
            Future<MigrateResult> waiting = pool.submit(() -> Migrator.of(db.dataSource, folder).migrate());
            awaitWaitingMigrator(((org.postgresql.PGConnection) holder).getBackendPID());

            // What the holder's next migration may do: the build waits for every snapshot older than itself,
            // so a waiter that kept one while blocked on the lock would deadlock with it.
            st.execute("CREATE INDEX CONCURRENTLY items_id_idx ON items (id)");
            st.execute("SELECT pg_advisory_unlock(" + AdvisoryLock.KEY + ")");

            assertThat(waiting.get(30, TimeUnit.SECONDS).appliedIds()).containsExactly("20260101000000");
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.queryLong("SELECT count(*) FROM pg_index WHERE indexrelid = 'items_id_idx'::regclass"
                + " AND indisvalid")).isEqualTo(1);
    }

    /** Waits until a session other than the holder's has asked for the migration lock. */
    private void awaitWaitingMigrator(int holderPid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (db.queryLong("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND pid NOT IN (pg_backend_pid(), " + holderPid + ") AND query LIKE '%advisory_lock(%'") == 0) {
            assertThat(System.nanoTime()).as("migrator waiting for the lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void noTransactionMigrationCreatesIndexConcurrentlyAndRecordsProgress() {
        write(folder, "20260101000000_items", "CREATE TABLE items (id int, sku text);\n"
                + "INSERT INTO items SELECT g, 'sku' || g FROM generate_series(1, 100) g;", null);
        write(folder, "20260102000000_items_sku_idx", """
                -- sleet:no-transaction
                CREATE INDEX CONCURRENTLY items_sku_idx ON items (sku);
                CREATE INDEX CONCURRENTLY items_id_idx ON items (id);
                """, "-- sleet:no-transaction\nDROP INDEX CONCURRENTLY items_id_idx;\n"
                + "DROP INDEX CONCURRENTLY items_sku_idx;");
        Migrator migrator = Migrator.of(db.dataSource, folder);

        MigrateResult result = migrator.migrate();

        assertThat(result.appliedIds()).containsExactly("20260101000000", "20260102000000");
        assertThat(db.queryLong("SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "WHERE c.relname IN ('items_sku_idx', 'items_id_idx') AND i.indisvalid")).isEqualTo(2);
        assertThat(db.queryString("SELECT state || ':' || statements_done FROM sleet.migrations "
                + "WHERE id = '20260102000000'")).isEqualTo("applied:2");

        assertThat(migrator.rollback(1).rolledBack()).containsExactly("20260102000000");
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname LIKE 'items_%_idx'")).isZero();
    }

    @Test
    void concurrentIndexWithoutTheMarkerFailsWithAHintAndRecordsNothing() {
        write(folder, "20260101000000_items", "CREATE TABLE items (id int);\n"
                + "CREATE INDEX CONCURRENTLY items_id_idx ON items (id);", null);

        assertThatThrownBy(() -> Migrator.of(db.dataSource, folder).migrate())
                .isInstanceOfSatisfying(SleetMigrationException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("25001"))
                .hasMessageContaining("statement 2 (line 2)")
                .hasMessageContaining("first line is '-- sleet:no-transaction'");
        assertThat(db.tableExists("items")).isFalse();
        assertThat(db.historyRows()).isZero();
    }

    @Test
    void interruptedNoTransactionMigrationResumesAfterItsLastCompletedStatement() {
        write(folder, "20260101000000_base", "CREATE TABLE base (id int);", null);
        write(folder, "20260102000000_steps", """
                -- sleet:no-transaction
                CREATE TABLE step_one (id int);
                CREATE INDEX CONCURRENTLY step_one_idx ON step_one (id);
                CREATE TABLE step_three (id int);
                """, null);
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260101000000");
        // What a migrator killed after statement 1 leaves behind: the statement's effect and its progress.
        Migration steps = MigrationFolder.read(folder).find("20260102000000").orElseThrow();
        db.execute("CREATE TABLE step_one (id int)");
        db.execute("INSERT INTO sleet.migrations (id, name, checksum, state, statements_done) VALUES "
                + "('20260102000000', 'steps', '" + steps.checksum() + "', 'running', 1)");
        assertThat(migrator.status()).filteredOn(s -> s.id().equals("20260102000000"))
                .singleElement().satisfies(s -> {
                    assertThat(s.state()).isEqualTo(MigrationState.FAILED);
                    assertThat(s.detail()).contains("interrupted after statement 1");
                });

        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo("20260102000000");
            assertThat(a.resumedAfter()).isEqualTo(1);
        });
        assertThat(db.tableExists("step_three")).isTrue();
        assertThat(db.queryString("SELECT state || ':' || statements_done FROM sleet.migrations "
                + "WHERE id = '20260102000000'")).isEqualTo("applied:3");
    }

    @Test
    void failedNoTransactionStatementWaitsForRepairThenResumes() {
        write(folder, "20260101000000_steps", """
                -- sleet:no-transaction
                CREATE TABLE first_step (id int);
                CREATE INDEX CONCURRENTLY later_idx ON later (id);
                """, null);
        Migrator migrator = Migrator.of(db.dataSource, folder);

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(SleetMigrationException.class, e -> {
                    assertThat(e.statementNumber()).isEqualTo(2);
                    assertThat(e.sqlState()).isEqualTo("42P01");
                })
                .hasMessageContaining("statements 1 to 1 are applied");
        assertThat(db.tableExists("first_step")).isTrue();
        assertThatThrownBy(migrator::migrate)
                .isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining("failed at statement 2 in an earlier run")
                .hasMessageContaining("sleet repair");

        db.execute("CREATE TABLE later (id int)");
        assertThat(migrator.repair().failuresCleared()).containsExactly("20260101000000");
        MigrateResult result = migrator.migrate();

        assertThat(result.applied()).singleElement().extracting(AppliedMigration::resumedAfter).isEqualTo(1);
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'later_idx'")).isEqualTo(1);
    }

    @Test
    void pendingMigrationOlderThanTheNewestAppliedIsAppliedAndReported() {
        write(folder, "20260101000000_a", "CREATE TABLE a (id int);", null);
        write(folder, "20260103000000_c", "CREATE TABLE c (id int);", null);
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate();
        write(folder, "20260102000000_b", "CREATE TABLE b (id int);", null);   // merged from another branch

        MigrateResult result = migrator.migrate();

        assertThat(result.appliedIds()).containsExactly("20260102000000");
        assertThat(result.outOfOrder()).containsExactly("20260102000000");
        assertThat(db.tableExists("b")).isTrue();
        assertThat(migrator.status()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
    }
}
