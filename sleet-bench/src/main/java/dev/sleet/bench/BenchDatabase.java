package dev.sleet.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.embedded.EmbeddedPostgres;

/**
 * The server a benchmark runs against: {@code SLEET_BENCH_DATABASE_URL} when set, else an embedded
 * PostgreSQL started for the benchmark's JVM. Every contender uses the one pool made here: two connections,
 * with pgjdbc's {@code reWriteBatchedInserts} on, so that a batch of inserts is sent as multi-row statements
 * whichever library built it.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The environment variable naming the server; unset or blank starts an embedded one. */
    public static final String URL_VARIABLE = "SLEET_BENCH_DATABASE_URL";

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    /** Connects to {@code SLEET_BENCH_DATABASE_URL}, or starts an embedded server when it is not set. */
    public BenchDatabase() {
        String url = System.getenv(URL_VARIABLE);
        this.embedded = url == null || url.isBlank() ? EmbeddedPostgres.start() : null;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embedded != null ? embedded.jdbcUrl("postgres") : url);
        config.setMaximumPoolSize(2);
        config.setPoolName("bench");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        this.pool = new HikariDataSource(config);
    }

    /**
     * Returns the pool every contender shares.
     *
     * @return the pool
     */
    public HikariDataSource pool() {
        return pool;
    }

    /**
     * Tells whether this JVM started its own server (no {@code SLEET_BENCH_DATABASE_URL}).
     *
     * @return whether the server is embedded
     */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Closes the pool and stops the embedded server, if any. */
    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
