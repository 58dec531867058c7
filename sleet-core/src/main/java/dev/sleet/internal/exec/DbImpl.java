package dev.sleet.internal.exec;

import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.Db;
import dev.sleet.Sql;
import dev.sleet.SleetOptions;
import dev.sleet.exec.IsolationLevel;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
import dev.sleet.exec.TransactionOptions;
import dev.sleet.internal.query.CopyIntoImpl;
import dev.sleet.internal.query.CopyOutImpl;
import dev.sleet.internal.query.Execution;
import dev.sleet.internal.query.RelationalQueryImpl;
import dev.sleet.query.RelationalQuery;
import dev.sleet.internal.query.SelectImpl;
import dev.sleet.internal.query.Statements;
import dev.sleet.query.Condition;
import dev.sleet.query.TenantSafe;
import dev.sleet.query.Cte;
import dev.sleet.query.CopyIntoStep;
import dev.sleet.query.CopyOutStep;
import dev.sleet.query.DeleteWhereStep;
import dev.sleet.query.Field;
import dev.sleet.query.InsertValuesStep;
import dev.sleet.query.SelectFromStep;
import dev.sleet.query.UpdateSetStep;
import dev.sleet.query.WithStep;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Table;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;


/** The {@link Db} over a data source, or over one transaction's connection. */
public final class DbImpl implements Db {

    private static final Logger LOG = LoggerFactory.getLogger(DbImpl.class);

    private final DataSource dataSource;
    private final HikariDataSource ownedPool;
    private final SleetOptions options;
    private final TransactionSource transaction;
    private final TenantContext tenant;
    private final Execution execution;
    private final Statements statements;

    /**
     * Creates a pooled {@code Db}.
     *
     * @param dataSource the data source
     * @param ownedPool  the pool to close with this {@code Db}, or {@code null} when the caller owns it
     * @param options    the options
     */
    public DbImpl(DataSource dataSource, HikariDataSource ownedPool, SleetOptions options) {
        this(dataSource, ownedPool, options, null,
                options.unscopedTenantAccess() ? null : TenantContext.unscoped(true));
    }

    private DbImpl(DataSource dataSource, HikariDataSource ownedPool, SleetOptions options,
                   TransactionSource transaction, TenantContext tenant) {
        this(dataSource, ownedPool, options, transaction, tenant, new SqlShapes());
    }

