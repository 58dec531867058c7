package dev.sleet;

import dev.sleet.exec.Row;
import dev.sleet.exec.TransactionOptions;
import dev.sleet.query.Condition;
import dev.sleet.query.Cte;
import dev.sleet.query.CopyIntoStep;
import dev.sleet.query.CopyOutStep;
import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.RelationalQuery;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.UpdateSetStep;
import dev.sleet.query.WithStep;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Table;

import java.util.List;

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
     * Starts a {@code select distinct}: like {@link #select}, with duplicate result rows removed.
     *
     * <pre>{@code
     * List<Row> roles = db.selectDistinct(USERS.role).from(USERS).orderBy(USERS.role).fetch();
     * }</pre>
     *
     * @param fields the columns and expressions; none selects every column of the tables in {@code from}
     * @return the next step: {@code from}
     */
    SelectFromStep selectDistinct(Field<?>... fields);

    /**
     * Starts a {@code select distinct on (on...)}: one row per distinct value of the {@code on} expressions,
     * the first one in the order by. PostgreSQL requires the {@code on} expressions to lead the
     * {@code orderBy}; a select that breaks the rule fails with an {@link IllegalStateException} before
     * anything is sent.
     *
     * <pre>{@code
     * // each author's most viewed post
     * db.selectDistinctOn(List.of(POSTS.authorId), POSTS.authorId, POSTS.title).from(POSTS)
     *         .orderBy(asc(POSTS.authorId), desc(POSTS.views)).fetch();
     * }</pre>
     *
     * @param on     the expressions that make rows distinct; at least one
     * @param fields the columns and expressions; none selects every column of the tables in {@code from}
     * @return the next step: {@code from}
     * @throws IllegalArgumentException when {@code on} is empty
     */
    SelectFromStep selectDistinctOn(java.util.List<? extends Field<?>> on, Field<?>... fields);

    /**
     * Starts a statement that reads common table expressions:
     * {@code db.with(active).select(active.field(USERS.email)).from(active)}.
     *
     * @param ctes the CTEs, defined with {@code cte(name).as(...)}, in dependency order
     * @return the next step: select, insert, update or delete
     */
    WithStep with(Cte... ctes);

    /**
     * Starts a statement with {@code with recursive}, whose CTEs may read themselves (a tree walk, a series).
     *
     * @param ctes the CTEs
     * @return the next step: select, insert, update or delete
     */
    WithStep withRecursive(Cte... ctes);

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
     * Runs a statement that returns rows and reads them all, typing each column by what PostgreSQL reports:
     * {@code db.fetch(sql("select id, email from users where email like {0}", pattern))}. Columns are read by
     * name ({@code row.get("email")}) or position; enum and network types come back as strings.
     *
     * @param statement the statement, typically {@code sql(...)}
     * @return the rows
     */
    List<Row> fetch(QueryPart statement);

    /**
     * Runs any statement Sleet can render (DDL from {@code dev.sleet.ddl}, for instance) and returns the
     * affected row count.
     *
     * @param statement the statement
     * @return rows affected, 0 for DDL
     */
    int execute(QueryPart statement);

    /**
     * Runs statements that return no rows (inserts, updates, deletes, DDL) as one unit: in one transaction
     * (inside {@link #transaction}, in that transaction), with consecutive statements of the same SQL text sent
     * as one JDBC batch, in one round trip.
     *
     * <pre>{@code
     * int[] counts = db.batch(
     *         db.insert(USERS).values(new NewUser("ann@example.com", "Ann")),
     *         db.insert(USERS).values(new NewUser("bob@example.com", "Bob")),
     *         db.update(POSTS).set(POSTS.views, 0).all());
     * }</pre>
     *
     * <p>Statements may come from any {@code Db}, {@code Sleet.offline()} included: they are rendered by this
     * one, every one before any is sent. When one fails nothing of the batch stays, and the
     * {@link dev.sleet.exec.BatchException} names its position.
     *
     * @param statements the statements, in the order to run them
     * @return the affected row count of each statement, in order (0 for DDL)
     * @throws dev.sleet.exec.BatchException when a statement fails
     */
    int[] batch(QueryPart... statements);

    /**
     * Runs statements as one unit, like {@link #batch(QueryPart...)}.
     *
     * @param statements the statements, in the order to run them
     * @return the affected row count of each statement, in order
     * @throws dev.sleet.exec.BatchException when a statement fails
     */
    int[] batch(List<? extends QueryPart> statements);

    /**
     * Starts a bulk load through {@code COPY ... FROM STDIN}:
     * {@code db.copyInto(EVENTS).from(records.stream())}. The fastest way to load many rows; see
     * {@link CopyIntoStep}.
     *
     * @param table the table to load
     * @return the next step: {@code columns}, {@code onProgress} or {@code from}
     */
    CopyIntoStep copyInto(Table table);

    /**
     * Starts a bulk read through {@code COPY ... TO STDOUT}: {@code db.copyOut(EVENTS).to(writer)} or
     * {@code .fetchInto(EventRow.class)}; see {@link CopyOutStep}.
     *
     * @param table the table to read
     * @return the next step: {@code columns}, {@code to}, {@code fetch} or {@code fetchInto}
     */
    CopyOutStep copyOut(Table table);

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
     * Returns a {@code Db} whose every statement is limited to one tenant. Each tenant-owned table (one with a
     * {@code tenantKey()} column) that a select, join, subquery or CTE reads is read as
     * {@code (select * from t where tenant_key = ?)}; an update or delete of one gets {@code tenant_key = ?}
     * in its where clause and cannot change the key. Each statement, or each transaction started on the
     * returned {@code Db}, begins with {@code set_config('app.current_tenant', id, true)}, which ends with the
     * transaction: row-level security policies ({@code tenantIsolationPolicy()}) see the tenant, behind
     * PgBouncer in transaction mode too, and a pooled connection never keeps it. Raw SQL is refused unless
     * marked with {@link Sql#tenantSafe}. An insert into a tenant-owned table gets the tenant key filled in (a
     * row naming another tenant fails; an {@code insert ... select} gives each selected row the tenant), and an
     * upsert never updates another tenant's row. COPY of a tenant-owned table is not supported yet and fails.
     *
     * <pre>{@code
     * Db acme = db.forTenant(acmeId);
     * List<Row> projects = acme.select().from(PROJECTS).fetch();   // only acme's
     * }</pre>
     *
     * @param tenantId the tenant, of the Java type of the tenant key columns (e.g. {@code Long}, {@code UUID})
     * @return the scoped {@code Db}; it shares this one's pool, and closing it does nothing
     * @throws IllegalStateException inside a transaction (scope first, then start the transaction), or on a
     *                               {@code Db} already scoped
     */
    Db forTenant(Object tenantId);

    /**
     * Returns a {@code Db} for schema-per-tenant: tables and enum types declared without a schema are read and
     * written in the tenant's schema ({@code "acme"."projects"}), so one set of table classes serves every tenant,
     * each in a schema of its own migrated with {@code sleet migrate --all-tenant-schemas}. Objects declared with
     * a schema keep theirs (shared tables). Raw SQL is refused unless marked with {@link Sql#tenantSafe}: Sleet
     * cannot move its names into the schema.
     *
     * <pre>{@code
     * Db acme = db.forTenantSchema("tenant_acme");
     * acme.select().from(PROJECTS).fetch();   // from "tenant_acme"."projects"
     * }</pre>
     *
     * @param schema the tenant's schema
     * @return the {@code Db}; it shares this one's pool, and closing it does nothing
     * @throws IllegalStateException inside a transaction, or on a {@code Db} already scoped
     */
    Db forTenantSchema(String schema);

    /**
     * Starts a relational query: rows of {@code table} with related rows loaded to any depth, in one statement.
     * Relations are those given with {@link SleetOptions#relations}.
     *
     * <pre>{@code
     * List<UserWithPosts> users = db.query(USERS)
     *         .with("posts", posts -> posts.orderBy(desc(POSTS.createdAt)).limit(5))
     *         .findMany(UserWithPosts.class);
     * }</pre>
     *
     * @param table the root table
     * @return the query
     */
    RelationalQuery query(Table table);

    /**
     * Returns a {@code Db} that may read and write tenant-owned tables without a tenant, for work across
     * tenants: an admin screen, a data migration, a report. Without it (and unless
     * {@link SleetOptions#unscopedTenantAccess(boolean)} is on), a statement of the plain {@code Db} that reaches
     * a tenant-owned table fails, so that a forgotten {@code forTenant} is an error and not a leak. Inside a
     * transaction, the returned {@code Db} runs in the same transaction.
     *
     * @return the unguarded {@code Db}; it shares this one's pool, and closing it does nothing
     * @throws IllegalStateException on a tenant-scoped {@code Db}
     */
    Db unscoped();

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
