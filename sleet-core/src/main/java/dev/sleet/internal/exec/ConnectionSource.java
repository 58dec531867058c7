package dev.sleet.internal.exec;

import java.sql.Connection;
import java.sql.SQLException;

/** Where a statement gets its connection: the pool, one per statement, or the connection of a transaction. */
public interface ConnectionSource {

    /**
     * Returns a connection to run one statement on.
     *
     * @return the connection
     * @throws SQLException when none can be had
     */
    Connection acquire() throws SQLException;

    /**
     * Gives back a connection from {@link #acquire()}; never throws, so it cannot hide the statement's error.
     *
     * @param connection the connection
     */
    void release(Connection connection);

    /**
     * Tells whether statements run inside a transaction (no autocommit to manage).
     *
     * @return {@code true} inside {@code transaction(...)}
     */
    boolean inTransaction();
}
