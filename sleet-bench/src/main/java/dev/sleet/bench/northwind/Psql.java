package dev.sleet.bench.northwind;

import com.zaxxer.hikari.HikariDataSource;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's command-line client, run as a subprocess against the benchmark's server: what
 * {@code psql \copy} costs, for the COPY workload. The embedded server's binaries have no {@code psql}, so the
 * one used is {@code SLEET_BENCH_PSQL} when set, else the first {@code psql} on the {@code PATH}.
 */
public final class Psql {

    /** The environment variable naming the {@code psql} to use. */
    public static final String PSQL_VARIABLE = "SLEET_BENCH_PSQL";

    private static final Pattern COPY_TAG = Pattern.compile("(?m)^COPY (\\d+)$");

    private final Path binary;
    private final String conninfo;
    private final String password;

    private Psql(Path binary, String conninfo, String password) {
        this.binary = binary;
        this.conninfo = conninfo;
        this.password = password;
    }

    /**
     * Finds {@code psql} and the connection settings of a pool.
     *
     * @param pool the benchmark's pool; its JDBC URL and credentials become libpq's
     * @return the client
     * @throws IllegalStateException when no {@code psql} is found, saying where it looked and how to name one
     */
    public static Psql find(HikariDataSource pool) {
        Path binary = locate();
        JdbcUrl url = JdbcUrl.parse(pool.getJdbcUrl());
        String user = pool.getUsername() != null ? pool.getUsername() : url.parameters().get("user");
        String password = pool.getPassword() != null ? pool.getPassword() : url.parameters().get("password");
        StringBuilder conninfo = new StringBuilder();
        conninfo.append("host=").append(quote(url.host())).append(" port=").append(url.port())
                .append(" dbname=").append(quote(url.database()));
        if (user != null) {
            conninfo.append(" user=").append(quote(user));
        }
        String sslmode = url.parameters().get("sslmode");
        if (sslmode != null) {
            conninfo.append(" sslmode=").append(quote(sslmode));
        }
        return new Psql(binary, conninfo.toString(), password);
    }

    private static Path locate() {
        String named = System.getenv(PSQL_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path path = Path.of(named);
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException(PSQL_VARIABLE + "=" + named + " is not an executable file; name "
                        + "the psql binary to use, or unset it to take psql from the PATH");
            }
            return path;
        }
        String pathVariable = System.getenv().getOrDefault("PATH", "");
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "psql");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("psql \\copy is unavailable: no psql on the PATH (" + pathVariable
                + ") and " + PSQL_VARIABLE + " is not set. The embedded server's binaries include no psql; install "
                + "PostgreSQL's client (apt-get install postgresql-client) or set " + PSQL_VARIABLE
                + " to a psql binary");
    }

    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /**
     * Returns {@code psql --version}.
     *
     * @return the version line
     * @throws IOException when psql cannot be run
     */
    public String version() throws IOException {
        return run(List.of(binary.toString(), "--version")).trim();
    }

    /**
     * Runs {@code \copy table (columns) from 'file'} and returns the count from psql's {@code COPY n} tag.
     *
     * @param table   the table, qualified
     * @param columns its columns, comma-separated
     * @param file    the file, in COPY's text format
     * @return the rows copied
     * @throws IOException when psql fails, with its output
     */
    public long copyFrom(String table, String columns, Path file) throws IOException {
        String command = "\\copy " + table + " (" + columns + ") from '"
                + file.toAbsolutePath().toString().replace("'", "''") + "'";
        String output = run(List.of(binary.toString(), "-X", "-v", "ON_ERROR_STOP=1", "-d", conninfo, "-c", command));
        Matcher m = COPY_TAG.matcher(output);
        if (!m.find()) {
            throw new IOException("psql did not report a COPY count: " + output.strip());
        }
        return Long.parseLong(m.group(1));
    }

    private String run(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        // the file is UTF-8, whatever the locale of the machine
        builder.environment().put("PGCLIENTENCODING", "UTF8");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = process.waitFor();
            if (status != 0) {
                throw new IOException(binary + " exited with " + status + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for psql", e);
        }
        return output;
    }

    /** The parts of {@code jdbc:postgresql://host[:port]/database?key=value&...} that libpq needs. */
    private record JdbcUrl(String host, int port, String database, Map<String, String> parameters) {

        static JdbcUrl parse(String jdbcUrl) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalStateException("psql \\copy needs a jdbc:postgresql://host:port/database URL; the "
                        + "pool has " + jdbcUrl);
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            Map<String, String> parameters = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        parameters.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
                    }
                }
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            String database = path.length() > 1 ? decode(path.substring(1)) : "postgres";
            String host = uri.getHost() == null ? "localhost" : uri.getHost();
            return new JdbcUrl(host, uri.getPort() < 0 ? 5432 : uri.getPort(), database, parameters);
        }

        private static String decode(String s) {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        }
    }
}
