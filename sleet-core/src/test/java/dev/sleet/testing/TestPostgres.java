package dev.sleet.testing;

import dev.sleet.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Objects;

/**
 * The PostgreSQL server of this test JVM, and fresh databases on it.
 *
 * <p>By default the server is an {@link EmbeddedPostgres} (PostgreSQL 17) started on first use and stopped when
 * the JVM exits. When the environment variable {@value #URL_ENV} holds a JDBC URL of an existing server's
 * maintenance database, for example {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}, that server
 * is used instead ({@code postgres://user:password@host:port/db} URLs are accepted too). The user must be
 * allowed to create databases.
 *
 * <p>All methods are thread-safe; tests of several classes may create databases concurrently.
 */
public final class TestPostgres {

    /** The environment variable naming an existing server to test against. */
    public static final String URL_ENV = "SLEET_TEST_DATABASE_URL";

    /** Prefix of the names of databases created here. */
    public static final String NAME_PREFIX = "sleet_";

    private static final int MAX_NAME_LENGTH = 63;
    private static final int SUFFIX_LENGTH = 8;
    private static final String SUFFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private static volatile Server server;

    private TestPostgres() {
    }

    /**
     * Creates a new, empty database with a unique name derived from {@code nameHint}: lowercased, with runs of
     * characters other than {@code a-z0-9_} replaced by {@code _}, prefixed with {@value #NAME_PREFIX}, suffixed
     * with {@code _} and 8 random characters, and at most 63 characters long.
     *
     * @param nameHint something recognisable such as the test class name; may be {@code null} or empty
     * @return the new database
     * @throws IllegalStateException when the server cannot be reached or refuses to create the database
     */
    public static TestDatabase createDatabase(String nameHint) {
        Server s = server();
        SQLException last = null;
        for (int attempt = 1; attempt <= 10; attempt++) {
            String name = databaseName(nameHint);
            try (Connection c = s.connectAdmin(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE " + quote(name));
                return s.database(name);
            } catch (SQLException e) {
                last = e;
                // 42P04: name taken (by a concurrent run); 55006: template1 in use by another session
                if (!"42P04".equals(e.getSQLState()) && !"55006".equals(e.getSQLState())) {
                    break;
                }
                sleep(50L * attempt);
            }
        }
        throw new IllegalStateException("could not create a test database on " + s.describe() + ": "
                + (last == null ? "unknown error" : last.getMessage()), last);
    }

    /**
     * Drops a database created by {@link #createDatabase(String)}, disconnecting its sessions first.
     * Does nothing when it no longer exists.
     *
     * @param database the database to drop
     */
    public static void dropDatabase(TestDatabase database) {
        dropDatabase(Objects.requireNonNull(database, "database").name());
    }

    /**
     * Drops a database by name ({@code DROP DATABASE IF EXISTS ... WITH (FORCE)}), disconnecting its sessions.
     *
     * @param name the database name
     * @throws IllegalStateException when the server refuses
     */
    public static void dropDatabase(String name) {
        Objects.requireNonNull(name, "name");
        Server s = server();
        try (Connection c = s.connectAdmin(); Statement st = c.createStatement()) {
            if (c.getMetaData().getDatabaseMajorVersion() >= 13) {
                st.execute("DROP DATABASE IF EXISTS " + quote(name) + " WITH (FORCE)");
            } else {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
                        + "'" + name.replace("'", "''") + "' AND pid <> pg_backend_pid()");
                st.execute("DROP DATABASE IF EXISTS " + quote(name));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + " on " + s.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * The maintenance database the others are created from (normally {@code postgres}); tests should not
     * change it.
     *
     * @return the database that {@value #URL_ENV} names, or the embedded server's {@code postgres} database
     */
    public static TestDatabase maintenanceDatabase() {
        return server().admin;
    }

    /**
     * Whether the server is the embedded one (as opposed to the one in {@value #URL_ENV}).
     *
     * @return {@code true} when {@value #URL_ENV} is not set
     */
    public static boolean isEmbedded() {
        return server().embedded != null;
    }

    /**
     * A short description of the server for messages, e.g. {@code embedded PostgreSQL 17.6 on 127.0.0.1:41234}.
     *
     * @return the description
     */
    public static String describe() {
        return server().describe();
    }

    // ------------------------------------------------------------------------------------------------ internals

    private static Server server() {
        Server s = server;
        if (s == null) {
            synchronized (TestPostgres.class) {
                s = server;
                if (s == null) {
                    s = Server.open(configuredUrl());
                    server = s;
                }
            }
        }
        return s;
    }

    /** The URL from the environment, or null; an unexpanded Maven expression counts as unset. */
    private static String configuredUrl() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank() || url.startsWith("${")) {
            return null;
        }
        return url.strip();
    }

    static String databaseName(String hint) {
        String base = hint == null ? "" : hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        base = base.replaceAll("_+", "_").replaceAll("^_|_$", "");
        int room = MAX_NAME_LENGTH - NAME_PREFIX.length() - 1 - SUFFIX_LENGTH;
        if (base.length() > room) {
            base = base.substring(0, room).replaceAll("_$", "");
        }
        StringBuilder name = new StringBuilder(NAME_PREFIX).append(base.isEmpty() ? "db" : base).append('_');
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            name.append(SUFFIX_ALPHABET.charAt(RANDOM.nextInt(SUFFIX_ALPHABET.length())));
        }
        return name.toString();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The server: where it is, how to log in, and (when embedded) the running instance. */
    private static final class Server {
        final EmbeddedPostgres embedded;
        /** {@code jdbc:postgresql://hosts/} */
        final String prefix;
        /** query string without the leading '?', possibly empty */
        final String query;
        final String user;
        final String password;
        final TestDatabase admin;

        private Server(EmbeddedPostgres embedded, String prefix, String adminDatabase, String query, String user,
                       String password) {
            this.embedded = embedded;
            this.prefix = prefix;
            this.query = query;
            this.user = user;
            this.password = password;
            this.admin = database(adminDatabase);
        }

        static Server open(String configured) {
            if (configured == null) {
                EmbeddedPostgres pg = EmbeddedPostgres.start(); // stopped by its shutdown hook
                return new Server(pg, "jdbc:postgresql://" + pg.host() + ":" + pg.port() + "/", "postgres",
                        "user=" + pg.user(), pg.user(), null);
            }
            String jdbc = toJdbc(configured);
            String rest = jdbc.substring("jdbc:postgresql://".length());
            int q = rest.indexOf('?');
            String query = q < 0 ? "" : rest.substring(q + 1);
            String beforeQuery = q < 0 ? rest : rest.substring(0, q);
            int slash = beforeQuery.indexOf('/');
            String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
            String database = slash < 0 ? "" : decode(beforeQuery.substring(slash + 1));
            if (database.isEmpty()) {
                database = "postgres";
            }
            String user = parameter(query, "user");
            String password = parameter(query, "password");
            Server s = new Server(null, "jdbc:postgresql://" + hosts + "/", database, query,
                    user != null ? user : System.getProperty("user.name"), password);
            try (Connection probe = s.connectAdmin()) {
                if (!probe.isValid(10)) {
                    throw new SQLException("connection is not valid");
                }
                return s;
            } catch (SQLException e) {
                throw new IllegalStateException(URL_ENV + " names a server that cannot be reached ("
                        + s.prefix + s.admin.name() + ", user " + s.user + "): " + e.getMessage(), e);
            }
        }

        /** Accepts {@code jdbc:postgresql://...} as is and converts {@code postgres(ql)://user:pw@host/db}. */
        private static String toJdbc(String url) {
            if (url.startsWith("jdbc:postgresql://")) {
                return url;
            }
            if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
                try {
                    URI uri = new URI(url);
                    StringBuilder query = new StringBuilder(uri.getRawQuery() == null ? "" : uri.getRawQuery());
                    String userInfo = uri.getRawUserInfo();
                    if (userInfo != null) {
                        int colon = userInfo.indexOf(':');
                        String u = colon < 0 ? userInfo : userInfo.substring(0, colon);
                        appendParameter(query, "user", decode(u));
                        if (colon >= 0) {
                            appendParameter(query, "password", decode(userInfo.substring(colon + 1)));
                        }
                    }
                    String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
                    String path = uri.getRawPath() == null ? "/" : uri.getRawPath();
                    return "jdbc:postgresql://" + hostPort + path + (query.length() > 0 ? "?" + query : "");
                } catch (URISyntaxException e) {
                    throw new IllegalStateException(URL_ENV + " is not a valid URL: " + e.getMessage(), e);
                }
            }
            throw new IllegalStateException(URL_ENV + " must be a jdbc:postgresql:// or postgres:// URL, not: "
                    + url.replaceAll("password=[^&]*", "password=***"));
        }

        private static void appendParameter(StringBuilder query, String name, String value) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }

        private static String parameter(String query, String name) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                if (decode(key).equals(name)) {
                    return eq < 0 ? "" : decode(pair.substring(eq + 1));
                }
            }
            return null;
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }

        TestDatabase database(String name) {
            String url = prefix + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
                    + (query.isEmpty() ? "" : "?" + query);
            return new TestDatabase(url, user, password, name);
        }

        Connection connectAdmin() throws SQLException {
            return DriverManager.getConnection(admin.url());
        }

        String describe() {
            if (embedded != null) {
                return "embedded PostgreSQL " + embedded.version() + " on " + embedded.host() + ":" + embedded.port();
            }
            return "the server of " + URL_ENV + " (" + prefix + admin.name() + ", user " + user + ")";
        }
    }
}
