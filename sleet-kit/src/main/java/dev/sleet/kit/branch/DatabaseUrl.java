package dev.sleet.kit.branch;

import dev.sleet.internal.exec.ConnectionUrl;

import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A database URL as the user gave it ({@code jdbc:postgresql://...} or {@code postgres://...}), with the
 * database it names swapped for another: the URL of a branch keeps the form, host, credentials and options of
 * its parent's. {@link #toString()} masks the password.
 */
public final class DatabaseUrl {

    private final String url;
    /** Where the database name starts and ends in {@link #url}. */
    private final int start;
    private final int end;
    private final ConnectionUrl parsed;

    private DatabaseUrl(String url) {
        this.url = url;
        this.parsed = ConnectionUrl.parse(url);
        int scheme = url.indexOf("://");
        int query = url.indexOf('?', scheme);
        int limit = query < 0 ? url.length() : query;
        int at = url.lastIndexOf('@', limit);
        int hostStart = Math.max(scheme + 3, at + 1);
        int slash = url.indexOf('/', hostStart);
        if (slash < 0 || slash > limit) {
            this.start = limit;
            this.end = limit;
        } else {
            this.start = slash + 1;
            this.end = limit;
        }
    }

    /**
     * Parses a URL.
     *
     * @param url the URL
     * @return the parsed URL
     * @throws IllegalArgumentException when it is neither a JDBC nor a {@code postgres://} URL
     */
    public static DatabaseUrl parse(String url) {
        return new DatabaseUrl(url.strip());
    }

    /**
     * The database the URL names.
     *
     * @return its name; {@code postgres} when the URL names none
     */
    public String database() {
        String name = URLDecoder.decode(url.substring(start, end), StandardCharsets.UTF_8);
        return name.isEmpty() ? "postgres" : name;
    }

    /**
     * The same URL naming another database.
     *
     * @param database the other database's name
     * @return the URL
     */
    public DatabaseUrl with(String database) {
        String encoded = URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20");
        String path = start == end && (end == url.length() || url.charAt(end) == '?') && url.charAt(start - 1) != '/'
                ? "/" + encoded : encoded;
        return new DatabaseUrl(url.substring(0, start) + path + url.substring(end));
    }

    /**
     * Opens a connection to the database, with the URL's credentials.
     *
     * @return the connection
     * @throws SQLException when the server refuses it
     */
    public Connection connect() throws SQLException {
        Properties props = new Properties();
        if (parsed.user() != null) {
            props.setProperty("user", parsed.user());
        }
        if (parsed.password() != null) {
            props.setProperty("password", parsed.password());
        }
        props.setProperty("ApplicationName", "sleet branch");
        return DriverManager.getConnection(parsed.jdbcUrl(), props);
    }

    /**
     * An unpooled data source of the database: each {@code getConnection()} opens a new connection, and nothing
     * stays open between them, so a local branch can be dropped as soon as its user is done.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(parsed.jdbcUrl());
        if (parsed.user() != null) {
            ds.setUser(parsed.user());
        }
        if (parsed.password() != null) {
            ds.setPassword(parsed.password());
        }
        return ds;
    }

    /**
     * The URL in the form given, credentials included: for connecting, never for messages.
     *
     * @return the URL
     */
    public String full() {
        return url;
    }

    /**
     * The URL with its password masked, for messages.
     *
     * @return the masked URL
     */
    @Override
    public String toString() {
        return parsed.display();
    }
}
