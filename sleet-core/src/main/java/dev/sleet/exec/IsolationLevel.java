package dev.sleet.exec;

import java.sql.Connection;

/** PostgreSQL transaction isolation levels. */
public enum IsolationLevel {
    /** The default: each statement sees data committed before it began. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** The whole transaction sees one snapshot; conflicting writes fail with a serialization error. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** As if transactions ran one after another; conflicts fail with SQLSTATE 40001, to be retried. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    IsolationLevel(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /**
     * Returns the JDBC constant.
     *
     * @return the {@link Connection} isolation constant
     */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
