package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.jpa.ScratchCustomer;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.Query;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.jooq.Loader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.bench.northwind.ScratchCustomers.SCRATCH;

/**
 * W6: 10,000 rows inserted at once: the 10,000 customers (as {@link CustomerRow}s, read once) into
 * {@link ScratchCustomers}, which is emptied before every call, outside the measured time. The pool has
 * pgjdbc's {@code reWriteBatchedInserts} on, so a JDBC batch of single-row inserts goes to the server as
 * multi-row inserts (of up to 128 rows) whoever builds it.
 *
 * <ul>
 *   <li><b>raw JDBC, batch</b> (the reference): one prepared insert, {@code addBatch()} per row,
 *       {@code executeBatch()}, autocommit;</li>
 *   <li><b>raw JDBC, multi-row values</b>: two statements of 5,000 rows each (55,000 binds, under PostgreSQL's
 *       65,535), in one transaction;</li>
 *   <li><b>raw JDBC, COPY</b>: {@code CopyManager.copyIn} fed the rows encoded by hand ({@link CustomerCopy});</li>
 *   <li><b>Sleet, batch</b>: {@code db.batch(rows.map(r -> insert(SCRATCH).values(r)))}: 10,000 statements
 *       rendered, sent as one JDBC batch in a transaction;</li>
 *   <li><b>Sleet, multi-row values</b>: {@code insert(SCRATCH).values(rows).execute()}, which Sleet splits at
 *       the bind limit (two statements, one transaction);</li>
 *   <li><b>Sleet, COPY</b>: {@code copyInto(SCRATCH).from(rows)};</li>
 *   <li><b>jOOQ, batch</b>: {@code batch(insertInto(T).columns(...).values(nulls))} with {@code bind(...)} per
 *       row;</li>
 *   <li><b>jOOQ, loader</b>: {@code loadInto(T).bulkAfter(500).batchAll().loadArrays(...)}: multi-row inserts of
 *       500 rows, sent as one batch;</li>
 *   <li><b>Hibernate</b>: {@code persist} per entity in one transaction, {@code flush()} and {@code clear()} every
 *       50 (the JDBC batch size), as its guide advises for batch inserts;</li>
 *   <li><b>JDBI</b>: {@code prepareBatch(sql)}, {@code bind(...).add()} per row, {@code execute()}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(2)
@Workload(id = "W6", title = "insert 10,000 rows")
public class W6BulkInsertBenchmark extends NorthwindState {

    private static final String BATCH = "one JDBC batch of 10,000 single-row inserts (or the library's own batching)";
    private static final String MULTI_ROW = "multi-row `insert ... values`";
    private static final String COPY = "`COPY ... FROM STDIN`";

    static final String SQL = "insert into " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Rows per multi-row statement: 5,000 × 11 = 55,000 binds, under the protocol's 65,535. */
    static final int CHUNK = 5_000;
    static final String MULTI_ROW_SQL;
    /** The JDBC batch size Hibernate is configured with in {@link NorthwindState}. */
    static final int HIBERNATE_BATCH = 50;

    static {
        StringBuilder sql = new StringBuilder("insert into ").append(ScratchCustomers.NAME).append(" (")
                .append(ScratchCustomers.COLUMNS).append(") values ");
        for (int i = 0; i < CHUNK; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        MULTI_ROW_SQL = sql.toString();
    }

    private List<CustomerRow> rows;

    @Override
    protected void check() throws SQLException, IOException {
        ScratchCustomers.recreate(pool);
        rows = ScratchCustomers.customers(pool);
        if (rows.size() % CHUNK != 0) {
            throw new IllegalStateException("W6 inserts the customers in chunks of " + CHUNK + "; there are "
                    + rows.size());
        }
        String[] names = {"raw JDBC batch", "raw JDBC multi-row", "raw JDBC COPY", "Sleet batch", "Sleet multi-row",
            "Sleet COPY", "jOOQ batch", "jOOQ loader", "Hibernate", "JDBI"};
        for (int i = 0; i < names.length; i++) {
            ScratchCustomers.truncate(pool);
            long count = switch (i) {
                case 0 -> sum(rawJdbcBatch());
                case 1 -> rawJdbcMultiRow();
                case 2 -> rawJdbcCopy();
                case 3 -> sum(sleetBatch());
                case 4 -> sleetMultiRow();
                case 5 -> sleetCopy();
                case 6 -> sum(jooqBatch());
                case 7 -> jooqLoader();
                case 8 -> hibernate();
                default -> sum(jdbi());
            };
            List<CustomerRow> stored = ScratchCustomers.rows(pool);
            if (count != rows.size() && count != 0 || !stored.equals(rows)) {
                throw new IllegalStateException(names[i] + " reported " + count + " rows and stored " + stored.size()
                        + (stored.size() == rows.size() ? " (with other values)" : "") + "; expected the "
                        + rows.size() + " customers");
            }
        }
        ScratchCustomers.truncate(pool);
    }

    private static long sum(int[] counts) {
        long total = 0;
        for (int c : counts) {
            // pgjdbc reports SUCCESS_NO_INFO (-2) for batches it rewrites into multi-row statements
            total += Math.max(c, 0);
        }
        return total;
    }

    /**
     * Empties the table before each call; a call takes tens of milliseconds, so JMH's own cost here is small.
     *
     * @throws SQLException when the server refuses
     */
    @Setup(Level.Invocation)
    public void empty() throws SQLException {
        ScratchCustomers.truncate(pool);
    }

    @Override
    protected void cleanUp() throws SQLException {
        ScratchCustomers.drop(pool);
    }

    /**
     * The reference.
     *
     * @return the counts
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = BATCH, reference = true,
            how = "batch: one prepared insert, `addBatch()` × 10,000, `executeBatch()` (rewritten by pgjdbc)")
    public int[] rawJdbcBatch() throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            for (CustomerRow row : rows) {
                bind(ps, 0, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /**
     * Raw JDBC, multi-row statements.
     *
     * @return the rows inserted
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = MULTI_ROW, reference = true, how = "multi-row `values`: 2 statements of 5,000 rows, one transaction")
    public long rawJdbcMultiRow() throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(MULTI_ROW_SQL)) {
                long inserted = 0;
                for (int from = 0; from < rows.size(); from += CHUNK) {
                    for (int i = 0; i < CHUNK; i++) {
                        bind(ps, i * 11, rows.get(from + i));
                    }
                    inserted += ps.executeUpdate();
                }
                c.commit();
                return inserted;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static void bind(PreparedStatement ps, int at, CustomerRow row) throws SQLException {
        ps.setLong(at + 1, row.id());
        ps.setString(at + 2, row.companyName());
        ps.setString(at + 3, row.contactName());
        ps.setString(at + 4, row.contactTitle());
        ps.setString(at + 5, row.address());
        ps.setString(at + 6, row.city());
        ps.setString(at + 7, row.postalCode());
        ps.setString(at + 8, row.region());
        ps.setString(at + 9, row.country());
        ps.setString(at + 10, row.phone());
        ps.setString(at + 11, row.fax());
    }

    /**
     * Raw JDBC, COPY.
     *
     * @return the rows copied
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = COPY, reference = true, how = "COPY: `CopyManager.copyIn`, rows encoded by hand, 64 KB writes")
    public long rawJdbcCopy() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return CustomerCopy.copy(c, rows);
        }
    }

    /**
     * Sleet, a batch of inserts.
     *
     * @return the counts
     */
    @Benchmark
    @Contender(value = "Sleet", query = BATCH, how = "batch: `db.batch(10,000 × insert(SCRATCH).values(row))`")
    public int[] sleetBatch() {
        List<Query> inserts = new ArrayList<>(rows.size());
        for (CustomerRow row : rows) {
            inserts.add(sleet.insert(SCRATCH).values(row));
        }
        return sleet.batch(inserts);
    }

    /**
     * Sleet, multi-row values.
     *
     * @return the rows inserted
     */
    @Benchmark
    @Contender(value = "Sleet", query = MULTI_ROW, how = "multi-row `values`: `insert(SCRATCH).values(rows).execute()` (split at "
            + "the bind limit)")
    public long sleetMultiRow() {
        return sleet.insert(SCRATCH).values(rows).execute();
    }

    /**
     * Sleet, COPY.
     *
     * @return the rows copied
     */
    @Benchmark
    @Contender(value = "Sleet", query = COPY, how = "COPY: `copyInto(SCRATCH).from(rows)`")
    public long sleetCopy() {
        return sleet.copyInto(SCRATCH).from(rows);
    }

    /**
     * jOOQ, batch.
     *
     * @return the counts
     */
    @Benchmark
    @Contender(value = "jOOQ", query = BATCH, how = "batch: `batch(insertInto(T).columns(...).values(nulls))`, `bind(...)` per row")
    public int[] jooqBatch() {
        BatchBindStep batch = jooq.batch(jooq.insertInto(JooqScratch.TABLE).columns(JooqScratch.ALL)
                .values(new Object[JooqScratch.ALL.length]));
        for (CustomerRow row : rows) {
            batch = batch.bind(JooqScratch.values(row));
        }
        return batch.execute();
    }

    /**
     * jOOQ, the loader API.
     *
     * @return the rows inserted
     * @throws IOException never: the rows are in memory
     */
    @Benchmark
    @Contender(value = "jOOQ", query = MULTI_ROW,
            how = "loader: `loadInto(T).bulkAfter(500).batchAll().loadArrays(...)`")
    public long jooqLoader() throws IOException {
        List<Object[]> arrays = new ArrayList<>(rows.size());
        for (CustomerRow row : rows) {
            arrays.add(JooqScratch.values(row));
        }
        Loader<?> loader = jooq.loadInto(JooqScratch.TABLE).bulkAfter(500).batchAll().loadArrays(arrays)
                .fields(JooqScratch.ALL).execute();
        if (!loader.errors().isEmpty()) {
            throw new IllegalStateException("jOOQ's loader failed: " + loader.errors().get(0).exception());
        }
        return loader.stored();
    }

    /**
     * Hibernate.
     *
     * @return the entities persisted
     */
    @Benchmark
    @Contender(value = "Hibernate", query = BATCH, how = "`persist` × 10,000 in a transaction, `flush()`/`clear()` every 50")
    public long hibernate() {
        try (Session session = hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                int n = 0;
                for (CustomerRow row : rows) {
                    session.persist(new ScratchCustomer(row));
                    if (++n % HIBERNATE_BATCH == 0) {
                        session.flush();
                        session.clear();
                    }
                }
                tx.commit();
                return n;
            } catch (RuntimeException e) {
                tx.rollback();
                throw e;
            }
        }
    }

    /**
     * JDBI.
     *
     * @return the counts
     */
    @Benchmark
    @Contender(value = "JDBI", query = BATCH, how = "`prepareBatch(sql)`, `bind(...).add()` per row, `execute()`")
    public int[] jdbi() {
        return jdbi.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch(SQL);
            for (CustomerRow row : rows) {
                batch.bind(0, row.id()).bind(1, row.companyName()).bind(2, row.contactName())
                        .bind(3, row.contactTitle()).bind(4, row.address()).bind(5, row.city())
                        .bind(6, row.postalCode()).bind(7, row.region()).bind(8, row.country()).bind(9, row.phone())
                        .bind(10, row.fax()).add();
            }
            return batch.execute();
        });
    }
}
