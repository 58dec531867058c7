package dev.sleet.kit.migrate;

import dev.sleet.kit.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code -- sleet:no-transaction} migration interrupted at any point resumes without running a finished
 * statement twice and without tripping over what an interrupted concurrent index statement left behind.
 */
class StepwiseMigrationTest {

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

    @Test
    void aSessionLostBeforeItsProgressIsRecordedLeavesNothingOfTheStatement() {
        write(folder, "20260101000000_counter", "CREATE TABLE counter (n int NOT NULL);\n"
                + "INSERT INTO counter VALUES (0);", null);
        write(folder, "20260102000000_bump", "-- sleet:no-transaction\nUPDATE counter SET n = n + 1;\n"
                + "CREATE INDEX CONCURRENTLY counter_n_idx ON counter (n);", null);
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260101000000");
        // The session dies as it records statement 1, as when the migrator is killed between the two.
        db.execute("CREATE FUNCTION die() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.statements_done = 1 THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;"
                + " RETURN NEW; END $$");
        db.execute("CREATE TRIGGER die BEFORE UPDATE ON sleet.migrations FOR EACH ROW EXECUTE FUNCTION die()");

        assertThatThrownBy(migrator::migrate).isInstanceOf(SleetMigrationException.class);
        db.execute("DROP TRIGGER die ON sleet.migrations");
        assertThat(db.queryLong("SELECT n FROM counter")).isZero();

        MigrateResult resumed = migrator.migrate();

        assertThat(resumed.appliedIds()).containsExactly("20260102000000");
        assertThat(db.queryLong("SELECT n FROM counter")).isEqualTo(1);
        assertThat(db.queryString("SELECT state || ':' || statements_done FROM sleet.migrations"
                + " WHERE id = '20260102000000'")).isEqualTo("applied:2");
    }

    @Test
    void theInvalidIndexOfAFailedBuildIsDroppedAndBuiltAgainOnResume() {
        write(folder, "20260101000000_items", "CREATE TABLE items (sku text);\n"
                + "INSERT INTO items VALUES ('a'), ('a'), ('b');", null);
        write(folder, "20260102000000_items_sku_key", """
                -- sleet:no-transaction
                CREATE UNIQUE INDEX CONCURRENTLY items_sku_key ON items (sku);
                CREATE TABLE after_index (id int);
                """, null);
        Migrator migrator = Migrator.of(db.dataSource, folder);

        assertThatThrownBy(migrator::migrate)
                .isInstanceOfSatisfying(SleetMigrationException.class,
                        e -> assertThat(e.sqlState()).isEqualTo("23505"))
                .hasMessageContaining("none of its statements is applied")
                .hasMessageContaining("dropped and built again");
        assertThat(validity("items_sku_key")).isEqualTo("invalid");
        db.execute("DELETE FROM items WHERE ctid = (SELECT min(ctid) FROM items WHERE sku = 'a')");
        migrator.repair();

        MigrateResult resumed = migrator.migrate();

        assertThat(resumed.appliedIds()).containsExactly("20260102000000");
        assertThat(validity("items_sku_key")).isEqualTo("valid");
        assertThat(db.tableExists("after_index")).isTrue();
    }

    @Test
    void aBuildOrDropThatFinishedBeforeTheInterruptionIsOnlyRecorded() {
        write(folder, "20260101000000_items", "CREATE TABLE items (sku text, name text);\n"
                + "CREATE INDEX items_name_idx ON items (name);", null);
        write(folder, "20260102000000_sku_idx", "-- sleet:no-transaction\n"
                + "CREATE INDEX CONCURRENTLY items_sku_idx ON items (sku);", null);
        write(folder, "20260103000000_drop_name_idx", "-- sleet:no-transaction\n"
                + "DROP INDEX CONCURRENTLY items_name_idx;", null);
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260101000000");
        // What two migrators killed after their statement finished but before recording it leave behind.
        Migration build = MigrationFolder.read(folder).find("20260102000000").orElseThrow();
        db.execute("CREATE INDEX CONCURRENTLY items_sku_idx ON items (sku)");
        db.execute("INSERT INTO sleet.migrations (id, name, checksum, state, statements_done) VALUES "
                + "('20260102000000', 'sku_idx', '" + build.checksum() + "', 'running', 0)");

        assertThat(migrator.migrate("20260102000000").appliedIds()).containsExactly("20260102000000");

        Migration drop = MigrationFolder.read(folder).find("20260103000000").orElseThrow();
        db.execute("DROP INDEX CONCURRENTLY items_name_idx");
        db.execute("INSERT INTO sleet.migrations (id, name, checksum, state, statements_done) VALUES "
                + "('20260103000000', 'drop_name_idx', '" + drop.checksum() + "', 'running', 0)");

        assertThat(migrator.migrate().appliedIds()).containsExactly("20260103000000");
        assertThat(validity("items_sku_idx")).isEqualTo("valid");
        assertThat(validity("items_name_idx")).isEqualTo("missing");
        assertThat(db.queryString("SELECT string_agg(state || ':' || statements_done, ',' ORDER BY id)"
                + " FROM sleet.migrations WHERE statements_done IS NOT NULL")).isEqualTo("applied:1,applied:1");
    }

    @Test
    void aStatementThatRefusesATransactionBlockRunsOnItsOwn() {
        // CLUSTER without a table is not in the migrator's list: PostgreSQL refuses it in a transaction block.
        write(folder, "20260101000000_maintenance", """
                -- sleet:no-transaction
                CREATE TABLE kept (id int);
                CLUSTER;
                VACUUM kept;
                INSERT INTO kept VALUES (1);
                """, null);

        MigrateResult result = Migrator.of(db.dataSource, folder).migrate();

        assertThat(result.appliedIds()).containsExactly("20260101000000");
        assertThat(db.queryLong("SELECT count(*) FROM kept")).isEqualTo(1);
        assertThat(db.queryString("SELECT state || ':' || statements_done FROM sleet.migrations"))
                .isEqualTo("applied:4");
    }

    @Test
    void statementsThatMustRunOutsideATransactionAreRecognised() {
        assertThat(StepwiseMigration.refusesTransactionBlock("-- sleet:no-transaction\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY i ON t (c)")).isTrue();
        assertThat(StepwiseMigration.refusesTransactionBlock("REINDEX TABLE CONCURRENTLY t")).isTrue();
        assertThat(StepwiseMigration.refusesTransactionBlock("vacuum (analyze) t")).isTrue();
        assertThat(StepwiseMigration.refusesTransactionBlock("CALL backfill(1000)")).isTrue();
        assertThat(StepwiseMigration.refusesTransactionBlock("CREATE DATABASE other")).isTrue();
        assertThat(StepwiseMigration.refusesTransactionBlock("ALTER SYSTEM SET work_mem = '64MB'")).isTrue();

        assertThat(StepwiseMigration.refusesTransactionBlock("ALTER TYPE mood ADD VALUE 'meh'")).isFalse();
        assertThat(StepwiseMigration.refusesTransactionBlock("UPDATE t SET note = 'concurrently'")).isFalse();
        assertThat(StepwiseMigration.refusesTransactionBlock("CREATE TABLE \"vacuum\" (id int)")).isFalse();
        assertThat(StepwiseMigration.refusesTransactionBlock("ALTER DATABASE app SET work_mem = '64MB'")).isFalse();
    }

    private String validity(String index) {
        return db.queryString("SELECT coalesce((SELECT CASE WHEN i.indisvalid THEN 'valid' ELSE 'invalid' END"
                + " FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE c.relname = '" + index + "'),"
                + " 'missing')");
    }
}
