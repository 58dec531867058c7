package dev.sleet.kit.migrate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The session-level advisory lock that serialises migration commands on one database. Being session-level, it
 * survives the commits of the migrations it guards, and PostgreSQL releases it when the session ends, so a
 * killed migrator does not leave it behind.
 */
final class AdvisoryLock {

    /** The first 8 bytes of SHA-256("sleet.migrations"): fixed, so every Sleet version agrees on it. */
    static final long KEY = key("sleet.migrations");

    private final Connection connection;

    AdvisoryLock(Connection connection) {
        this.connection = connection;
    }

    /** Waits until no other session holds the lock. */
    void acquire() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
            ps.setLong(1, KEY);
            ps.execute();
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
