package dev.sleet.bench.northwind;

import dev.sleet.bench.northwind.JooqNorthwind.OrderDetails;
import dev.sleet.bench.northwind.JooqNorthwind.Orders;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.Field;
import dev.sleet.query.PreparedResultQuery;
import dev.sleet.query.SelectJoinStep;
import dev.sleet.schema.column.BigintType;
import org.jooq.Record5;
import org.jooq.RecordMapper;
import org.jooq.SelectHavingStep;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.cast;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.Sql.sql;
import static dev.sleet.Sql.sum;
import static dev.sleet.bench.northwind.Northwind.ORDERS;
import static dev.sleet.bench.northwind.Northwind.ORDER_DETAILS;

/**
 * W3: orders with their lines aggregated ({@code count(*)}, {@code sum(quantity)},
 * {@code sum(quantity * unit_price)}), joined and grouped by the order, into {@link OrderTotals}:
 *
 * <ul>
 *   <li><b>page</b>: 50 orders by id, {@code limit 50 offset n}, {@code n} one of the first 20 pages;</li>
 *   <li><b>by id</b>: one order, a different one per call.</li>
 * </ul>
 *
 * Every contender sends the same join and grouping; Hibernate as a JPQL constructor expression, since an
 * aggregate is not an entity.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W3", title = "orders with their lines aggregated")
public class W3OrderTotalsBenchmark extends NorthwindState {

    private static final String PAGE = "page of 50 orders with totals (`limit 50 offset n`, one of the first 20 pages)";
    private static final String BY_ID = "one order's totals by id";
    private static final int PAGE_SIZE = 50;
    private static final int PAGES = 20;

    private static final String SELECT = "select o.id, o.order_date, count(*) as lines, sum(d.quantity) as quantity, "
            + "sum(d.quantity * d.unit_price) as total from northwind.orders o "
            + "join northwind.order_details d on d.order_id = o.id ";
    static final String PAGE_SQL = SELECT + "group by o.id order by o.id limit 50 offset ?";
    static final String BY_ID_SQL = SELECT + "where o.id = ? group by o.id";

    private static final String JPQL = "select new " + OrderTotals.class.getName() + "(o.id, o.orderDate, count(*), "
            + "sum(d.quantity), sum(d.quantity * d.unitPrice)) from NorthwindOrder o join o.details d ";

    private static final RecordMapper<Record5<Long, LocalDate, Integer, BigDecimal, BigDecimal>, OrderTotals> JOOQ_MAPPER =
            r -> new OrderTotals(r.value1(), r.value2(), r.value3(), r.value4().longValue(), r.value5());

    private RandomKeys offsets;
    private RandomKeys ids;
    private PreparedResultQuery sleetById;

    @Override
    protected void check() throws SQLException {
        offsets = new RandomKeys(4, 0, PAGES, PAGE_SIZE);
        ids = new RandomKeys(5, data.scale().orders());
        sleetById = sleetTotals().where(eq(ORDERS.id, placeholder("id"))).groupBy(ORDERS.id).prepare();
        long offset = offsets.next();
        List<OrderTotals> page = pageRawJdbc(offset);
        if (page.size() != PAGE_SIZE) {
            throw new IllegalStateException("expected " + PAGE_SIZE + " orders at offset " + offset + ", got "
                    + page.size());
        }
        requireSame("order totals at offset " + offset, page, results("Sleet", pageSleet(offset),
                "jOOQ", pageJooq(offset), "Hibernate", pageHibernate(offset), "JDBI", pageJdbi(offset)));
        long id = ids.next();
        requireSame("totals of order " + id, byIdRawJdbc(id), results("Sleet", byIdSleet(id),
                "Sleet prepared", byIdSleetPrepared(id), "jOOQ", byIdJooq(id), "Hibernate", byIdHibernate(id),
                "JDBI", byIdJdbi(id)));
        offsets.reset();
        ids.reset();
    }

    private static OrderTotals totals(ResultSet rs) throws SQLException {
        return new OrderTotals(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getLong(3), rs.getLong(4),
                rs.getBigDecimal(5));
    }

    /** Sleet's select list and join, shared by both queries; the sum of integers is cast back to bigint. */
    private SelectJoinStep sleetTotals() {
        Northwind.Orders o = ORDERS;
        Northwind.OrderDetails d = ORDER_DETAILS;
        Field<BigDecimal> amount = sql(BigDecimal.class, "{0} * {1}", d.quantity, d.unitPrice);
        return sleet.select(o.id, o.orderDate, count().as("lines"),
                        cast(sum(d.quantity), BigintType.INSTANCE).as("quantity"), sum(amount).as("total"))
                .from(o).innerJoin(d).on(eq(d.orderId, o.id));
    }

    private SelectHavingStep<Record5<Long, LocalDate, Integer, BigDecimal, BigDecimal>> jooqTotals(
            org.jooq.Condition where) {
        return jooq.select(Orders.ID, Orders.ORDER_DATE, org.jooq.impl.DSL.count(),
                        org.jooq.impl.DSL.sum(OrderDetails.QUANTITY),
                        org.jooq.impl.DSL.sum(OrderDetails.UNIT_PRICE.times(OrderDetails.QUANTITY)))
                .from(Orders.TABLE).join(OrderDetails.TABLE).on(OrderDetails.ORDER_ID.eq(Orders.ID))
                .where(where).groupBy(Orders.ID);
    }

    // -------------------------------------------------------------------------------------------------- page

    /**
     * The reference.
     *
     * @return the totals
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = PAGE, reference = true, how = "`offset ?` bound, column-index getters")
    public List<OrderTotals> pageRawJdbc() throws SQLException {
        return pageRawJdbc(offsets.next());
    }

    private List<OrderTotals> pageRawJdbc(long offset) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(PAGE_SQL)) {
            ps.setLong(1, offset);
            try (ResultSet rs = ps.executeQuery()) {
                List<OrderTotals> out = new ArrayList<>(PAGE_SIZE);
                while (rs.next()) {
                    out.add(totals(rs));
                }
                return out;
            }
        }
    }

    /**
     * Sleet.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "Sleet", query = PAGE, how = "the select of the query by id, "
            + "`.groupBy(o.id).orderBy(asc(o.id)).limit(50).offset(n).fetchInto(...)`")
    public List<OrderTotals> pageSleet() {
        return pageSleet(offsets.next());
    }

    private List<OrderTotals> pageSleet(long offset) {
        return sleetTotals().groupBy(ORDERS.id).orderBy(asc(ORDERS.id)).limit(PAGE_SIZE).offset(offset)
                .fetchInto(OrderTotals.class);
    }

    /**
     * jOOQ.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "jOOQ", query = PAGE, how = "the select of the query by id, "
            + "`.groupBy(ID).orderBy(ID).limit(50).offset(n).fetch(mapper)`")
    public List<OrderTotals> pageJooq() {
        return pageJooq(offsets.next());
    }

    private List<OrderTotals> pageJooq(long offset) {
        return jooqTotals(org.jooq.impl.DSL.noCondition()).orderBy(Orders.ID).limit(PAGE_SIZE).offset(offset)
                .fetch(JOOQ_MAPPER);
    }

    /**
     * Hibernate.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "Hibernate", query = PAGE, how = "the JPQL of the query by id, `group by o.id order by o.id`, "
            + "`setFirstResult`/`setMaxResults`")
    public List<OrderTotals> pageHibernate() {
        return pageHibernate(offsets.next());
    }

    private List<OrderTotals> pageHibernate(long offset) {
        return hibernate.fromSession(s -> s.createQuery(JPQL + "group by o.id order by o.id", OrderTotals.class)
                .setFirstResult((int) offset).setMaxResults(PAGE_SIZE).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "JDBI", query = PAGE, how = "`createQuery(sql).bind(0, n).mapTo(OrderTotals.class).list()`")
    public List<OrderTotals> pageJdbi() {
        return pageJdbi(offsets.next());
    }

    private List<OrderTotals> pageJdbi(long offset) {
        return jdbi.withHandle(h -> h.createQuery(PAGE_SQL).bind(0, offset).mapTo(OrderTotals.class).list());
    }

    // ------------------------------------------------------------------------------------------------- by id

    /**
     * The reference.
     *
     * @return the totals
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = BY_ID, reference = true, how = "column-index getters")
    public OrderTotals byIdRawJdbc() throws SQLException {
        return byIdRawJdbc(ids.next());
    }

    private OrderTotals byIdRawJdbc(long id) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(BY_ID_SQL)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return totals(rs);
            }
        }
    }

    /**
     * Sleet, the query built and rendered at each call.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "Sleet", query = BY_ID, how = "`select(o.id, o.orderDate, count().as(\"lines\"), "
            + "cast(sum(d.quantity), BigintType.INSTANCE).as(\"quantity\"), sum(sql(BigDecimal.class, \"{0} * {1}\", "
            + "d.quantity, d.unitPrice)).as(\"total\")).from(o).innerJoin(d).on(eq(d.orderId, o.id))"
            + ".where(eq(o.id, id)).groupBy(o.id).fetchOneInto(...)`")
    public OrderTotals byIdSleet() {
        return byIdSleet(ids.next());
    }

    private OrderTotals byIdSleet(long id) {
        return sleetTotals().where(eq(ORDERS.id, id)).groupBy(ORDERS.id).fetchOneInto(OrderTotals.class);
    }

    /**
     * Sleet, rendered once with a placeholder.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "Sleet prepared", query = BY_ID, how = "the same `prepare()`d once, `bind(\"id\", id)`")
    public OrderTotals byIdSleetPrepared() {
        return byIdSleetPrepared(ids.next());
    }

    private OrderTotals byIdSleetPrepared(long id) {
        return sleetById.bind("id", id).fetchOneInto(OrderTotals.class);
    }

    /**
     * jOOQ.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "jOOQ", query = BY_ID, how = "`select(ID, ORDER_DATE, count(), sum(QUANTITY), "
            + "sum(UNIT_PRICE.times(QUANTITY))).from(ORDERS).join(ORDER_DETAILS).on(...).where(ID.eq(id)).groupBy(ID)"
            + ".fetchOne(mapper)`")
    public OrderTotals byIdJooq() {
        return byIdJooq(ids.next());
    }

    private OrderTotals byIdJooq(long id) {
        return jooqTotals(Orders.ID.eq(id)).fetchOne(JOOQ_MAPPER);
    }

    /**
     * Hibernate.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "Hibernate", query = BY_ID, how = "JPQL `select new OrderTotals(o.id, o.orderDate, count(*), "
            + "sum(d.quantity), sum(d.quantity * d.unitPrice)) from NorthwindOrder o join o.details d where o.id = :id "
            + "group by o.id`, `getSingleResult()`")
    public OrderTotals byIdHibernate() {
        return byIdHibernate(ids.next());
    }

    private OrderTotals byIdHibernate(long id) {
        return hibernate.fromSession(s -> s.createQuery(JPQL + "where o.id = :id group by o.id", OrderTotals.class)
                .setParameter("id", id).getSingleResult());
    }

    /**
     * JDBI.
     *
     * @return the totals
     */
    @Benchmark
    @Contender(value = "JDBI", query = BY_ID, how = "`createQuery(sql).bind(0, id).mapTo(OrderTotals.class).one()`")
    public OrderTotals byIdJdbi() {
        return byIdJdbi(ids.next());
    }

    private OrderTotals byIdJdbi(long id) {
        return jdbi.withHandle(h -> h.createQuery(BY_ID_SQL).bind(0, id).mapTo(OrderTotals.class).one());
    }
}
