package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.JooqNorthwind.Orders;
import dev.sleet.bench.northwind.jpa.Customer;
import dev.sleet.bench.northwind.jpa.NorthwindOrder;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.bench.northwind.Northwind.CUSTOMERS;
import static dev.sleet.bench.northwind.Northwind.ORDERS;

/**
 * W2: lists mapped into records.
 *
 * <ul>
 *   <li><b>page</b>: 50 customers by id, {@code limit 50 offset n}, {@code n} one of the first 20 pages (a
 *       seeded sequence, the same for every contender), into {@link CustomerRow}s (Hibernate: entities);</li>
 *   <li><b>orders</b>: 1,000 orders after a random id ({@code where id > ? order by id limit 1000}, a keyset
 *       page), into {@link OrderRow}s (Hibernate: entities, whose customer and employee are proxies, and
 *       a second Hibernate contender with a JPQL constructor expression into the records).</li>
 * </ul>
 *
 * Raw JDBC binds the offset ({@code offset ?}); Sleet writes limit and offset as numbers into the SQL, so each
 * page is a statement text of its own (20 here, each server-prepared by pgjdbc after five uses).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W2", title = "lists mapped to records")
public class W2PagesBenchmark extends NorthwindState {

    private static final String PAGE = "page of 50 customers (`limit 50 offset n`, one of the first 20 pages)";
    private static final String ORDERS_QUERY = "1,000 orders (`where id > ? order by id limit 1000`)";
    private static final int PAGE_SIZE = 50;
    private static final int PAGES = 20;
    private static final int ORDER_COUNT = 1_000;

    static final String PAGE_SQL = "select id, company_name, contact_name, contact_title, address, city, postal_code, "
            + "region, country, phone, fax from northwind.customers order by id limit 50 offset ?";
    static final String ORDERS_SQL = "select id, order_date, required_date, shipped_date, ship_via, freight, ship_name, "
            + "ship_city, ship_region, ship_postal_code, ship_country, customer_id, employee_id from northwind.orders "
            + "where id > ? order by id limit 1000";

    /** jOOQ's mapper of orders, by field. */
    static final RecordMapper<Record, OrderRow> JOOQ_ORDER = r -> new OrderRow(r.get(Orders.ID), r.get(Orders.ORDER_DATE),
            r.get(Orders.REQUIRED_DATE), r.get(Orders.SHIPPED_DATE), r.get(Orders.SHIP_VIA), r.get(Orders.FREIGHT),
            r.get(Orders.SHIP_NAME), r.get(Orders.SHIP_CITY), r.get(Orders.SHIP_REGION), r.get(Orders.SHIP_POSTAL_CODE),
            r.get(Orders.SHIP_COUNTRY), r.get(Orders.CUSTOMER_ID), r.get(Orders.EMPLOYEE_ID));

    private RandomKeys offsets;
    private RandomKeys starts;
    private PreparedResultQuery sleetOrders;

    @Override
    protected void check() throws SQLException {
        offsets = new RandomKeys(2, 0, PAGES, PAGE_SIZE);
        starts = new RandomKeys(3, 0, data.scale().orders() - ORDER_COUNT + 1, 1);
        sleetOrders = sleet.select().from(ORDERS).where(gt(ORDERS.id, placeholder("start"))).orderBy(asc(ORDERS.id))
                .limit(ORDER_COUNT).prepare();
        long offset = offsets.next();
        requireSame("customers at offset " + offset, pageRawJdbc(offset), results("Sleet", pageSleet(offset),
                "jOOQ", pageJooq(offset), "Hibernate", pageHibernate(offset).stream().map(Customer::toRow).toList(),
                "JDBI", pageJdbi(offset)));
        long start = starts.next();
        List<OrderRow> reference = ordersRawJdbc(start);
        if (reference.size() != ORDER_COUNT) {
            throw new IllegalStateException("expected " + ORDER_COUNT + " orders after " + start + ", got "
                    + reference.size());
        }
        requireSame("orders after " + start, reference, results("Sleet", ordersSleet(start),
                "Sleet prepared", ordersSleetPrepared(start), "jOOQ", ordersJooq(start),
                "Hibernate", ordersHibernate(start).stream().map(NorthwindOrder::toRow).toList(),
                "Hibernate records", ordersHibernateRecords(start), "JDBI", ordersJdbi(start)));
        offsets.reset();
        starts.reset();
    }

    // ------------------------------------------------------------------------------------- a page of customers

    /**
     * The reference.
     *
     * @return the customers
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = PAGE, reference = true,
            how = "`offset ?` bound, column-index getters")
    public List<CustomerRow> pageRawJdbc() throws SQLException {
        return pageRawJdbc(offsets.next());
    }

    private List<CustomerRow> pageRawJdbc(long offset) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
            ps.setLong(1, offset);
            try (ResultSet rs = ps.executeQuery()) {
                List<CustomerRow> out = new ArrayList<>(PAGE_SIZE);
                while (rs.next()) {
                    out.add(new CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getString(11)));
                }
                return out;
            }
        }
    }

    /**
     * Sleet.
     *
     * @return the customers
     */
    @Benchmark
    @Contender(value = "Sleet", query = PAGE,
            how = "`select().from(CUSTOMERS).orderBy(asc(id)).limit(50).offset(n).fetchInto(...)`")
    public List<CustomerRow> pageSleet() {
        return pageSleet(offsets.next());
    }

    private List<CustomerRow> pageSleet(long offset) {
        return sleet.select().from(CUSTOMERS).orderBy(asc(CUSTOMERS.id)).limit(PAGE_SIZE).offset(offset)
                .fetchInto(CustomerRow.class);
    }

    /**
     * jOOQ.
     *
     * @return the customers
     */
    @Benchmark
    @Contender(value = "jOOQ", query = PAGE, how = "`...orderBy(ID).limit(50).offset(n).fetch(mapper)`")
    public List<CustomerRow> pageJooq() {
        return pageJooq(offsets.next());
    }

    private List<CustomerRow> pageJooq(long offset) {
        return jooq.select(JooqNorthwind.Customers.ALL).from(JooqNorthwind.Customers.TABLE)
                .orderBy(JooqNorthwind.Customers.ID).limit(PAGE_SIZE).offset(offset)
                .fetch(W1CustomerByIdBenchmark.JOOQ_MAPPER);
    }

    /**
     * Hibernate.
     *
     * @return the customer entities
     */
    @Benchmark
    @Contender(value = "Hibernate", query = PAGE,
            how = "JPQL `select c from Customer c order by c.id`, `setFirstResult`/`setMaxResults`, entities")
    public List<Customer> pageHibernate() {
        return pageHibernate(offsets.next());
    }

    private List<Customer> pageHibernate(long offset) {
        return hibernate.fromSession(s -> s.createQuery("select c from Customer c order by c.id", Customer.class)
                .setFirstResult((int) offset).setMaxResults(PAGE_SIZE).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the customers
     */
    @Benchmark
    @Contender(value = "JDBI", query = PAGE, how = "`createQuery(sql).bind(0, n).mapTo(CustomerRow.class).list()`")
    public List<CustomerRow> pageJdbi() {
        return pageJdbi(offsets.next());
    }

    private List<CustomerRow> pageJdbi(long offset) {
        return jdbi.withHandle(h -> h.createQuery(PAGE_SQL).bind(0, offset).mapTo(CustomerRow.class).list());
    }

    // ------------------------------------------------------------------------------------------ 1,000 orders

    /**
     * The reference.
     *
     * @return the orders
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = ORDERS_QUERY, reference = true,
            how = "column-index getters, `getObject(i, LocalDate.class)`")
    public List<OrderRow> ordersRawJdbc() throws SQLException {
        return ordersRawJdbc(starts.next());
    }

    private List<OrderRow> ordersRawJdbc(long start) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(ORDERS_SQL)) {
            ps.setLong(1, start);
            try (ResultSet rs = ps.executeQuery()) {
                List<OrderRow> out = new ArrayList<>(ORDER_COUNT);
                while (rs.next()) {
                    out.add(order(rs));
                }
                return out;
            }
        }
    }

    /** Reads one order; a nullable integer needs {@code wasNull()} right after its getter. */
    static OrderRow order(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        LocalDate orderDate = rs.getObject(2, LocalDate.class);
        LocalDate requiredDate = rs.getObject(3, LocalDate.class);
        LocalDate shippedDate = rs.getObject(4, LocalDate.class);
        int via = rs.getInt(5);
        Integer shipVia = rs.wasNull() ? null : via;
        return new OrderRow(id, orderDate, requiredDate, shippedDate, shipVia, rs.getBigDecimal(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getLong(12), rs.getLong(13));
    }

    /**
     * Sleet, the query built and rendered at each call.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "Sleet", query = ORDERS_QUERY,
            how = "`select().from(ORDERS).where(gt(id, start)).orderBy(asc(id)).limit(1000).fetchInto(...)`")
    public List<OrderRow> ordersSleet() {
        return ordersSleet(starts.next());
    }

    private List<OrderRow> ordersSleet(long start) {
        return sleet.select().from(ORDERS).where(gt(ORDERS.id, start)).orderBy(asc(ORDERS.id)).limit(ORDER_COUNT)
                .fetchInto(OrderRow.class);
    }

    /**
     * Sleet, rendered once with a placeholder.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "Sleet prepared", query = ORDERS_QUERY, how = "the same `prepare()`d once, `bind(...)`")
    public List<OrderRow> ordersSleetPrepared() {
        return ordersSleetPrepared(starts.next());
    }

    private List<OrderRow> ordersSleetPrepared(long start) {
        return sleetOrders.bind("start", start).fetchInto(OrderRow.class);
    }

    /**
     * jOOQ.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "jOOQ", query = ORDERS_QUERY, how = "`...where(ID.gt(start)).orderBy(ID).limit(1000).fetch(mapper)`")
    public List<OrderRow> ordersJooq() {
        return ordersJooq(starts.next());
    }

    private List<OrderRow> ordersJooq(long start) {
        return jooq.select(Orders.ALL).from(Orders.TABLE).where(Orders.ID.gt(start)).orderBy(Orders.ID)
                .limit(ORDER_COUNT).fetch(JOOQ_ORDER);
    }

    /**
     * Hibernate, entities.
     *
     * @return the order entities
     */
    @Benchmark
    @Contender(value = "Hibernate", query = ORDERS_QUERY,
            how = "JPQL `select o from NorthwindOrder o where o.id > :start order by o.id`, entities (lazy "
                    + "customer and employee become proxies)")
    public List<NorthwindOrder> ordersHibernate() {
        return ordersHibernate(starts.next());
    }

    private List<NorthwindOrder> ordersHibernate(long start) {
        return hibernate.fromSession(s -> s.createQuery(
                        "select o from NorthwindOrder o where o.id > :start order by o.id", NorthwindOrder.class)
                .setParameter("start", start).setMaxResults(ORDER_COUNT).getResultList());
    }

    /**
     * Hibernate, a constructor expression into the records.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "Hibernate records", query = ORDERS_QUERY,
            how = "JPQL `select new OrderRow(o.id, ..., o.customer.id, o.employee.id) ...`")
    public List<OrderRow> ordersHibernateRecords() {
        return ordersHibernateRecords(starts.next());
    }

    private List<OrderRow> ordersHibernateRecords(long start) {
        return hibernate.fromSession(s -> s.createQuery("select new " + OrderRow.class.getName() + "(o.id, "
                        + "o.orderDate, o.requiredDate, o.shippedDate, o.shipVia, o.freight, o.shipName, o.shipCity, "
                        + "o.shipRegion, o.shipPostalCode, o.shipCountry, o.customer.id, o.employee.id) "
                        + "from NorthwindOrder o where o.id > :start order by o.id", OrderRow.class)
                .setParameter("start", start).setMaxResults(ORDER_COUNT).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "JDBI", query = ORDERS_QUERY, how = "`createQuery(sql).bind(0, start).mapTo(OrderRow.class).list()`")
    public List<OrderRow> ordersJdbi() {
        return ordersJdbi(starts.next());
    }

    private List<OrderRow> ordersJdbi(long start) {
        return jdbi.withHandle(h -> h.createQuery(ORDERS_SQL).bind(0, start).mapTo(OrderRow.class).list());
    }
}
