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

/** The history table {@code sleet.migrations} on a real PostgreSQL. */
class MigrationHistoryTest {

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
    void theHistoryTableIsCreatedWholeOrNotAtAll() {
        write(folder, "20260101000000_a", "CREATE TABLE a (id int);", null);
        // The last step of creating the history fails, as a migrator killed just before it would stop there.
        db.execute("CREATE FUNCTION refuse_comments() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " RAISE EXCEPTION 'no comments today'; END $$");
        db.execute("CREATE EVENT TRIGGER refuse_comments ON ddl_command_end WHEN TAG IN ('COMMENT')"
                + " EXECUTE FUNCTION refuse_comments()");
        Migrator migrator = Migrator.of(db.dataSource, folder);

        assertThatThrownBy(migrator::migrate).isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining("no comments today");
        assertThat(db.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).isZero();

        db.execute("DROP EVENT TRIGGER refuse_comments");
        assertThat(migrator.migrate().appliedIds()).containsExactly("20260101000000");
        assertThat(db.queryString("SELECT obj_description('sleet.migrations'::regclass, 'pg_class')"))
                .startsWith("Migrations applied by Sleet");
    }
}
