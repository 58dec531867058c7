package dev.sleet.kit;

import dev.sleet.embedded.EmbeddedPostgres;

import java.util.UUID;

/**
 * The PostgreSQL server of the kit's tests: the one in {@code SLEET_TEST_DATABASE_URL} when set (CI's
 * PostgreSQL 15 leg), else an embedded PostgreSQL 17 for this test class. On a server that outlives the test
 * run, database names get a suffix unique to the run ({@link #name(String)}), so that runs do not collide.
 */
public final class TestServer implements AutoCloseable {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

    private final EmbeddedPostgres embedded;
    private final java.util.List<String> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String external;

    private TestServer(EmbeddedPostgres embedded, String external) {
        this.embedded = embedded;
        this.external = external;
    }

    /**
     * Starts the embedded server, or uses the configured one.
     *
     * @return the server
     */
    public static TestServer start() {
        String url = System.getenv("SLEET_TEST_DATABASE_URL");
        // surefire passes an unset variable through as its own placeholder text
        if (url == null || url.isBlank() || url.startsWith("${")) {
            return new TestServer(EmbeddedPostgres.start(), null);
        }
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalStateException("SLEET_TEST_DATABASE_URL must be a jdbc:postgresql:// URL for the kit's "
                    + "tests");
        }
        return new TestServer(null, url);
    }

    /**
     * Returns the JDBC URL of a database on this server.
     *
     * @param database the database's name
     * @return the URL, with the configured user and options
     */
    public String jdbcUrl(String database) {
        if (embedded != null) {
            return embedded.jdbcUrl(database);
        }
        String rest = external.substring("jdbc:postgresql://".length());
        int slash = rest.indexOf('/');
        int query = rest.indexOf('?');
        String hostPort = slash < 0 ? (query < 0 ? rest : rest.substring(0, query)) : rest.substring(0, slash);
        String params = query < 0 ? "" : rest.substring(query);
        return "jdbc:postgresql://" + hostPort + "/" + database + params;
    }

    /**
     * Returns the name to create a test database under: as given on the embedded server, with a suffix unique
     * to this run on a shared one.
     *
     * @param base the name the test chose
     * @return the name to use
     */
    public String name(String base) {
        return embedded != null ? base : base + "_" + SUFFIX;
    }

    /**
     * Creates a database for a test, named as {@link #name(String)} says; on a shared server, {@link #close()}
     * drops it again, so that runs do not pile databases up on it.
     *
     * @param base the name the test chose
     * @return the name created
     */
    public String createDatabase(String base) {
        String name = name(base);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"));
             java.sql.Statement st = c.createStatement()) {
            st.execute("create database \"" + name + "\"");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create test database " + name + ": " + e.getMessage(), e);
        }
        created.add(name);
        return name;
    }

    /** Stops the embedded server; on a configured server, drops the databases made by createDatabase. */
    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl("postgres"));
             java.sql.Statement st = c.createStatement()) {
            for (String name : created) {
                st.execute("drop database if exists \"" + name + "\" with (force)");
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot drop test databases " + created + ": " + e.getMessage(), e);
        }
    }
}
