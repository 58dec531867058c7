package dev.sleet.cli;

import dev.sleet.cli.fixtures.TicketSchema;
import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.kit.generate.Generator;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code sleet migrate --all-tenant-schemas}: one folder applied to every tenant schema in turn, each with its own
 * history, with progress; a failure stops the run with the schemas before it migrated, and running again resumes.
 */
// Swaps the global System.out and System.err: no other test class may run meanwhile.
@ResourceLock(Resources.SYSTEM_OUT)
@ResourceLock(Resources.SYSTEM_ERR)
class TenantSchemasMigrateTest {

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
    void everyTenantSchemaIsMigratedAndARunThatFailedResumes() throws Exception {
        try (Connection admin = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement st = admin.createStatement()) {
            st.execute("create database tenants_cli");
        }
        String url = server.jdbcUrl("tenants_cli");
        exec(url, "create schema tenant_a; create schema tenant_b; create schema tenant_c; create schema other");
        // tenant_b already has a table the migration creates: its migration fails
        exec(url, "create table tenant_b.tickets (id int)");
        Path project = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cli-tenants");
        Files.writeString(project.resolve("sleet.properties"), "schema=" + TicketSchema.class.getName()
                + "\nout=migrations\nurl=" + url + "\n");
        Generator.generate(Schema.of(TicketSchema.class), project.resolve("migrations"), "create_tickets", false,
                Clock.fixed(Instant.parse("2026-11-21T09:30:00Z"), ZoneOffset.UTC));
        String cfg = project.resolve("sleet.properties").toString();

        CliRun failed = CliRun.sleet("migrate", "--config", cfg, "--all-tenant-schemas");

        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.out()).contains("[1/3] tenant_a: applied 1 migration").contains("[2/3] tenant_b: FAILED")
                .doesNotContain("tenant_c");
        assertThat(failed.err()).contains("tenant schema tenant_b: ").contains("it resumes with tenant_b");
        assertThat(count(url, "select count(*) from tenant_a.sleet_migrations")).isEqualTo(1);
        assertThat(count(url, "select count(*) from pg_tables where schemaname = 'tenant_c'")).isZero();

        exec(url, "drop table tenant_b.tickets");
        CliRun resumed = CliRun.sleet("migrate", "--config", cfg, "--all-tenant-schemas");

        assertThat(resumed.status()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("[1/3] tenant_a: up to date").contains("[2/3] tenant_b: applied 1")
                .contains("[3/3] tenant_c: applied 1").contains("3 tenant schemas migrated.");
        for (String schema : new String[] {"tenant_a", "tenant_b", "tenant_c"}) {
            assertThat(count(url, "select count(*) from pg_tables where schemaname = '" + schema
                    + "' and tablename = 'tickets'")).as(schema).isEqualTo(1);
        }
        assertThat(count(url, "select count(*) from pg_tables where schemaname in ('public', 'other')"
                + " and tablename = 'tickets'")).as("nothing outside the tenant schemas").isZero();
        assertThat(count(url, "select count(*) from pg_tables where schemaname = 'sleet'")).isZero();

        CliRun none = CliRun.sleet("migrate", "--config", cfg, "--all-tenant-schemas", "--tenant-schemas", "nobody_*");
        assertThat(none.status()).isEqualTo(1);
        assertThat(none.err()).contains("no schema matches nobody_*");
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
