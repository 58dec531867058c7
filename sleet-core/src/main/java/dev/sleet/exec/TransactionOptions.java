package dev.sleet.exec;

import java.util.Objects;

/**
 * How a transaction runs: isolation level, read-only, deferrable, and how often to retry it when PostgreSQL
 * reports a serialization failure or deadlock (SQLSTATE 40001, 40P01). Immutable.
 *
 * <pre>{@code
 * db.transactionResult(TransactionOptions.serializable().retries(5), tx -> transfer(tx, from, to, amount));
 * }</pre>
 */
public final class TransactionOptions {

    /** The server's defaults, no retries. */
    public static final TransactionOptions DEFAULTS = new TransactionOptions(null, false, false, 0);

    private final IsolationLevel isolation;
    private final boolean readOnly;
    private final boolean deferrable;
    private final int retries;

    private TransactionOptions(IsolationLevel isolation, boolean readOnly, boolean deferrable, int retries) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be 0 or more, got " + retries);
        }
        this.isolation = isolation;
        this.readOnly = readOnly;
        this.deferrable = deferrable;
        this.retries = retries;
    }

    /**
     * Serializable isolation.
     *
     * @return the options
     */
    public static TransactionOptions serializable() {
        return DEFAULTS.isolation(IsolationLevel.SERIALIZABLE);
    }

    /**
     * Returns these options with an isolation level.
     *
     * @param level the level
     * @return new options
     */
    public TransactionOptions isolation(IsolationLevel level) {
        return new TransactionOptions(Objects.requireNonNull(level, "level"), readOnly, deferrable, retries);
    }

    /**
     * Returns these options with {@code READ ONLY}.
     *
     * @return new options
     */
    public TransactionOptions readOnly() {
        return new TransactionOptions(isolation, true, deferrable, retries);
    }

    /**
     * Returns these options with {@code DEFERRABLE}; PostgreSQL honours it only for serializable read-only
     * transactions, and Sleet refuses it otherwise when the transaction starts.
     *
     * @return new options
     */
    public TransactionOptions deferrable() {
        return new TransactionOptions(isolation, readOnly, true, retries);
    }

    /**
     * Returns these options with retries on serialization failure and deadlock; the transaction's lambda runs
     * again from the start, so it must not have effects outside the database.
     *
     * @param count how many re-runs at most
     * @return new options
     */
    public TransactionOptions retries(int count) {
        return new TransactionOptions(isolation, readOnly, deferrable, count);
    }

    /**
     * Returns the isolation level.
     *
     * @return the level, or {@code null} for the server default
     */
    public IsolationLevel isolationLevel() {
        return isolation;
    }

    /**
     * Tells whether the transaction is read-only.
     *
     * @return {@code true} for {@code READ ONLY}
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /**
     * Tells whether the transaction is deferrable.
     *
     * @return {@code true} for {@code DEFERRABLE}
     */
    public boolean isDeferrable() {
        return deferrable;
    }

    /**
     * Returns how many times the transaction is re-run after a serialization failure or deadlock.
     *
     * @return the retry count
     */
    public int retryCount() {
        return retries;
    }
}