    /** With {@code shapes}: a transaction's {@code Db} renders as the {@code Db} it came from, so shares them. */
    private DbImpl(DataSource dataSource, HikariDataSource ownedPool, SleetOptions options,
                   TransactionSource transaction, TenantContext tenant, SqlShapes shapes) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        this.options = options;
        this.transaction = transaction;
        this.tenant = tenant;
        if (dataSource == null) {
            this.execution = new Execution(null, options.schemaMapping());
        } else {
            ConnectionSource source = transaction != null ? transaction : new PooledSource(dataSource);
            this.execution = new Execution(new JdbcExecutor(source, options.schemaMapping(), options.listener(),
                    options.streamFetchSize(), options.logBindValues(), tenant, shapes), options.schemaMapping());
        }
        this.statements = new Statements(execution);
    }

    /**
     * Creates a {@code Db} that builds and renders statements but cannot run them.
     *
     * @param options the options (schema mapping applies to rendering)
     * @return the offline {@code Db}
     */
    public static DbImpl offline(SleetOptions options) {
        return new DbImpl(null, null, options, null, null);
    }

    @Override
    public SelectFromStep select(Field<?>... fields) {
        return statements.select(fields);
    }

    @Override
    public RelationalQuery query(Table table) {
        return new RelationalQueryImpl(execution, options.relations(), java.util.Objects.requireNonNull(table, "table"));
    }

    @Override
    public SelectFromStep selectDistinct(Field<?>... fields) {
        return new SelectImpl(execution, List.of(fields)).distinct();
    }

    @Override
    public SelectFromStep selectDistinctOn(List<? extends Field<?>> on, Field<?>... fields) {
        return new SelectImpl(execution, List.of(fields)).distinctOn(on);
    }

    @Override
    public WithStep with(Cte... ctes) {
        return new Statements(execution.with(List.of(ctes), false));
    }

    @Override
    public WithStep withRecursive(Cte... ctes) {
        return new Statements(execution.with(List.of(ctes), true));
    }

    @Override
    public InsertValuesStep insert(Table table) {
        return statements.insert(table);
    }

    @Override
    public UpdateSetStep update(Table table) {
        return statements.update(table);
    }

    @Override
    public DeleteWhereStep delete(Table table) {
        return statements.delete(table);
    }

    @Override
    public long count(Table table) {
        return select(Sql.count()).from(table).fetchOne().get(0, Long.class);
    }

    @Override
    public long count(Table table, Condition where) {
        return select(Sql.count()).from(table).where(where).fetchOne().get(0, Long.class);
    }

    @Override
    public List<Row> fetch(QueryPart statement) {
        return execution.require().fetch(scopable(statement), new MetadataRowReader());
    }

    @Override
    public int execute(QueryPart statement) {
        return execution.require().execute(scopable(statement));
    }

    @Override
    public int[] batch(QueryPart... statements) {
        return batch(Arrays.asList(statements));
    }

    @Override
    public int[] batch(List<? extends QueryPart> statements) {
        statements.forEach(this::scopable);
        return Batch.run(execution.require(), statements);
    }

    @Override
    public CopyIntoStep copyInto(Table table) {
        refuseCopy(table, "copyInto");
        return new CopyIntoImpl(execution, table);
    }

    @Override
    public CopyOutStep copyOut(Table table) {
        refuseCopy(table, "copyOut");
        return new CopyOutImpl(execution, table);
    }

    @Override
    public Db forTenant(Object tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (dataSource == null) {
            throw new IllegalStateException("an offline Db cannot be scoped to a tenant: it runs nothing");
        }
        if (transaction != null) {
            throw new IllegalStateException("forTenant(...) inside a transaction: scope the pooled Db first, then "
                    + "start the transaction on it (db.forTenant(id).transaction(tx -> ...)), so the tenant is set "
                    + "when the transaction begins");
        }
        if (tenant != null && tenant.isTenantBound()) {
            throw new IllegalStateException("this Db is already scoped to a tenant; call forTenant on the Db it came "
                    + "from");
        }
        return new DbImpl(dataSource, null, options, null, TenantContext.scoped(tenantId, options.tenantRole(),
                options.tenantFilters()));
    }

    @Override
    public Db forTenantSchema(String schema) {
        if (schema == null || schema.isBlank() || schema.length() > 63) {
            throw new IllegalArgumentException("tenant schema '" + schema + "' is not a PostgreSQL schema name");
        }
        if (dataSource == null) {
            throw new IllegalStateException("an offline Db cannot be scoped to a tenant: it runs nothing");
        }
        if (transaction != null) {
            throw new IllegalStateException("forTenantSchema(...) inside a transaction: scope the pooled Db first, "
                    + "then start the transaction on it");
        }
        if (tenant != null && tenant.isTenantBound()) {
            throw new IllegalStateException("this Db is already scoped to a tenant; call forTenantSchema on the Db "
                    + "it came from");
        }
        return new DbImpl(dataSource, null, options, null,
                TenantContext.inSchema(schema, !options.unscopedTenantAccess()));
    }

    @Override
    public Db unscoped() {
        if (tenant != null && tenant.isTenantBound()) {
            throw new IllegalStateException("unscoped() on a tenant-scoped Db: call it on the Db the scope came from");
        }
        if (transaction != null) {
            return new DbImpl(dataSource, null, options, transaction, null);
        }
        return new DbImpl(dataSource, null, options, null, null);
    }

    /**
     * A statement a tenant-scoped {@code Db} may run: one Sleet built (its tables are scoped when it renders),
     * or SQL the application marked tenant-safe. Raw SQL would reach every tenant's rows.
     */
    private QueryPart scopable(QueryPart statement) {
        if (tenant == null || !tenant.isTenantBound() || statement instanceof TenantSafe
                || Statements.isBuiltStatement(statement)) {
            return statement;
        }
        throw new IllegalArgumentException("raw SQL through a tenant-scoped Db could read or change other tenants' "
                + "rows, so it is refused: build the statement with the Db's query builders, or, when the SQL "
                + "filters by tenant itself (or only reads tables that are not tenant-owned), mark it with "
                + "Sql.tenantSafe(...)");
    }

    private void refuseCopy(Table table, String what) {
        if (tenant != null && !tenant.isScoped() && tenant.guard() && table.tenantKey() != null) {
            throw new IllegalStateException(what + "(" + table + "): " + table + " is tenant-owned ("
                    + table.tenantKey().name() + "); copy it through db.unscoped() where working across tenants is "
                    + "meant");
        }
        if (tenant != null && tenant.isScoped() && table.tenantKey() != null) {
            throw new UnsupportedOperationException(what + "(" + table + ") through a tenant-scoped Db is not "
                    + "supported yet: " + table + " is tenant-owned");
        }
    }

    @Override
    public void transaction(TransactionalRunnable work) {
        transactionResult(TransactionOptions.DEFAULTS, tx -> {
            work.run(tx);
            return null;
        });
    }

    @Override
    public void transaction(TransactionOptions options, TransactionalRunnable work) {
        transactionResult(options, tx -> {
            work.run(tx);
            return null;
        });
    }

    @Override
    public <T> T transactionResult(TransactionalCallable<T> work) {
        return transactionResult(TransactionOptions.DEFAULTS, work);
    }

    @Override
    public <T> T transactionResult(TransactionOptions txOptions, TransactionalCallable<T> work) {
        if (dataSource == null) {
            execution.require();
        }
        if (transaction != null) {
            if (txOptions.isolationLevel() != null || txOptions.isReadOnly() || txOptions.retryCount() > 0) {
                throw new IllegalArgumentException("a nested transaction runs in a savepoint of the outer one and "
                        + "cannot change isolation, read-only or retries; set them on the outer transaction");
            }
            return savepoint(work);
        }
        if (txOptions.isDeferrable()
                && !(txOptions.isReadOnly() && txOptions.isolationLevel() == IsolationLevel.SERIALIZABLE)) {
            throw new IllegalArgumentException("deferrable only applies to serializable read-only transactions; "
                    + "use TransactionOptions.serializable().readOnly().deferrable()");
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return topLevel(txOptions, work);
            } catch (SleetException e) {
                if (attempt >= txOptions.retryCount() || !retryable(e)) {
                    throw e;
                }
                long backoff = Math.min(1_000, 10L << Math.min(attempt, 6));
                LOG.debug("transaction attempt {} failed with SQLSTATE {}; retrying in ~{} ms", attempt + 1,
                        e.sqlState(), backoff);
                sleep(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
            }
        }
    }

    private static boolean retryable(SleetException e) {
        return "40001".equals(e.sqlState()) || "40P01".equals(e.sqlState());
    }

    private <T> T topLevel(TransactionOptions txOptions, TransactionalCallable<T> work) {
        // SET TRANSACTION, not JDBC's session-level setters: no session state survives the transaction, which
        // keeps the connection safe behind PgBouncer in transaction mode.
        return LocalTransaction.inNewTransaction(new PooledSource(dataSource), characteristics(txOptions),
                tenant == null || !tenant.isScoped() ? null : tenant::begin, tx -> {
            try {
                return work.run(new DbImpl(dataSource, null, options, tx, tenant, execution.executor().shapes()));
            } catch (Exception e) {
                throw rethrow(e);
            }
        });
    }

    private <T> T savepoint(TransactionalCallable<T> work) {
        Connection connection = transaction.connection();
        Savepoint savepoint;
        try {
            savepoint = connection.setSavepoint();
        } catch (SQLException e) {
            throw SleetException.of(e, "savepoint", null);
        }
        T result;
        try {
            result = work.run(this);
        } catch (Throwable t) {
            rollbackQuietly(connection, savepoint, t);
            throw rethrow(t);
        }
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            throw SleetException.of(e, "release savepoint", null);
        }
        return result;
    }

    private static String characteristics(TransactionOptions o) {
        StringBuilder sql = new StringBuilder();
        if (o.isolationLevel() != null) {
            sql.append("isolation level ").append(o.isolationLevel().name().replace('_', ' ').toLowerCase());
        }
        if (o.isReadOnly()) {
            sql.append(sql.length() > 0 ? ", " : "").append("read only");
        }
        if (o.isDeferrable()) {
            sql.append(", deferrable");
        }
        return sql.length() == 0 ? null : "set transaction " + sql;
    }

    /** Rolls back to a savepoint; a failure of the rollback is attached to the first error, never replaces it. */
    private static void rollbackQuietly(Connection connection, Savepoint savepoint, Throwable first) {
        try {
            connection.rollback(savepoint);
        } catch (SQLException | RuntimeException e) {
            first.addSuppressed(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new SleetException("transaction rolled back: " + t, null, t);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SleetException("interrupted while waiting to retry a transaction", null, e);
        }
    }

    /**
     * Returns the pool this {@code Db} owns, or {@code null}.
     *
     * @return the pool
     */
    public HikariDataSource pool() {
        return ownedPool;
    }

    @Override
    public void close() {
        if (ownedPool != null && transaction == null) {
            ownedPool.close();
        }
    }

    @Override
    public String toString() {
        if (tenant != null && tenant.isTenantBound()) {
            String scope = tenant.schema() != null ? "tenant schema " + tenant.schema() : "tenant-scoped";
            return transaction != null ? "Db[transaction, " + scope + "]" : "Db[" + scope + "]";
        }
        return transaction != null ? "Db[transaction]" : ownedPool != null ? "Db[" + ownedPool.getPoolName() + "]"
                : dataSource == null ? "Db[offline]" : "Db[" + dataSource + "]";
    }
}
