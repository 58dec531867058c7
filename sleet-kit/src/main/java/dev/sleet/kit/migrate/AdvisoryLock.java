package dev.sleet.kit.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The session-level advisory lock that serialises migration commands on one database. Being session-level, it
 * survives the commits of the migrations it guards, and PostgreSQL releases it when the session ends, so a
 * killed migrator does not leave it behind.
 *
 * <p>A migrator waits for the lock by polling {@code pg_try_advisory_lock}, not by blocking in
 * {@code pg_advisory_lock}: a blocked statement keeps its snapshot for as long as it waits, and
 * {@code CREATE INDEX CONCURRENTLY} in the holder's migration waits for every older snapshot to go away. The
 * holder would wait for the waiter and the waiter for the holder, until PostgreSQL's deadlock detector cancels
 * one of them (possibly the index build, which leaves an INVALID index). Between two polls the waiter holds no
 * snapshot.
 */
final class AdvisoryLock {

    /** The first 8 bytes of SHA-256("sleet.migrations"): fixed, so every Sleet version agrees on it. */
    static final long KEY = key("sleet.migrations");

    private static final long FIRST_POLL_MS = 10;
    private static final long MAX_POLL_MS = 500;

    private final Connection connection;

    AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /**
     * Waits until no other session holds the lock, then takes it. The connection must be in auto-commit mode,
     * so that no snapshot outlives a poll.
     */
    void acquire() throws SQLException {
        long pause = FIRST_POLL_MS;
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return;
                    }
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SleetMigrationException("interrupted while waiting for another migrator to finish"
                            + " (it holds the advisory lock " + KEY + "); nothing was run", null, null, 0, null, null);
                }
                pause = Math.min(pause * 2, MAX_POLL_MS);
            }
        }
    }

    void release() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
        }
    }

    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
