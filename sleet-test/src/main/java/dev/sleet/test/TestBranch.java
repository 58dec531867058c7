package dev.sleet.test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.internal.exec.ConnectionUrl;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The database a {@link SleetTest} test runs on: a fresh branch of the migrated template, dropped after the test
 * (or class). Its data source is a small pool, made on first use and closed with the branch; the {@link Db}s it
 * hands out are closed then too.
 */
public final class TestBranch {

    private final String name;
    private final String url;
    private final Runnable drop;
    private final List<Db> dbs = new ArrayList<>();
    private HikariDataSource pool;
    private Db db;

    TestBranch(String name, String url, Runnable drop) {
        this.name = name;
        this.url = url;
        this.drop = drop;
    }

    /**
     * The branch database's name, unique to this test run.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * A JDBC or {@code postgres://} URL of the branch, credentials included, for code under test that connects by
     * itself.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * A pooled data source of the branch (at most 4 connections).
     *
     * @return the data source
     */
    public synchronized DataSource dataSource() {
        if (pool == null) {
            ConnectionUrl parsed = ConnectionUrl.parse(url);
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(parsed.jdbcUrl());
            config.setUsername(parsed.user());
            config.setPassword(parsed.password());
            config.setMaximumPoolSize(4);
            config.setMinimumIdle(0);
            config.setPoolName("sleet-test-" + name);
            pool = new HikariDataSource(config);
        }
        return pool;
    }

    /**
     * A {@link Db} on the branch with default options; the same one for every call.
     *
     * @return the {@code Db}
     */
    public synchronized Db db() {
        if (db == null) {
            db = db(SleetOptions.defaults());
        }
        return db;
    }

    /**
     * A new {@link Db} on the branch with options (relations, tenancy, a listener), closed with the branch.
     *
     * @param options the options
     * @return the {@code Db}
     */
    public synchronized Db db(SleetOptions options) {
        Db made = Sleet.connect(dataSource(), Objects.requireNonNull(options, "options"));
        dbs.add(made);
        return made;
    }

    /** Closes the pool and drops the database. */
    synchronized void close() {
        try {
            dbs.forEach(Db::close);
            if (pool != null) {
                pool.close();
            }
        } finally {
            drop.run();
        }
    }

    @Override
    public String toString() {
        return "TestBranch[" + name + "]";
    }
}
