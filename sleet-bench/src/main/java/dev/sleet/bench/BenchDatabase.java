package dev.sleet.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.embedded.EmbeddedPostgres;

/**
 * The server a benchmark runs against: {@code SLEET_BENCH_DATABASE_URL} when set, else an embedded
 * PostgreSQL started for the benchmark's JVM. Every contender uses the one pool made here.
 */
final class BenchDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    BenchDatabase() {
        String url = System.getenv("SLEET_BENCH_DATABASE_URL");
        this.embedded = url == null || url.isBlank() ? EmbeddedPostgres.start() : null;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(embedded != null ? embedded.jdbcUrl("postgres") : url);
        config.setMaximumPoolSize(2);
        config.setPoolName("bench");
        this.pool = new HikariDataSource(config);
    }

    HikariDataSource pool() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
