package dev.sleet.cli;

import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.kit.branch.NeonStandIn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sleet branch ...} on local branches (databases copied from a template) and on Neon (against the
 * stand-in of its API), and {@code sleet migrate --verify-on-branch}.
 */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class BranchCommandTest {

    private static final String NEON_KEY = "napi_cli0test0key0000000000000000000000000000000000000000000000";

    private static EmbeddedPostgres server;

    @BeforeAll
    static void start() {
        server = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void localBranchesAreCreatedListedResetAndDeleted() throws Exception {
        String url = database("branch_cli_app");
        exec(url, "create table notes (id int primary key, body text); insert into notes values (1, 'one'), (2, 'two')");
        String cfg = project("branches", "url=" + url + "\n");

        CliRun created = CliRun.sleet("branch", "create", "feature", "--config", cfg);
        assertThat(created.status()).as(created.err()).isZero();
        assertThat(created.out()).contains("created branch feature from branch_cli_app");
        assertThat(CliRun.sleet("branch", "create", "bare", "--schema-only", "--config", cfg).out())
                .contains("created branch bare from branch_cli_app (schema only)");

        CliRun list = CliRun.sleet("branch", "list", "--config", cfg);
        assertThat(list.out()).containsPattern("name +parent +created +size")
                .containsPattern("feature +branch_cli_app +20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +\\d+\\.\\d MB")
                .containsPattern("bare +branch_cli_app .* \\(schema only\\)");

        CliRun printed = CliRun.sleet("branch", "url", "feature", "--config", cfg);
        String branchUrl = printed.out().strip();
        assertThat(branchUrl).isEqualTo(server.jdbcUrl("feature"));
        exec(branchUrl, "delete from notes");
        assertThat(count(url, "select count(*) from notes")).isEqualTo(2);
        assertThat(count(server.jdbcUrl("bare"), "select count(*) from notes")).isZero();

        CliRun reset = CliRun.sleet("branch", "reset", "feature", "--config", cfg);
        assertThat(reset.out()).contains("reset branch feature to the current state of branch_cli_app");
        assertThat(count(branchUrl, "select count(*) from notes")).isEqualTo(2);

        try (Connection held = DriverManager.getConnection(branchUrl)) {
            CliRun busy = CliRun.sleet("branch", "delete", "feature", "--wait", "0", "--config", cfg);
            assertThat(busy.status()).isEqualTo(1);
            assertThat(busy.err()).contains("cannot drop branch feature: 1 other session is connected")
                    .contains("--force").hasLineCount(1);
            CliRun forced = CliRun.sleet("branch", "delete", "feature", "--wait", "0", "--force", "--config", cfg);
            assertThat(forced.status()).as(forced.err()).isZero();
            assertThat(held.isValid(2)).isFalse();
        }
        assertThat(CliRun.sleet("branch", "delete", "bare", "--config", cfg).out()).contains("deleted branch bare");
        assertThat(CliRun.sleet("branch", "list", "--config", cfg).out()).contains("No branches yet");

        CliRun unknown = CliRun.sleet("branch", "delete", "branch_cli_app", "--config", cfg);
        assertThat(unknown.status()).isEqualTo(1);
        assertThat(unknown.err()).contains("no branch named branch_cli_app").hasLineCount(1);
        assertThat(count(url, "select count(*) from notes")).isEqualTo(2);
    }

    @Test
    void verifyOnBranchTriesEveryMigrationAndItsDownFileBeforeTheTarget() throws Exception {
        String url = database("verify_ok");
        String cfg = project("verify-ok", "url=" + url + "\n");
        Path migrations = Path.of(cfg).getParent().resolve("migrations");
        migration(migrations, "20261121090000_create_notes", "create table notes (id int primary key, body text);",
                "drop table notes;");
        migration(migrations, "20261121090100_add_author", "alter table notes add column author text;",
                "alter table notes drop column author;");

        CliRun run = CliRun.sleet("migrate", "--verify-on-branch", "--config", cfg);

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Verifying the pending migrations on a throwaway branch:")
                .containsPattern("created branch sleet_verify_\\w+ from verify_ok")
                .containsPattern("applied 20261121090000_create_notes \\(\\d+ ms\\)\\n  applied 20261121090100_add_author"
                        + " \\(\\d+ ms\\)\\n  rolled back 20261121090100_add_author\\n  rolled back 20261121090000_create_notes\\n  applied again "
                        + "20261121090000_create_notes \\(\\d+ ms\\)\\n  applied again 20261121090100_add_author")
                .contains("verified: 2 migrations apply, roll back and apply again")
                .containsPattern("deleted branch sleet_verify_\\w+")
                .contains("Migrating the database:");
        assertThat(run.out().indexOf("Migrating the database:"))
                .isGreaterThan(run.out().indexOf("deleted branch sleet_verify_"));
        assertThat(count(url, "select count(*) from sleet.migrations")).isEqualTo(2);
        assertThat(count(url, "select count(*) from information_schema.columns where table_name = 'notes' and "
                + "column_name = 'author'")).isEqualTo(1);
        assertThat(verifyBranchesLeft()).isZero();

        CliRun again = CliRun.sleet("migrate", "--verify-on-branch", "--config", cfg);
        assertThat(again.out()).contains("nothing to verify: no migration is pending");
    }

    @Test
    void aMigrationThatFailsHalfWayOnTheBranchLeavesTheTargetUntouched() throws Exception {
        String url = database("verify_fail");
        exec(url, "create table accounts (id int primary key, email text); insert into accounts values (1, 'a@b.c')");
        String cfg = project("verify-fail", "url=" + url + "\n");
        Path migrations = Path.of(cfg).getParent().resolve("migrations");
        migration(migrations, "20261121090000_add_plan", "alter table accounts add column plan text;",
                "alter table accounts drop column plan;");
        migration(migrations, "20261121090100_backfill", """
                alter table accounts add column score int;
                update accounts set score = 1;
                alter table accounts add constraint accounts_email_key unique (emial);
                """, "alter table accounts drop column score;");

        CliRun run = CliRun.sleet("migrate", "--verify-on-branch", "--config", cfg);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("the verification on a branch failed")
                .contains("20261121090100_backfill").contains("statement 3").contains("emial")
                .contains("The database was not migrated");
        assertThat(run.out()).containsPattern("deleted branch sleet_verify_\\w+").doesNotContain("Migrating");
        assertThat(verifyBranchesLeft()).as("the branch is gone").isZero();
        assertThat(count(url, "select count(*) from information_schema.columns where table_name = 'accounts'"))
                .as("the target keeps its two columns").isEqualTo(2);
        assertThat(count(url, "select count(*) from pg_namespace where nspname = 'sleet'")).isZero();
        assertThat(count(url, "select count(*) from accounts")).isEqualTo(1);
    }

    @Test
    void neonBranchesThroughTheStandIn() throws Exception {
        try (NeonStandIn neon = NeonStandIn.start(NEON_KEY)) {
            neon.pollsToFinish(1);
            String cfg = project("neon", "url=postgres://app@neon.invalid/neondb\nneon.projectId="
                    + NeonStandIn.PROJECT + "\nneon.apiUrl=" + neon.apiUrl() + "\n");
            Path dir = Path.of(cfg).getParent();

            CliRun noKey = CliRun.sleet("branch", "list", "--config", cfg);
            assertThat(noKey.status()).isEqualTo(2);
            assertThat(noKey.err()).contains("NEON_API_KEY").hasLineCount(1);

            Files.writeString(dir.resolve(".env"), "NEON_API_KEY=" + NEON_KEY + "\n");
            neon.answerNext("POST", 1, 423, null);
            CliRun created = CliRun.sleet("branch", "create", "dev", "--config", cfg);
            assertThat(created.status()).as(created.err()).isZero();
            assertThat(created.out()).contains("created branch dev from main");
            assertThat(neon.exists("dev")).isTrue();

            assertThat(CliRun.sleet("branch", "list", "--config", cfg).out()).containsPattern("dev +main +20");
            assertThat(CliRun.sleet("branch", "url", "dev", "--pooled", "--config", cfg).out()).contains("-pooler");
            assertThat(CliRun.sleet("branch", "reset", "dev", "--config", cfg).out())
                    .contains("reset branch dev to the current state of main");

            neon.failNextOperationOnce("disk quota exceeded");
            CliRun retried = CliRun.sleet("branch", "create", "retried", "--config", cfg);
            assertThat(retried.status()).as(retried.err()).isZero();
            assertThat(retried.out()).contains("disk quota exceeded").contains("created branch retried");
            neon.cancelNextOperation();
            CliRun failed = CliRun.sleet("branch", "create", "doomed", "--config", cfg);
            assertThat(failed.status()).isEqualTo(1);
            assertThat(failed.err()).contains("cancelled").hasLineCount(1);

            CliRun deleted = CliRun.sleet("branch", "delete", "dev", "--config", cfg);
            assertThat(deleted.status()).as(deleted.err()).isZero();
            assertThat(neon.exists("dev")).isFalse();
            assertThat(created.out() + created.err() + failed.err() + deleted.out()).doesNotContain(NEON_KEY);
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String database(String name) throws SQLException {
        exec(server.jdbcUrl("postgres"), "create database " + name);
        return server.jdbcUrl(name);
    }

    private static String project(String name, String properties) throws IOException {
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-" + name);
        Files.writeString(project.resolve("sleet.properties"), "schema=com.example.Unused\nout=migrations\n"
                + properties);
        return project.resolve("sleet.properties").toString();
    }

    private static void migration(Path folder, String id, String up, String down) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(id));
        Files.writeString(dir.resolve("up.sql"), up);
        Files.writeString(dir.resolve("down.sql"), down);
    }

    private static long verifyBranchesLeft() throws SQLException {
        return count(server.jdbcUrl("postgres"), "select count(*) from pg_database where datname like 'sleet_verify%'");
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
