package dev.sleet.internal.exec;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A database URL as users paste it — {@code jdbc:postgresql://host/db?user=...} or the
 * {@code postgres://user:password@host/db?sslmode=require} form that Neon, Supabase and Heroku hand out —
 * turned into a JDBC URL, credentials and Sleet's own options.
 *
 * @param jdbcUrl   the URL for pgjdbc, without credentials or Sleet options
 * @param user      the user, or {@code null}
 * @param password  the password, or {@code null}
 * @param pgbouncer {@code pgbouncer=true} was given
 * @param display   the URL with the password masked, for messages
 */
public record ConnectionUrl(String jdbcUrl, String user, String password, boolean pgbouncer, String display) {

    /** Hides the password. */
    @Override
    public String toString() {
        return display;
    }

    /**
     * Parses a URL.
     *
     * @param url the URL
     * @return the parts
     * @throws IllegalArgumentException when the URL is neither form
     */
    public static ConnectionUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the database URL is empty");
        }
        String trimmed = url.trim();
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return parseJdbc(trimmed);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return parseUri(trimmed);
        }
        throw new IllegalArgumentException("unsupported database URL '" + mask(trimmed) + "': expected "
                + "jdbc:postgresql://host:port/db or postgres://user:password@host:port/db");
    }

    private static ConnectionUrl parseJdbc(String url) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String user = null;
        String password = null;
        boolean pgbouncer = false;
        List<String> kept = new ArrayList<>();
        if (q >= 0) {
            for (String param : url.substring(q + 1).split("&")) {
                if (param.isEmpty()) {
                    continue;
                }
                int eq = param.indexOf('=');
                String key = eq < 0 ? param : param.substring(0, eq);
                String value = eq < 0 ? "" : decode(param.substring(eq + 1));
                switch (key) {
                    case "user" -> user = value;
                    case "password" -> password = value;
                    case "pgbouncer" -> pgbouncer = Boolean.parseBoolean(value);
                    default -> kept.add(param);
                }
            }
        }
        String jdbc = kept.isEmpty() ? base : base + "?" + String.join("&", kept);
        return new ConnectionUrl(jdbc, user, password, pgbouncer, mask(url));
    }

    private static ConnectionUrl parseUri(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        String query = null;
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String info = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : rest.substring(slash + 1);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("database URL '" + mask(url) + "' names no host");
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/').append(database);
        boolean pgbouncer = false;
        if (query != null) {
            List<String> kept = new ArrayList<>();
            for (String param : query.split("&")) {
                if (param.startsWith("pgbouncer=")) {
                    pgbouncer = Boolean.parseBoolean(param.substring("pgbouncer=".length()));
                } else if (!param.isEmpty()) {
                    kept.add(param);
                }
            }
            if (!kept.isEmpty()) {
                jdbc.append('?').append(String.join("&", kept));
            }
        }
        return new ConnectionUrl(jdbc.toString(), user, password, pgbouncer, mask(url));
    }

    /**
     * Replaces the password of either URL form with {@code ****}.
     *
     * @param url the URL
     * @return the URL without its password
     */
    public static String mask(String url) {
        String masked = url.replaceAll("([?&]password=)[^&]*", "$1****");
        int scheme = masked.indexOf("://");
        int at = masked.lastIndexOf('@');
        if (scheme >= 0 && at > scheme) {
            String info = masked.substring(scheme + 3, at);
            int colon = info.indexOf(':');
            if (colon >= 0) {
                masked = masked.substring(0, scheme + 3) + info.substring(0, colon) + ":****" + masked.substring(at);
            }
        }
        return masked;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
