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
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.sleet.kit.migrate.MigrationFixture.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** {@code rollback}, {@code status}, {@code repair} and {@code baseline} on a real PostgreSQL. */
class MigratorRecoveryTest {

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
        write(folder, "20260101000000_authors", "CREATE TABLE authors (id int PRIMARY KEY);", "DROP TABLE authors;");
        write(folder, "20260102000000_books",
                "CREATE TABLE books (id int PRIMARY KEY, author int REFERENCES authors (id));\n"
                        + "CREATE INDEX books_author_idx ON books (author);",
                "DROP TABLE books;");
        write(folder, "20260103000000_reviews", "CREATE TABLE reviews (book int REFERENCES books (id));\n"
                + "ALTER TABLE authors ADD COLUMN name text;",
                "DROP TABLE reviews;\nALTER TABLE authors DROP COLUMN name;");
    }

    @AfterEach
    void dropDatabase() {
        db.drop();
    }

    @Test
    void rollbackOfTwoStepsRestoresThePreviousCatalog() {
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260101000000");
        String catalogAfterFirst = catalog();
        migrator.migrate();

        RollbackResult result = migrator.rollback(2);

        assertThat(result.rolledBack()).containsExactly("20260103000000", "20260102000000");
        assertThat(db.tableExists("books")).isFalse();
        assertThat(db.tableExists("reviews")).isFalse();
        assertThat(catalog()).isEqualTo(catalogAfterFirst);
        assertThat(db.queryString("SELECT string_agg(id, ',') FROM sleet.migrations")).isEqualTo("20260101000000");
        assertThat(migrator.migrate().appliedIds()).containsExactly("20260102000000", "20260103000000");
    }

    @Test
    void rollbackToKeepsTheGivenMigrationApplied() {
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate();

        assertThat(migrator.rollbackTo("20260101000000").rolledBack())
                .containsExactly("20260103000000", "20260102000000");
        assertThat(db.tableExists("authors")).isTrue();
        assertThat(db.historyRows()).isEqualTo(1);
        assertThatThrownBy(() -> migrator.rollbackTo("20260102000000"))
                .isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining("20260102000000: it is not applied");
    }

    @Test
    void rollbackStopsBeforeRunningAnythingWhenADownFileIsMissing() throws Exception {
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate();
        Path down = folder.resolve("20260102000000_books/down.sql");
        Files.delete(down);

        assertThatThrownBy(() -> migrator.rollback(3))
                .isInstanceOfSatisfying(SleetMigrationException.class,
                        e -> assertThat(e.migrationId()).isEqualTo("20260102000000"))
                .hasMessageContaining(down + " does not exist")
                .hasMessageContaining("nothing was rolled back");
        assertThat(db.tableExists("reviews")).isTrue();
        assertThat(db.historyRows()).isEqualTo(3);
    }

    @Test
    void failingDownStatementLeavesTheMigrationApplied() throws Exception {
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate();
        Files.writeString(folder.resolve("20260103000000_reviews/down.sql"),
                "DROP TABLE reviews;\nALTER TABLE authors DROP COLUMN no_such_column;");

        assertThatThrownBy(() -> migrator.rollback(1))
                .isInstanceOfSatisfying(SleetMigrationException.class, e -> {
                    assertThat(e.statementNumber()).isEqualTo(2);
                    assertThat(e.file()).isEqualTo(folder.resolve("20260103000000_reviews/down.sql"));
                    assertThat(e.sqlState()).isEqualTo("42703");
                });
        assertThat(db.tableExists("reviews")).isTrue();
        assertThat(db.historyRows()).isEqualTo(3);
    }

    @Test
    void statusShowsAppliedPendingChangedMissingAndFailed() throws Exception {
        write(folder, "20260104000000_nontx", "-- sleet:no-transaction\nCREATE TABLE nontx (id int);\n"
                + "CREATE INDEX CONCURRENTLY nontx_idx ON missing (id);", null);
        write(folder, "20260105000000_later", "CREATE TABLE later (id int);", null);
        Migrator migrator = Migrator.of(db.dataSource, folder);
        migrator.migrate("20260103000000");
        Files.writeString(folder.resolve("20260102000000_books/up.sql"), "CREATE TABLE books (id bigint);");
        deleteRecursively(folder.resolve("20260101000000_authors"));
        db.execute("INSERT INTO sleet.migrations (id, name, checksum, state, statements_done, error) VALUES "
                + "('20260104000000', 'nontx', 'x', 'failed', 1, 'relation \"missing\" does not exist')");

        List<MigrationStatus> status = migrator.status();

        assertThat(status).extracting(MigrationStatus::id, MigrationStatus::state).containsExactly(
                tuple("20260101000000", MigrationState.MISSING),
                tuple("20260102000000", MigrationState.CHANGED),
                tuple("20260103000000", MigrationState.APPLIED),
                tuple("20260104000000", MigrationState.FAILED),
                tuple("20260105000000", MigrationState.PENDING));
        assertThat(status.get(3).detail()).contains("statement 2 failed").contains("missing");
        assertThat(status.get(2).appliedAt()).isNotNull();
        assertThat(status.get(4).appliedAt()).isNull();
    }

    @Test
    void statusOfAFreshDatabaseCreatesNothing() {
        assertThat(Migrator.of(db.dataSource, folder).status()).extracting(MigrationStatus::state)
                .containsOnly(MigrationState.PENDING).hasSize(3);
        assertThat(db.queryLong("SELECT count(*) FROM pg_namespace WHERE nspname = 'sleet'")).isZero();
    }

    @Test
    void baselineMarksMigrationsAppliedWithoutRunningThem() {
        db.execute("CREATE TABLE authors (id int PRIMARY KEY)");
        db.execute("CREATE TABLE books (id int PRIMARY KEY, author int REFERENCES authors (id))");
        Migrator migrator = Migrator.of(db.dataSource, folder);

        BaselineResult baseline = migrator.baseline("20260102000000");

        assertThat(baseline.baselined()).containsExactly("20260101000000", "20260102000000");
        assertThat(db.queryLong("SELECT count(*) FROM pg_class WHERE relname = 'books_author_idx'")).isZero();
        assertThat(db.queryLong("SELECT count(*) FROM sleet.migrations WHERE baseline")).isEqualTo(2);
        assertThat(migrator.migrate().appliedIds()).containsExactly("20260103000000");
        assertThat(db.tableExists("reviews")).isTrue();
        assertThat(migrator.baseline("20260103000000").baselined()).isEmpty();
        assertThatThrownBy(() -> migrator.baseline("20250101000000"))
                .isInstanceOf(SleetMigrationException.class)
                .hasMessageContaining("no migration 20250101000000");
    }

    private String catalog() {
        return db.queryString("""
                SELECT string_agg(c.relname || '.' || coalesce(a.attname, '') || ':'
                                  || coalesce(format_type(a.atttypid, a.atttypmod), ''), ',' ORDER BY 1)
                FROM pg_class c
                JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                """) + "|" + db.queryString("SELECT string_agg(conname, ',' ORDER BY 1) FROM pg_constraint "
                + "WHERE connamespace = 'public'::regnamespace");
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
