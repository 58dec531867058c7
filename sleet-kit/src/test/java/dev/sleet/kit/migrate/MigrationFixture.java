package dev.sleet.kit.migrate;

import dev.sleet.kit.TestServer;
import org.postgresql.ds.PGSimpleDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A fresh database on a shared server, and helpers to write migration directories and query the catalog. */
final class MigrationFixture {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final TestServer server;
    final String database;
    final PGSimpleDataSource dataSource;

    private MigrationFixture(TestServer server, String database) {
        this.server = server;
        this.database = database;
        this.dataSource = new PGSimpleDataSource();
        this.dataSource.setUrl(server.jdbcUrl(database));
    }

    static MigrationFixture freshDatabase(TestServer server) {
        String name = server.name("migrate_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet());
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return new MigrationFixture(server, name);
    }

    /** The JDBC URL of the database, for a migrator in another process. */
    String url() {
        return server.jdbcUrl(database);
    }

    void drop() {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test database " + database, e);
        }
    }

    static Path write(Path folder, String directory, String up, String down) {
        try {
            Path dir = Files.createDirectories(folder.resolve(directory));
            if (up != null) {
                Files.writeString(dir.resolve("up.sql"), up, StandardCharsets.UTF_8);
            }
            if (down != null) {
                Files.writeString(dir.resolve("down.sql"), down, StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long queryLong(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    String queryString(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    void execute(String sql) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    boolean tableExists(String name) {
        return queryLong("SELECT count(*) FROM pg_class WHERE relname = '" + name + "' AND relkind = 'r'") == 1;
    }

    long historyRows() {
        return queryLong("SELECT count(*) FROM sleet.migrations");
    }
}
