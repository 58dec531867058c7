package dev.sleet;

import dev.sleet.exec.TransactionOptions;
import dev.sleet.query.Condition;
import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.UpdateSetStep;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Table;

/**
 * The entry point of queries: a connection pool (from {@link Sleet#connect}), or inside
 * {@link #transaction}, one transaction's connection.
 *
 * <pre>{@code
 * try (Db db = Sleet.connect("jdbc:postgresql://127.0.0.1:5432/app")) {
 *     List<Row> rows = db.select(USERS.id, USERS.email).from(USERS).where(eq(USERS.isActive, true)).fetch();
 *     db.transaction(tx -> {
 *         tx.insert(POSTS).set(POSTS.title, "Hi").set(POSTS.authorId, 1L).execute();
 *     });
 * }
 * }</pre>
 *
 * <p>A {@code Db} is thread-safe; statements built from it are immutable and may be kept and run again.
 * Outside a transaction each statement takes a pooled connection and gives it back when it is done, also
 * when it fails.
 */
public interface Db extends AutoCloseable {

    /**
     * Starts a select of chosen columns and expressions: {@code select(USERS.id, count().as("posts"))}. With no
     * arguments, selects every column of the tables in {@code from} and its joins.
     *
     * @param fields the columns and expressions
     * @return the next step: {@code from}
     */
    SelectFromStep select(Field<?>... fields);

    /**
     * Starts an insert.
     *
     * @param table the table
     * @return the next step: {@code values} or {@code set}
     */
    InsertValuesStep insert(Table table);

    /**
     * Starts an update. It needs {@code where(...)}, or {@code all()} to update every row.
     *
     * @param table the table
     * @return the next step: {@code set}
     */
    UpdateSetStep update(Table table);

    /**
     * Starts a delete. It needs {@code where(...)}, or {@code all()} to delete every row.
     *
     * @param table the table
     * @return the next step: {@code where} or {@code all}
     */
    DeleteWhereStep delete(Table table);

    /**
     * Counts a table's rows.
     *
     * @param table the table
     * @return the row count
     */
    long count(Table table);

    /**
     * Counts the rows matching a condition.
     *
     * @param table the table
     * @param where the condition
     * @return the row count
     */
    long count(Table table, Condition where);

    /**
     * Runs any statement Sleet can render (DDL from {@code dev.sleet.ddl}, for instance) and returns the
     * affected row count.
     *
     * @param statement the statement
     * @return rows affected, 0 for DDL
     */
    int execute(QueryPart statement);

    /**
     * Runs work in a transaction: commits when it returns, rolls back when it throws and rethrows the same
     * exception (a checked one wrapped in {@link dev.sleet.exec.SleetException}). Called on a transaction's
     * {@code Db}, it opens a savepoint instead, so a nested failure undoes only the nested work.
     *
     * @param work the work, given the transaction's {@code Db}
     */
    void transaction(TransactionalRunnable work);

    /**
     * Runs work in a transaction with options (isolation, read-only, retries).
     *
     * @param options the options
     * @param work    the work
     */
    void transaction(TransactionOptions options, TransactionalRunnable work);

    /**
     * Runs work in a transaction and returns its result.
     *
     * @param work the work
     * @param <T>  the result type
     * @return what the work returned
     */
    <T> T transactionResult(TransactionalCallable<T> work);

    /**
     * Runs work in a transaction with options and returns its result. With
     * {@link TransactionOptions#retries(int)}, a serialization failure or deadlock re-runs the work.
     *
     * @param options the options
     * @param work    the work
     * @param <T>     the result type
     * @return what the work returned
     */
    <T> T transactionResult(TransactionOptions options, TransactionalCallable<T> work);

    /**
     * Closes the connection pool this {@code Db} created; a {@code Db} over a caller's
     * {@link javax.sql.DataSource} leaves it open. Does nothing on a transaction's {@code Db}.
     */
    @Override
    void close();

    /**
     * Work run in a transaction.
     */
    @FunctionalInterface
    interface TransactionalRunnable {
        /**
         * Does the work.
         *
         * @param tx the transaction's {@code Db}
         * @throws Exception to roll back
         */
        void run(Db tx) throws Exception;
    }

    /**
     * Work run in a transaction, with a result.
     *
     * @param <T> the result type
     */
    @FunctionalInterface
    interface TransactionalCallable<T> {
        /**
         * Does the work.
         *
         * @param tx the transaction's {@code Db}
         * @return the result
         * @throws Exception to roll back
         */
        T run(Db tx) throws Exception;
    }
}
