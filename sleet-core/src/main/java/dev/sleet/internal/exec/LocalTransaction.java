package dev.sleet.internal.exec;

import dev.sleet.exec.SleetException;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Function;

/**
 * Runs several statements that must succeed or fail together (a batch, the chunks of a large insert) in one
 * transaction: the caller's, when its executor already runs inside one, or else a transaction of their own on
 * one pooled connection, committed when the work returns and rolled back when it throws.
 */
public final class LocalTransaction {

    private LocalTransaction() {
    }

    /**
     * Runs work in one transaction.
     *
     * @param executor the executor of the {@code Db} the statements belong to
     * @param work     the work, given an executor bound to the transaction's connection
     * @param <T>      the result type
     * @return what the work returned
     */
    public static <T> T run(JdbcExecutor executor, Function<JdbcExecutor, T> work) {
        ConnectionSource source = executor.source();
        if (source.inTransaction()) {
            return work.apply(executor);
        }
        return inNewTransaction(source, null, executor.beginHook(),
                transaction -> work.apply(executor.withSource(transaction)));
    }

    /** Work done on a transaction's connection right after it begins, such as setting the tenant. */
    @FunctionalInterface
    public interface Begin {
        /**
         * Prepares the transaction.
         *
         * @param connection the connection, autocommit off
         * @throws SQLException when it fails; the transaction is rolled back
         */
        void run(Connection connection) throws SQLException;
    }

    /**
     * Runs work in a new transaction on a connection of its own: autocommit off, optional characteristics,
     * commit when the work returns, rollback when it throws (a rollback failure is attached to the first
     * error), autocommit restored and the connection released in every case.
     *
     * @param source          where the connection comes from
     * @param characteristics a {@code SET TRANSACTION ...} statement to run first, or {@code null}
     * @param work            the work, given the transaction's connection source
     * @param <T>             the result type
     * @return what the work returned
     */
    public static <T> T inNewTransaction(ConnectionSource source, String characteristics,
                                         Function<TransactionSource, T> work) {
        return inNewTransaction(source, characteristics, null, work);
    }

    /**
     * Runs work in a new transaction like {@link #inNewTransaction(ConnectionSource, String, Function)}, with
     * something done on the connection first, after the characteristics.
     *
     * @param source          where the connection comes from
     * @param characteristics a {@code SET TRANSACTION ...} statement to run first, or {@code null}
     * @param begin           run right after the transaction begins, or {@code null}
     * @param work            the work, given the transaction's connection source
     * @param <T>             the result type
     * @return what the work returned
     */
    public static <T> T inNewTransaction(ConnectionSource source, String characteristics, Begin begin,
                                         Function<TransactionSource, T> work) {
        Connection connection;
        try {
            connection = source.acquire();
        } catch (SQLException e) {
            throw SleetException.of(e, null, null);
        }
        TransactionSource transaction = new TransactionSource(connection);
        boolean restoreAutoCommit = false;
        try {
            try {
                if (connection.getAutoCommit()) {
                    connection.setAutoCommit(false);
                    restoreAutoCommit = true;
                }
                if (characteristics != null) {
                    try (Statement st = connection.createStatement()) {
                        st.execute(characteristics);
                    }
                }
                if (begin != null) {
                    begin.run(connection);
                }
            } catch (SQLException e) {
                SleetException error = SleetException.of(e, characteristics, null);
                rollbackQuietly(connection, error);
                throw error;
            }
            T result;
            try {
                result = work.apply(transaction);
            } catch (RuntimeException | Error e) {
                rollbackQuietly(connection, e);
                throw e;
            }
            try {
                connection.commit();
            } catch (SQLException e) {
                SleetException error = SleetException.of(e, "commit", null);
                rollbackQuietly(connection, error);
                throw error;
            }
            return result;
        } finally {
            transaction.end();
            if (restoreAutoCommit) {
                try {
                    connection.setAutoCommit(true);
                } catch (SQLException e) {
                    LoggerFactory.getLogger(LocalTransaction.class).warn("restoring autocommit failed: {}",
                            e.getMessage());
                }
            }
            source.release(connection);
        }
    }

    /** Rolls back; a failure of the rollback is attached to the first error, never replaces it. */
    private static void rollbackQuietly(Connection connection, Throwable first) {
        try {
            connection.rollback();
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
    }
}
