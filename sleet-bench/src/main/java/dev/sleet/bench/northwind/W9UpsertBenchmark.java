package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.jpa.ScratchCustomer;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.ConflictUpdate;
import dev.sleet.query.Query;
import org.hibernate.Session;
import org.hibernate.Transaction;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jooq.BatchBindStep;
import org.jooq.Field;
import org.jooq.impl.DSL;
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

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.sleet.Sql.excluded;
import static dev.sleet.bench.northwind.ScratchCustomers.SCRATCH;

/**
 * W9: upserts ({@code insert ... on conflict (id) do update set} every other column {@code = excluded.column})
 * into {@link ScratchCustomers}, which each iteration starts holding the 10,000 customers (ids 1 to 10,000). Keys
 * are drawn from 1 to 20,000, so an upsert inserts or updates; each call writes a phone number no row has had
 * before (from a counter), so that an update always changes the row, for Hibernate's dirty checking too.
 *
 * <p><b>Single row</b>: one customer by a seeded sequence of ids. <b>1,000 rows</b>: ids {@code a..a+999} from a
 * seeded sequence of {@code a} in {@code 1, 1001, ..., 19001}, upserted together.
 *
 * <ul>
 *   <li><b>raw JDBC</b> (the reference): the prepared upsert, autocommit; for 1,000 rows a JDBC batch, which
 *       pgjdbc rewrites into multi-row statements ({@code reWriteBatchedInserts}); and, as a second hand-written
 *       way, one statement over arrays: {@code insert ... select * from unnest(?::bigint[], ?::text[], ...)};</li>
 *   <li><b>Sleet</b>: {@code insert(SCRATCH).values(row).onConflictDoUpdate(id, set -> ...excluded(...))}; for
 *       1,000 rows the same with {@code values(rows)} (one statement), and {@code db.batch} of 1,000 single
 *       upserts;</li>
 *   <li><b>jOOQ</b>: {@code insertInto(T).columns(...).values(...).onConflict(ID).doUpdate().set(map of excluded)};
 *       for 1,000 rows the same statement in {@code batch(...).bind(...)};</li>
 *   <li><b>Hibernate</b>: {@code merge} of a new entity with the id, as its users upsert: a select by id, then an
 *       insert or an update at commit; for 1,000 rows, {@code merge} of each in one transaction (selects one by
 *       one, writes in JDBC batches of 50);</li>
 *   <li><b>JDBI</b>: {@code createUpdate(sql).bind(...).execute()}; for 1,000 rows {@code prepareBatch}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W9", title = "upsert one row and 1,000 rows")
public class W9UpsertBenchmark extends NorthwindState {

    /** Rows per batch upsert. */
    static final int BATCH = 1_000;
    /** Keys run from 1 to this: twice the customers, so about half the upserts insert. */
    static final int KEYS = 20_000;

    private static final String UPDATE_SET = " on conflict (id) do update set company_name = excluded.company_name, "
            + "contact_name = excluded.contact_name, contact_title = excluded.contact_title, "
            + "address = excluded.address, city = excluded.city, postal_code = excluded.postal_code, "
            + "region = excluded.region, country = excluded.country, phone = excluded.phone, fax = excluded.fax";
    static final String SQL = "insert into " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + UPDATE_SET;
    static final String UNNEST_SQL = "insert into " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") select * from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[])" + UPDATE_SET;

    /** Sleet's {@code do update set}: every column but the key from {@code excluded}. */
    private static final Consumer<ConflictUpdate> SLEET_SET = set -> set
            .set(SCRATCH.companyName, excluded(SCRATCH.companyName))
            .set(SCRATCH.contactName, excluded(SCRATCH.contactName))
            .set(SCRATCH.contactTitle, excluded(SCRATCH.contactTitle))
            .set(SCRATCH.address, excluded(SCRATCH.address)).set(SCRATCH.city, excluded(SCRATCH.city))
            .set(SCRATCH.postalCode, excluded(SCRATCH.postalCode)).set(SCRATCH.region, excluded(SCRATCH.region))
            .set(SCRATCH.country, excluded(SCRATCH.country)).set(SCRATCH.phone, excluded(SCRATCH.phone))
            .set(SCRATCH.fax, excluded(SCRATCH.fax));
    /** jOOQ's {@code do update set}, the same. */
    private static final Map<Field<?>, Field<?>> JOOQ_SET = new LinkedHashMap<>();

    static {
        for (int i = 1; i < JooqScratch.ALL.length; i++) {
            JOOQ_SET.put(JooqScratch.ALL[i], DSL.excluded(JooqScratch.ALL[i]));
        }
    }

    private List<CustomerRow> customers;
    private RandomKeys ids;
    private RandomKeys starts;
    private long version;

    @Override
    protected void check() throws SQLException {
        ScratchCustomers.recreate(pool);
        customers = ScratchCustomers.customers(pool);
        ids = new RandomKeys(9, KEYS);
        starts = new RandomKeys(9, 1, KEYS / BATCH, BATCH);

        // single: each contender upserts a new key, then the same key again with new values
        String[] single = {"raw JDBC", "Sleet", "jOOQ", "Hibernate", "JDBI"};
        refill();
        long key = customers.size();
        for (int i = 0; i < single.length; i++) {
            key++;
            for (int pass = 0; pass < 2; pass++) {
                CustomerRow row = row(key);
                int count = switch (i) {
                    case 0 -> rawJdbc(row);
                    case 1 -> sleet(row);
                    case 2 -> jooq(row);
                    case 3 -> hibernate(row);
                    default -> jdbi(row);
                };
                requireStored(single[i] + (pass == 0 ? " inserting" : " updating"), count, List.of(row));
            }
        }
        // 1,000: half over existing customers, half new, twice
        String[] batch = {"raw JDBC batch", "raw JDBC unnest", "Sleet values", "Sleet batch", "jOOQ batch",
            "Hibernate", "JDBI"};
        for (int i = 0; i < batch.length; i++) {
            refill();
            for (int pass = 0; pass < 2; pass++) {
                List<CustomerRow> rows = rows(customers.size() - BATCH / 2 + 1);
                long count = switch (i) {
                    case 0 -> sum(rawJdbcBatch(rows));
                    case 1 -> rawJdbcUnnest(rows);
                    case 2 -> sleetValues(rows);
                    case 3 -> sum(sleetBatch(rows));
                    case 4 -> sum(jooqBatch(rows));
                    case 5 -> hibernateBatch(rows);
                    default -> sum(jdbiBatch(rows));
                };
                requireStored(batch[i] + " pass " + (pass + 1), count, rows);
            }
        }
        ids.reset();
        starts.reset();
    }

    /** Checks that the table holds these rows, and reported counts (when it reports them) that fit. */
    private void requireStored(String what, long count, List<CustomerRow> rows) throws SQLException {
        Map<Long, CustomerRow> stored = new LinkedHashMap<>();
        for (CustomerRow row : ScratchCustomers.rows(pool)) {
            stored.put(row.id(), row);
        }
        for (CustomerRow row : rows) {
            if (!row.equals(stored.get(row.id()))) {
                throw new IllegalStateException(what + ": expected " + row + ", the table has " + stored.get(row.id()));
            }
        }
        if (count != rows.size() && count != 0) {
            throw new IllegalStateException(what + ": reported " + count + " rows, expected " + rows.size());
        }
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
     * Starts each iteration with the 10,000 customers and nothing else.
     *
     * @throws SQLException when the server refuses
     */
    @Setup(Level.Iteration)
    public void refill() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            st.execute("truncate " + ScratchCustomers.NAME);
            st.execute("insert into " + ScratchCustomers.NAME + " select * from northwind.customers");
        }
    }

    @Override
    protected void cleanUp() throws SQLException {
        ScratchCustomers.drop(pool);
    }

    /** The customer with this key: a customer's values, a phone number never written before. */
    private CustomerRow row(long id, String phone) {
        CustomerRow c = customers.get((int) ((id - 1) % customers.size()));
        return new CustomerRow(id, c.companyName(), c.contactName(), c.contactTitle(), c.address(), c.city(),
                c.postalCode(), c.region(), c.country(), phone, c.fax());
    }

    private CustomerRow row(long id) {
        return row(id, "+1 555 " + ++version);
    }

    private List<CustomerRow> rows(long from) {
        String phone = "+1 555 " + ++version;
        List<CustomerRow> rows = new ArrayList<>(BATCH);
        for (long id = from; id < from + BATCH; id++) {
            rows.add(row(id, phone));
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------------- single

    /**
     * The reference.
     *
     * @return rows inserted or updated
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "upsert one row", reference = true,
            how = "prepared `insert ... on conflict (id) do update set ...`, autocommit")
    public int rawJdbc() throws SQLException {
        return rawJdbc(row(ids.next()));
    }

    private int rawJdbc(CustomerRow row) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            bind(ps, 0, row);
            return ps.executeUpdate();
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
     * Sleet.
     *
     * @return rows inserted or updated
     */
    @Benchmark
    @Contender(value = "Sleet", query = "upsert one row",
            how = "`insert(SCRATCH).values(row).onConflictDoUpdate(id, set -> ...excluded(...)).execute()`")
    public int sleet() {
        return sleet(row(ids.next()));
    }

    private int sleet(CustomerRow row) {
        return sleet.insert(SCRATCH).values(row).onConflictDoUpdate(SCRATCH.id, SLEET_SET).execute();
    }

    /**
     * jOOQ.
     *
     * @return rows inserted or updated
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "upsert one row",
            how = "`insertInto(T).columns(...).values(...).onConflict(ID).doUpdate().set(excluded...).execute()`")
    public int jooq() {
        return jooq(row(ids.next()));
    }

    private int jooq(CustomerRow row) {
        return jooq.insertInto(JooqScratch.TABLE).columns(JooqScratch.ALL).values(JooqScratch.values(row))
                .onConflict(JooqScratch.ID).doUpdate().set(JOOQ_SET).execute();
    }

    /**
     * Hibernate.
     *
     * @return 1
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "upsert one row",
            how = "`inTransaction(s -> s.merge(new ScratchCustomer(row)))`: select, then insert or update")
    public int hibernate() {
        return hibernate(row(ids.next()));
    }

    private int hibernate(CustomerRow row) {
        hibernate.inTransaction(s -> s.merge(new ScratchCustomer(row)));
        return 1;
    }

    /**
     * JDBI.
     *
     * @return rows inserted or updated
     */
    @Benchmark
    @Contender(value = "JDBI", query = "upsert one row", how = "`withHandle(h -> h.createUpdate(sql).bind(...).execute())`")
    public int jdbi() {
        return jdbi(row(ids.next()));
    }

    private int jdbi(CustomerRow row) {
        return jdbi.withHandle(h -> h.createUpdate(SQL).bind(0, row.id()).bind(1, row.companyName())
                .bind(2, row.contactName()).bind(3, row.contactTitle()).bind(4, row.address()).bind(5, row.city())
                .bind(6, row.postalCode()).bind(7, row.region()).bind(8, row.country()).bind(9, row.phone())
                .bind(10, row.fax()).execute());
    }

    // ---------------------------------------------------------------------------------------------- 1,000 rows

    /**
     * The reference.
     *
     * @return the counts
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "upsert 1,000 rows", reference = true,
            how = "batch: the prepared upsert, `addBatch()` × 1,000, `executeBatch()` (rewritten by pgjdbc)")
    public int[] rawJdbcBatch() throws SQLException {
        return rawJdbcBatch(rows(starts.next()));
    }

    private int[] rawJdbcBatch(List<CustomerRow> rows) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            for (CustomerRow row : rows) {
                bind(ps, 0, row);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /**
     * Raw JDBC, one statement over arrays.
     *
     * @return rows inserted or updated
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "upsert 1,000 rows",
            how = "one statement: `insert ... select * from unnest(?::bigint[], ?::text[], ...)`, 11 arrays")
    public int rawJdbcUnnest() throws SQLException {
        return rawJdbcUnnest(rows(starts.next()));
    }

    private int rawJdbcUnnest(List<CustomerRow> rows) throws SQLException {
        int n = rows.size();
        Long[] id = new Long[n];
        String[][] text = new String[10][n];
        for (int i = 0; i < n; i++) {
            CustomerRow r = rows.get(i);
            id[i] = r.id();
            text[0][i] = r.companyName();
            text[1][i] = r.contactName();
            text[2][i] = r.contactTitle();
            text[3][i] = r.address();
            text[4][i] = r.city();
            text[5][i] = r.postalCode();
            text[6][i] = r.region();
            text[7][i] = r.country();
            text[8][i] = r.phone();
            text[9][i] = r.fax();
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(UNNEST_SQL)) {
            Array ids = c.createArrayOf("bigint", id);
            ps.setArray(1, ids);
            for (int k = 0; k < text.length; k++) {
                ps.setArray(k + 2, c.createArrayOf("text", text[k]));
            }
            return ps.executeUpdate();
        }
    }

    /**
     * Sleet, one statement.
     *
     * @return rows inserted or updated
     */
    @Benchmark
    @Contender(value = "Sleet", query = "upsert 1,000 rows",
            how = "multi-row: `insert(SCRATCH).values(rows).onConflictDoUpdate(id, ...).execute()`, one statement")
    public int sleetValues() {
        return sleetValues(rows(starts.next()));
    }

    private int sleetValues(List<CustomerRow> rows) {
        return sleet.insert(SCRATCH).values(rows).onConflictDoUpdate(SCRATCH.id, SLEET_SET).execute();
    }

    /**
     * Sleet, a batch of single upserts.
     *
     * @return the counts
     */
    @Benchmark
    @Contender(value = "Sleet", query = "upsert 1,000 rows", how = "batch: `db.batch(1,000 × single upsert)`")
    public int[] sleetBatch() {
        return sleetBatch(rows(starts.next()));
    }

    private int[] sleetBatch(List<CustomerRow> rows) {
        List<Query> upserts = new ArrayList<>(rows.size());
        for (CustomerRow row : rows) {
            upserts.add(sleet.insert(SCRATCH).values(row).onConflictDoUpdate(SCRATCH.id, SLEET_SET));
        }
        return sleet.batch(upserts);
    }

    /**
     * jOOQ, batch.
     *
     * @return the counts
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "upsert 1,000 rows", how = "`batch(upsert with nulls)`, `bind(...)` per row")
    public int[] jooqBatch() {
        return jooqBatch(rows(starts.next()));
    }

    private int[] jooqBatch(List<CustomerRow> rows) {
        BatchBindStep batch = jooq.batch(jooq.insertInto(JooqScratch.TABLE).columns(JooqScratch.ALL)
                .values(new Object[JooqScratch.ALL.length]).onConflict(JooqScratch.ID).doUpdate().set(JOOQ_SET));
        for (CustomerRow row : rows) {
            batch = batch.bind(JooqScratch.values(row));
        }
        return batch.execute();
    }

    /**
     * Hibernate, merges in one transaction.
     *
     * @return the entities merged
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "upsert 1,000 rows",
            how = "`merge` × 1,000 in one transaction: a select each, writes in batches of 50")
    public long hibernateBatch() {
        return hibernateBatch(rows(starts.next()));
    }

    private long hibernateBatch(List<CustomerRow> rows) {
        try (Session session = hibernate.openSession()) {
            Transaction tx = session.beginTransaction();
            try {
                for (CustomerRow row : rows) {
                    session.merge(new ScratchCustomer(row));
                }
                tx.commit();
                return rows.size();
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
    @Contender(value = "JDBI", query = "upsert 1,000 rows", how = "`prepareBatch(sql)`, `bind(...).add()` per row")
    public int[] jdbiBatch() {
        return jdbiBatch(rows(starts.next()));
    }

    private int[] jdbiBatch(List<CustomerRow> rows) {
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
