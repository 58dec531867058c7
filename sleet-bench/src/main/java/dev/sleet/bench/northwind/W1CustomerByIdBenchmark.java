package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.JooqNorthwind.Customers;
import dev.sleet.bench.northwind.jpa.Customer;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.PreparedResultQuery;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.bench.northwind.Northwind.CUSTOMERS;

/**
 * W1: one customer by primary key, a different one per call (a seeded sequence of 4,096 ids, the same for
 * every contender), mapped into a {@link CustomerRow} (Hibernate: a {@link Customer} entity). One round trip of
 * one small row: what a layer adds per statement shows here most.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W1", title = "customer by primary key")
public class W1CustomerByIdBenchmark extends NorthwindState {

    static final String SQL = "select id, company_name, contact_name, contact_title, address, city, postal_code, "
            + "region, country, phone, fax from northwind.customers where id = ?";

    /** jOOQ's mapper, by field, as users of generated tables write it. */
    static final RecordMapper<Record, CustomerRow> JOOQ_MAPPER = r -> new CustomerRow(r.get(Customers.ID),
            r.get(Customers.COMPANY_NAME), r.get(Customers.CONTACT_NAME), r.get(Customers.CONTACT_TITLE),
            r.get(Customers.ADDRESS), r.get(Customers.CITY), r.get(Customers.POSTAL_CODE), r.get(Customers.REGION),
            r.get(Customers.COUNTRY), r.get(Customers.PHONE), r.get(Customers.FAX));

    private RandomKeys ids;
    private PreparedResultQuery sleetById;

    @Override
    protected void check() throws SQLException {
        ids = new RandomKeys(1, data.scale().customers());
        sleetById = sleet.select().from(CUSTOMERS).where(eq(CUSTOMERS.id, placeholder("id"))).prepare();
        long id = ids.next();
        requireSame("customer " + id, rawJdbc(id), results("Sleet", sleet(id), "Sleet prepared", sleetPrepared(id),
                "jOOQ", jooq(id), "Hibernate", hibernate(id).toRow(), "JDBI", jdbi(id)));
        ids.reset();
    }

    /**
     * The reference.
     *
     * @return the customer
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", how = "`prepareStatement`, column-index getters, `new CustomerRow(...)`",
            reference = true)
    public CustomerRow rawJdbc() throws SQLException {
        return rawJdbc(ids.next());
    }

    private CustomerRow rawJdbc(long id) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getString(11));
            }
        }
    }

    /**
     * Sleet, the query built and rendered at each call.
     *
     * @return the customer
     */
    @Benchmark
    @Contender(value = "Sleet", how = "`select().from(CUSTOMERS).where(eq(CUSTOMERS.id, id)).fetchOneInto(...)`")
    public CustomerRow sleet() {
        return sleet(ids.next());
    }

    private CustomerRow sleet(long id) {
        return sleet.select().from(CUSTOMERS).where(eq(CUSTOMERS.id, id)).fetchOneInto(CustomerRow.class);
    }

    /**
     * Sleet, rendered once with a placeholder.
     *
     * @return the customer
     */
    @Benchmark
    @Contender(value = "Sleet prepared", how = "the same `prepare()`d once, `bind(\"id\", id).fetchOneInto(...)`")
    public CustomerRow sleetPrepared() {
        return sleetPrepared(ids.next());
    }

    private CustomerRow sleetPrepared(long id) {
        return sleetById.bind("id", id).fetchOneInto(CustomerRow.class);
    }

    /**
     * jOOQ.
     *
     * @return the customer
     */
    @Benchmark
    @Contender(value = "jOOQ", how = "`select(...).from(...).where(ID.eq(id)).fetchOne(mapper)`")
    public CustomerRow jooq() {
        return jooq(ids.next());
    }

    private CustomerRow jooq(long id) {
        return jooq.select(Customers.ALL).from(Customers.TABLE).where(Customers.ID.eq(id)).fetchOne(JOOQ_MAPPER);
    }

    /**
     * Hibernate.
     *
     * @return the customer entity
     */
    @Benchmark
    @Contender(value = "Hibernate", how = "`fromSession(s -> s.find(Customer.class, id))`")
    public Customer hibernate() {
        return hibernate(ids.next());
    }

    private Customer hibernate(long id) {
        return hibernate.fromSession(s -> s.find(Customer.class, id));
    }

    /**
     * JDBI.
     *
     * @return the customer
     */
    @Benchmark
    @Contender(value = "JDBI", how = "`withHandle(h -> h.createQuery(sql).bind(0, id).mapTo(CustomerRow.class).one())`")
    public CustomerRow jdbi() {
        return jdbi(ids.next());
    }

    private CustomerRow jdbi(long id) {
        return jdbi.withHandle(h -> h.createQuery(SQL).bind(0, id).mapTo(CustomerRow.class).one());
    }
}
