package dev.sleet.cli;

import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.embedded.EmbeddedPostgresException;
import dev.sleet.render.RenderContext;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * The database the CLI uses when the configuration names no {@code url}: an embedded PostgreSQL whose data
 * lives in {@code .sleet/postgres} next to the configuration, so that {@code generate}, {@code migrate} and
 * {@code status} see the same database run after run. When the JVM runs as root and the project folder is out
 * of reach of the unprivileged account the server runs as (a home folder), the data goes to a folder of the
 * temp directory named after the project instead, and the CLI says where.
 */
public final class ProjectDatabase implements AutoCloseable {

    /** The database the CLI creates in the embedded server. */
    public static final String DATABASE = "sleet";

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private ProjectDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts (and on first use creates) the project's embedded database.
     *
     * @param projectDir the folder of the configuration file
     * @param out        where to say which data folder is used when it is not the default
     * @return the running database; close it to stop the server
     */
    public static ProjectDatabase start(Path projectDir, PrintStream out) {
        Path preferred = projectDir.toAbsolutePath().resolve(".sleet").resolve("postgres");
        EmbeddedPostgres server;
        Path dir = preferred;
        try {
            server = EmbeddedPostgres.builder().dataDirectory(preferred).start();
        } catch (EmbeddedPostgresException e) {
            // The launcher refuses, before creating anything, a folder the server account cannot reach.
            if (!e.getMessage().contains("cannot reach")) {
                throw e;
            }
            dir = Path.of(System.getProperty("java.io.tmpdir"), "sleet-project-" + hash(preferred.toString()));
            out.println("note: " + preferred + " is out of reach of the database server's account; its data is "
                    + "kept in " + dir);
            server = EmbeddedPostgres.builder().dataDirectory(dir).start();
        }
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"));
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            boolean found;
            try (ResultSet rs = exists.executeQuery()) {
                found = rs.next();
            }
            if (!found) {
                try (Statement st = c.createStatement()) {
                    st.execute("create database " + RenderContext.quoteIdentifier(DATABASE));
                }
            }
        } catch (SQLException e) {
            server.close();
            throw new EmbeddedPostgresException("the embedded database could not be prepared: " + e.getMessage(), e);
        }
        return new ProjectDatabase(server, dir);
    }

    /**
     * Returns the JDBC URL of the project's database.
     *
     * @return the URL
     */
    public String url() {
        return server.jdbcUrl(DATABASE);
    }

    /**
     * Returns where the data lives.
     *
     * @return the data directory
     */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server; the data stays. */
    @Override
    public void close() {
        server.close();
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
