package dev.sleet.internal.exec;

import java.sql.Connection;

/** The one connection of a transaction, usable only while the transaction is open. */
public final class TransactionSource implements ConnectionSource {

    private final Connection connection;
    private volatile boolean open = true;

    /**
     * Creates the source.
     *
     * @param connection the transaction's connection, autocommit off
     */
    public TransactionSource(Connection connection) {
        this.connection = connection;
    }

    /**
     * Returns the connection.
     *
     * @return the connection
     */
    public Connection connection() {
        checkOpen();
        return connection;
    }

    @Override
    public Connection acquire() {
        checkOpen();
        return connection;
    }

    @Override
    public void release(Connection c) {
        // the transaction owns the connection
    }

    @Override
    public boolean inTransaction() {
        return true;
    }

    /** Marks the transaction finished: its Db refuses further statements. */
    public void end() {
        open = false;
    }

    private void checkOpen() {
        if (!open) {
            throw new IllegalStateException("this transaction has ended; use the Db passed to the transaction "
                    + "lambda only inside it");
        }
    }
}
