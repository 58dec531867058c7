package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.jpa.ScratchCustomer;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.PreparedResultQuery;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.placeholder;
import static dev.sleet.bench.northwind.ScratchCustomers.SCRATCH;

/**
 * W5: one customer inserted per call, {@code returning} its id and company name, into
 * {@link ScratchCustomers} (emptied after every iteration, so it never grows past one iteration's inserts). The
 * values are those of the 10,000 customers in turn, each with a new id from a counter; every contender gets
 * the same {@link CustomerRow} and returns an {@link Inserted}.
 *
 * <ul>
 *   <li><b>raw JDBC</b> (the reference): {@code insert ... returning id, company_name}, prepared, eleven
 *       setters, {@code executeQuery}; autocommit;</li>
 *   <li><b>Sleet</b>: {@code insert(SCRATCH).values(row).returning(id, companyName).fetchOneInto(Inserted.class)},
 *       built and rendered at each call;</li>
 *   <li><b>Sleet prepared</b>: the insert with eleven placeholders {@code prepare()}d once, then
 *       {@code bind(...)} eleven times and {@code fetchOneInto};</li>
 *   <li><b>jOOQ</b>: {@code insertInto(T).columns(...).values(...).returning(ID, COMPANY_NAME).fetchOne(mapper)};</li>
 *   <li><b>Hibernate</b>: {@code inTransaction(s -> s.persist(new ScratchCustomer(row)))}, the id being
 *       assigned, then the entity's id and name: begin, insert, commit;</li>
 *   <li><b>JDBI</b>: {@code createUpdate(sql).bind(...).executeAndReturnGeneratedKeys("id", "company_name")}
 *       {@code .mapTo(Inserted.class).one()}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W5", title = "insert one row with returning")
public class W5InsertReturningBenchmark extends NorthwindState {

    /**
     * What an insert returns.
     *
     * @param id          the inserted row's id
     * @param companyName its company name
     */
    public record Inserted(long id, String companyName) {
    }

    static final String SQL = "insert into " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, company_name";
    /** JDBI's statement: pgjdbc appends {@code returning} for {@code executeAndReturnGeneratedKeys}. */
    static final String JDBI_SQL = "insert into " + ScratchCustomers.NAME + " (" + ScratchCustomers.COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private List<CustomerRow> customers;
    private int nextCustomer;
    private long nextId;
    private PreparedResultQuery sleetInsert;

    @Override
    protected void check() throws SQLException {
        ScratchCustomers.recreate(pool);
        customers = ScratchCustomers.customers(pool);
        jdbi.registerRowMapper(ConstructorMapper.factory(Inserted.class));
        sleetInsert = sleet.insert(SCRATCH).set(SCRATCH.id, placeholder("id"))
                .set(SCRATCH.companyName, placeholder("companyName"))
                .set(SCRATCH.contactName, placeholder("contactName"))
                .set(SCRATCH.contactTitle, placeholder("contactTitle"))
                .set(SCRATCH.address, placeholder("address")).set(SCRATCH.city, placeholder("city"))
                .set(SCRATCH.postalCode, placeholder("postalCode")).set(SCRATCH.region, placeholder("region"))
                .set(SCRATCH.country, placeholder("country")).set(SCRATCH.phone, placeholder("phone"))
                .set(SCRATCH.fax, placeholder("fax"))
                .returning(SCRATCH.id, SCRATCH.companyName).prepare();

        List<CustomerRow> inserted = new ArrayList<>();
        List<Inserted> expected = new ArrayList<>();
        List<Inserted> returned = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CustomerRow row = next();
            inserted.add(row);
            expected.add(new Inserted(row.id(), row.companyName()));
            returned.add(switch (i) {
                case 0 -> rawJdbc(row);
                case 1 -> sleet(row);
                case 2 -> sleetPrepared(row);
                case 3 -> jooq(row);
                case 4 -> hibernate(row);
                default -> jdbi(row);
            });
        }
        requireSame("returned by raw JDBC, Sleet, Sleet prepared, jOOQ, Hibernate and JDBI", expected,
                results("all", returned));
        requireSame("the rows inserted", inserted, results("in the table", ScratchCustomers.rows(pool)));
        ScratchCustomers.truncate(pool);
    }

    /**
     * Empties the table after each iteration.
     *
     * @throws SQLException when the server refuses
     */
    @TearDown(Level.Iteration)
    public void empty() throws SQLException {
        ScratchCustomers.truncate(pool);
    }

    @Override
    protected void cleanUp() throws SQLException {
        ScratchCustomers.drop(pool);
    }

    /** The next customer to insert: the next of the 10,000, with the next id. */
    private CustomerRow next() {
        CustomerRow template = customers.get(nextCustomer);
        nextCustomer = (nextCustomer + 1) % customers.size();
        return ScratchCustomers.withId(template, ++nextId);
    }

    /**
     * The reference.
     *
     * @return the id and name
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", reference = true,
            how = "`insert ... returning id, company_name`, prepared, `executeQuery`, autocommit")
    public Inserted rawJdbc() throws SQLException {
        return rawJdbc(next());
    }

    private Inserted rawJdbc(CustomerRow row) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, row.id());
            ps.setString(2, row.companyName());
            ps.setString(3, row.contactName());
            ps.setString(4, row.contactTitle());
            ps.setString(5, row.address());
            ps.setString(6, row.city());
            ps.setString(7, row.postalCode());
            ps.setString(8, row.region());
            ps.setString(9, row.country());
            ps.setString(10, row.phone());
            ps.setString(11, row.fax());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Inserted(rs.getLong(1), rs.getString(2));
            }
        }
    }

    /**
     * Sleet, built and rendered at each call.
     *
     * @return the id and name
     */
    @Benchmark
    @Contender(value = "Sleet",
            how = "`insert(SCRATCH).values(row).returning(id, companyName).fetchOneInto(Inserted.class)`")
    public Inserted sleet() {
        return sleet(next());
    }

    private Inserted sleet(CustomerRow row) {
        return sleet.insert(SCRATCH).values(row).returning(SCRATCH.id, SCRATCH.companyName)
                .fetchOneInto(Inserted.class);
    }

    /**
     * Sleet, rendered once.
     *
     * @return the id and name
     */
    @Benchmark
    @Contender(value = "Sleet prepared", how = "the insert `prepare()`d once with 11 placeholders, "
            + "`bind(...)` × 11, `fetchOneInto(Inserted.class)`")
    public Inserted sleetPrepared() {
        return sleetPrepared(next());
    }

    private Inserted sleetPrepared(CustomerRow row) {
        return sleetInsert.bind("id", row.id()).bind("companyName", row.companyName())
                .bind("contactName", row.contactName()).bind("contactTitle", row.contactTitle())
                .bind("address", row.address()).bind("city", row.city()).bind("postalCode", row.postalCode())
                .bind("region", row.region()).bind("country", row.country()).bind("phone", row.phone())
                .bind("fax", row.fax()).fetchOneInto(Inserted.class);
    }

    /**
     * jOOQ.
     *
     * @return the id and name
     */
    @Benchmark
    @Contender(value = "jOOQ", how = "`insertInto(T).columns(...).values(...).returning(ID, COMPANY_NAME)"
            + ".fetchOne(mapper)`")
    public Inserted jooq() {
        return jooq(next());
    }

    private Inserted jooq(CustomerRow row) {
        return jooq.insertInto(JooqScratch.TABLE).columns(JooqScratch.ALL).values(JooqScratch.values(row))
                .returning(JooqScratch.ID, JooqScratch.COMPANY_NAME)
                .fetchOne(r -> new Inserted(r.get(JooqScratch.ID), r.get(JooqScratch.COMPANY_NAME)));
    }

    /**
     * Hibernate.
     *
     * @return the id and name
     */
    @Benchmark
    @Contender(value = "Hibernate", how = "`inTransaction(s -> s.persist(new ScratchCustomer(row)))`")
    public Inserted hibernate() {
        return hibernate(next());
    }

    private Inserted hibernate(CustomerRow row) {
        ScratchCustomer customer = new ScratchCustomer(row);
        hibernate.inTransaction(s -> s.persist(customer));
        return new Inserted(customer.getId(), customer.getCompanyName());
    }

    /**
     * JDBI.
     *
     * @return the id and name
     */
    @Benchmark
    @Contender(value = "JDBI", how = "`createUpdate(sql).bind(...)"
            + ".executeAndReturnGeneratedKeys(\"id\", \"company_name\").mapTo(Inserted.class).one()`")
    public Inserted jdbi() {
        return jdbi(next());
    }

    private Inserted jdbi(CustomerRow row) {
        return jdbi.withHandle(h -> h.createUpdate(JDBI_SQL).bind(0, row.id()).bind(1, row.companyName())
                .bind(2, row.contactName()).bind(3, row.contactTitle()).bind(4, row.address()).bind(5, row.city())
                .bind(6, row.postalCode()).bind(7, row.region()).bind(8, row.country()).bind(9, row.phone())
                .bind(10, row.fax()).executeAndReturnGeneratedKeys("id", "company_name").mapTo(Inserted.class).one());
    }
}
