package dev.sleet.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresTest {

    @Test
    void startsPostgres17AndCleansUpOnClose() throws Exception {
        Path dataDirectory;
        try (EmbeddedPostgres pg = EmbeddedPostgres.start()) {
            dataDirectory = pg.dataDirectory();
            assertThat(pg.port()).isPositive();
            assertThat(pg.host()).isEqualTo("127.0.0.1");
            assertThat(pg.version()).startsWith("17.");
            assertThat(pg.jdbcUrl("postgres"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + pg.port() + "/postgres?user=postgres");
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"));
                 Statement s = c.createStatement()) {
                assertThat(queryString(s, "select version()")).startsWith("PostgreSQL 17");
                assertThat(queryString(s, "show server_version_num")).startsWith("17");
                assertThat(queryString(s, "show max_connections")).isEqualTo("300");
                assertThat(queryString(s, "show fsync")).isEqualTo("off");
                assertThat(queryString(s, "show server_encoding")).isEqualTo("UTF8");
                assertThat(queryString(s, "show unix_socket_directories")).isEmpty();
                assertThat(queryString(s, "select current_user")).isEqualTo("postgres");
            }
            assertThat(pg.isRunning()).isTrue();
            assertThat(Files.readString(pg.logFile())).contains("database system is ready to accept connections");
        }
        assertThat(dataDirectory).doesNotExist();
    }

    @Test
    void reusesAPersistentDataDirectory() throws Exception {
        // not @TempDir: as root the server runs as 'nobody', which cannot enter a 0700 directory owned by root
        Path parent = Files.createTempDirectory("sleet-embedded-test-");
        PostgresBinaries.setMode(parent, 0755);
        Path data = parent.resolve("cluster");
        try {
            int firstPort;
            try (EmbeddedPostgres pg = EmbeddedPostgres.start(data, 0)) {
                firstPort = pg.port();
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("postgres"));
                     Statement s = c.createStatement()) {
                    s.execute("create database kept");
                }
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kept"));
                     Statement s = c.createStatement()) {
                    s.execute("create table marker(v text)");
                    s.execute("insert into marker values ('still here')");
                }
            }
            assertThat(data.resolve("PG_VERSION")).exists();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();

            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().dataDirectory(data).port(0)
                    .setting("application_name", "reuse-test").start()) {
                try (Connection c = DriverManager.getConnection(pg.jdbcUrl("kept"));
                     Statement s = c.createStatement()) {
                    assertThat(queryString(s, "select v from marker")).isEqualTo("still here");
                }
                assertThat(pg.port()).isPositive();
                assertThat(firstPort).isPositive();
            }
            assertThat(data.resolve("PG_VERSION")).exists();
        } finally {
            OsProcesses.deleteRecursively(parent);
        }
    }

    @Test
    void closeTerminatesOpenConnections() throws Exception {
        EmbeddedPostgres pg = EmbeddedPostgres.start();
        Connection open = DriverManager.getConnection(pg.jdbcUrl("postgres"));
        long started = System.nanoTime();
        pg.close();
        assertThat(System.nanoTime() - started).isLessThan(20_000_000_000L);
        assertThat(pg.isRunning()).isFalse();
        assertThatThrownBy(() -> open.createStatement().execute("select 1")).isInstanceOf(SQLException.class);
        open.close();
    }

    @Test
    void failureMessageCarriesTheLog() throws IOException {
        assertThatThrownBy(() -> EmbeddedPostgres.builder().setting("max_connections", "not-a-number").start())
                .isInstanceOf(EmbeddedPostgresException.class)
                .hasMessageContaining("PostgreSQL server failed to start")
                .hasMessageContaining("max_connections")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static String queryString(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }
}
