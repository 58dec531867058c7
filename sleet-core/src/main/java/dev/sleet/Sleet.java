package dev.sleet;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.exec.SleetException;
import dev.sleet.internal.exec.ConnectionUrl;
import dev.sleet.internal.exec.DbImpl;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes {@link Db}s.
 *
 * <pre>{@code
 * Db db = Sleet.connect("jdbc:postgresql://127.0.0.1:5432/app?user=app");
 * Db neon = Sleet.connect("postgres://app:secret@ep-cool-name-pooler.eu-central-1.aws.neon.tech/app?sslmode=require&pgbouncer=true");
 * Db yours = Sleet.connect(existingDataSource);
 * }</pre>
 */
public final class Sleet {

    private static final AtomicInteger POOLS = new AtomicInteger();

    private Sleet() {
    }

    /**
     * Connects to a database through a new HikariCP pool. The URL may be a JDBC URL or a
     * {@code postgres://user:password@host/db?sslmode=require} URL; {@code pgbouncer=true} in it turns on
     * PgBouncer transaction-mode safety. Close the {@code Db} to close the pool.
     *
     * @param url the database URL
     * @return the {@code Db}
     * @throws SleetException when the database cannot be reached; the message names the host, never the password
     */
    public static Db connect(String url) {
        return connect(url, SleetOptions.defaults());
    }

    /**
     * Connects to a database through a new HikariCP pool, with options.
     *
     * @param url     the database URL
     * @param options pool size, credentials, PgBouncer mode, listener
     * @return the {@code Db}
     * @throws SleetException when the database cannot be reached
     */
    public static Db connect(String url, SleetOptions options) {
        ConnectionUrl parsed = ConnectionUrl.parse(url);
        boolean pgbouncer = options.pgbouncer() || parsed.pgbouncer();
        SleetOptions effective = options.pgbouncer(pgbouncer);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(parsed.jdbcUrl());
        config.setUsername(options.user() != null ? options.user() : parsed.user());
        config.setPassword(options.password() != null ? options.password() : parsed.password());
        config.setMaximumPoolSize(options.maxPoolSize());
        config.setMinimumIdle(Math.min(2, options.maxPoolSize()));
        config.setConnectionTimeout(options.connectionTimeout().toMillis());
        config.setPoolName("sleet-" + POOLS.incrementAndGet());
        // The server's DETAIL repeats row values; keep it out of driver messages (it stays on the exception).
        config.addDataSourceProperty("logServerErrorDetail", "false");
        if (pgbouncer) {
            // Transaction-mode poolers hand each transaction to any server connection, where a named prepared
            // statement of another session does not exist.
            config.addDataSourceProperty("prepareThreshold", "0");
        }
        try {
            HikariDataSource pool = new HikariDataSource(config);
            return new DbImpl(pool, pool, effective);
        } catch (RuntimeException e) {
            Throwable cause = e;
            SQLException sqlCause = null;
            while (cause.getCause() != null) {
                cause = cause.getCause();
                if (cause instanceof SQLException s) {
                    sqlCause = s;
                }
            }
            String reason = cause.getMessage() == null ? cause.toString()
                    : cause.getMessage().lines().findFirst().orElse("");
            String state = sqlCause == null || sqlCause.getSQLState() == null ? ""
                    : " [SQLSTATE " + sqlCause.getSQLState() + "]";
            throw SleetException.connectionFailed("cannot connect to " + parsed.display() + ": " + reason + state,
                    sqlCause);
        }
    }

    /**
     * Uses a data source the caller configured and owns (closing the {@code Db} leaves it open).
     *
     * @param dataSource the data source
     * @return the {@code Db}
     */
    public static Db connect(DataSource dataSource) {
        return connect(dataSource, SleetOptions.defaults());
    }

    /**
     * Uses a data source the caller configured and owns, with options. With PgBouncer in transaction mode,
     * configure the data source with {@code prepareThreshold=0} yourself.
     *
     * @param dataSource the data source
     * @param options    listener, stream fetch size, schema mapping
     * @return the {@code Db}
     */
    public static Db connect(DataSource dataSource, SleetOptions options) {
        return new DbImpl(Objects.requireNonNull(dataSource, "dataSource"), null, options);
    }

    /**
     * Returns a {@code Db} that builds and renders statements ({@code toSql()}) without a database, for tests
     * and tools; running a statement from it fails.
     *
     * @return the offline {@code Db}
     */
    public static Db offline() {
        return DbImpl.offline(SleetOptions.defaults());
    }

    /**
     * Returns an offline {@code Db} with options that shape rendering: schema mapping, relations.
     *
     * @param options the options
     * @return the offline {@code Db}
     */
    public static Db offline(SleetOptions options) {
        return DbImpl.offline(Objects.requireNonNull(options, "options"));
    }
}
