package dev.sleet.bench.northwind;

import dev.sleet.Sql;
import dev.sleet.bench.northwind.JooqNorthwind.Products;
import dev.sleet.bench.northwind.jpa.Product;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import dev.sleet.query.PreparedQuery;
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

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.Sql.sql;
import static dev.sleet.bench.northwind.Northwind.PRODUCTS;

/**
 * W8: updates of {@code northwind.products}, the shared data, which every fork gives back as it found it: the
 * set-up copies {@code (id, unit_price, units_in_stock)} into {@code northwind.w8_products_backup} (after
 * restoring from it, should a killed fork have left one), and the trial's tear-down writes it back and drops it.
 *
 * <p><b>Update by key</b>: {@code units_in_stock} of one product (a seeded sequence of ids) set to a value no row
 * has had before (a counter above 100,000), so that every call changes the row, Hibernate's too.
 *
 * <p><b>Set-based update</b>: the {@code unit_price} of one supplier's products (five on average) multiplied by
 * a factor, {@code 2} on one call and {@code 0.5} on the next for the same supplier, so each pair of calls
 * leaves the prices as they were (exactly: prices have four decimals, and doubling then halving them is exact);
 * an iteration that ends between the two halves the prices back in its tear-down.
 *
 * <ul>
 *   <li><b>raw JDBC</b> (the reference): a prepared {@code update}, autocommit, one round trip;</li>
 *   <li><b>Sleet</b>: {@code update(PRODUCTS).set(...).where(eq(...)).execute()}, built and rendered each call
 *       (the factor as {@code sql(unitPrice, "{0} * {1}", unitPrice, factor)}); <b>Sleet prepared</b>: rendered
 *       once, {@code bind(...)} per call;</li>
 *   <li><b>jOOQ</b>: {@code update(T).set(F, v).where(ID.eq(id)).execute()}, {@code UNIT_PRICE.mul(factor)};</li>
 *   <li><b>Hibernate</b>, by key: {@code inTransaction(s -> s.find(Product.class, id).setUnitsInStock(n))}, the
 *       entity updated by dirty checking (begin, select, update, commit), and a JPQL {@code update} in a
 *       transaction; set-based: the JPQL {@code update Product p set p.unitPrice = p.unitPrice * :factor ...};</li>
 *   <li><b>JDBI</b>: {@code withHandle(h -> h.createUpdate(sql).bind(...).execute())}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W8", title = "update by key and set-based update")
public class W8UpdateBenchmark extends NorthwindState {

    static final String BY_KEY_SQL = "update northwind.products set units_in_stock = ? where id = ?";
    static final String SET_BASED_SQL = "update northwind.products set unit_price = unit_price * ? "
            + "where supplier_id = ?";
    static final String BY_KEY_JPQL = "update Product p set p.unitsInStock = :units where p.id = :id";
    static final String SET_BASED_JPQL = "update Product p set p.unitPrice = p.unitPrice * :factor "
            + "where p.supplier.id = :supplier";

    private static final String BACKUP = Northwind.SCHEMA + ".w8_products_backup";
    private static final BigDecimal RAISE = new BigDecimal("2");
    private static final BigDecimal LOWER = new BigDecimal("0.5");

    private RandomKeys productIds;
    private RandomKeys supplierIds;
    private int units = 100_000;
    /** Set-based calls so far: an odd count means the last supplier's prices are still doubled. */
    private long setBasedCalls;
    private long supplier;
    private PreparedQuery sleetByKey;
    private PreparedQuery sleetSetBased;

    @Override
    protected void check() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            if (restore(st)) {
                System.out.println("W8: restored northwind.products from " + BACKUP + ", left by an earlier run");
            }
            st.execute("create table " + BACKUP + " as select id, unit_price, units_in_stock from northwind.products");
        }
        productIds = new RandomKeys(8, data.scale().products());
        supplierIds = new RandomKeys(8, data.scale().suppliers());
        sleetByKey = sleet.update(PRODUCTS).set(PRODUCTS.unitsInStock, placeholder("units"))
                .where(eq(PRODUCTS.id, placeholder("id"))).prepare();
        sleetSetBased = sleet.update(PRODUCTS)
                .set(PRODUCTS.unitPrice, sql(PRODUCTS.unitPrice, "{0} * {1}", PRODUCTS.unitPrice,
                        Sql.<BigDecimal>placeholder("factor").typedLike(PRODUCTS.unitPrice)))
                .where(eq(PRODUCTS.supplierId, placeholder("supplier"))).prepare();

        // every contender updates the same product in turn; each must leave the value it set
        long id = productIds.next();
        String[] byKey = {"raw JDBC", "Sleet", "Sleet prepared", "jOOQ", "Hibernate find", "Hibernate JPQL", "JDBI"};
        for (int i = 0; i < byKey.length; i++) {
            int value = ++units;
            int updated = switch (i) {
                case 0 -> rawJdbcByKey(id, value);
                case 1 -> sleetByKey(id, value);
                case 2 -> sleetPreparedByKey(id, value);
                case 3 -> jooqByKey(id, value);
                case 4 -> hibernateFindByKey(id, value);
                case 5 -> hibernateJpqlByKey(id, value);
                default -> jdbiByKey(id, value);
            };
            Integer stored = unitsInStock(id);
            if (updated != 1 || stored == null || stored != value) {
                throw new IllegalStateException(byKey[i] + " updated " + updated + " rows of product " + id
                        + " and left units_in_stock " + stored + "; expected 1 row and " + value);
            }
        }
        // each contender doubles then halves one supplier's prices: they must come back exactly
        BigDecimal before = priceSum();
        String[] setBased = {"raw JDBC", "Sleet", "Sleet prepared", "jOOQ", "Hibernate", "JDBI"};
        for (int i = 0; i < setBased.length; i++) {
            long s = supplierIds.next();
            BigDecimal supplierBefore = supplierPriceSum(s);
            for (BigDecimal factor : new BigDecimal[] {RAISE, LOWER}) {
                int updated = switch (i) {
                    case 0 -> rawJdbcSetBased(s, factor);
                    case 1 -> sleetSetBased(s, factor);
                    case 2 -> sleetPreparedSetBased(s, factor);
                    case 3 -> jooqSetBased(s, factor);
                    case 4 -> hibernateSetBased(s, factor);
                    default -> jdbiSetBased(s, factor);
                };
                BigDecimal expected = factor == RAISE ? supplierBefore.multiply(RAISE) : supplierBefore;
                BigDecimal now = supplierPriceSum(s);
                if (updated < 1 || now.compareTo(expected) != 0) {
                    throw new IllegalStateException(setBased[i] + " updated " + updated + " products of supplier "
                            + s + " by " + factor + " and left their prices summing to " + now + "; expected "
                            + expected);
                }
            }
        }
        if (priceSum().compareTo(before) != 0) {
            throw new IllegalStateException("the set-based updates did not give the prices back");
        }
        productIds.reset();
        supplierIds.reset();
    }

    /**
     * Halves the last supplier's prices back when an iteration ended after a doubling.
     *
     * @throws SQLException when the server refuses
     */
    @TearDown(Level.Iteration)
    public void balance() throws SQLException {
        if (setBasedCalls % 2 == 1) {
            rawJdbcSetBased(supplier, LOWER);
            setBasedCalls++;
        }
    }

    /** Gives {@code northwind.products} back its prices and stock from the backup, and drops the backup. */
    @Override
    protected void cleanUp() throws SQLException {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            restore(st);
        }
    }

    /** Restores from the backup and drops it, when there is one; tells whether there was. */
    private static boolean restore(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("select to_regclass('" + BACKUP + "') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return false;
            }
        }
        st.execute("update northwind.products p set unit_price = b.unit_price, units_in_stock = b.units_in_stock "
                + "from " + BACKUP + " b where b.id = p.id and (p.unit_price, p.units_in_stock) "
                + "is distinct from (b.unit_price, b.units_in_stock)");
        st.execute("drop table " + BACKUP);
        return true;
    }

    private Integer unitsInStock(long id) throws SQLException {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select units_in_stock from northwind.products where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? (Integer) rs.getObject(1) : null;
            }
        }
    }

    private BigDecimal priceSum() throws SQLException {
        return sum("select sum(unit_price) from northwind.products", -1);
    }

    private BigDecimal supplierPriceSum(long s) throws SQLException {
        return sum("select coalesce(sum(unit_price), 0) from northwind.products where supplier_id = ?", s);
    }

    private BigDecimal sum(String sql, long supplier) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (supplier >= 0) {
                ps.setLong(1, supplier);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }

    /** The supplier of the next set-based call: a new one for a doubling, the same one for the halving. */
    private long nextSupplier() {
        if (setBasedCalls++ % 2 == 0) {
            supplier = supplierIds.next();
        }
        return supplier;
    }

    private BigDecimal factor() {
        return setBasedCalls % 2 == 1 ? RAISE : LOWER;
    }

    // ------------------------------------------------------------------------------------------------- by key

    /**
     * The reference.
     *
     * @return rows updated
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "update by key", reference = true,
            how = "prepared `update ... set units_in_stock = ? where id = ?`, autocommit")
    public int rawJdbcByKey() throws SQLException {
        return rawJdbcByKey(productIds.next(), ++units);
    }

    private int rawJdbcByKey(long id, int value) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(BY_KEY_SQL)) {
            ps.setInt(1, value);
            ps.setLong(2, id);
            return ps.executeUpdate();
        }
    }

    /**
     * Sleet.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Sleet", query = "update by key",
            how = "`update(PRODUCTS).set(unitsInStock, n).where(eq(id, id)).execute()`")
    public int sleetByKey() {
        return sleetByKey(productIds.next(), ++units);
    }

    private int sleetByKey(long id, int value) {
        return sleet.update(PRODUCTS).set(PRODUCTS.unitsInStock, value).where(eq(PRODUCTS.id, id)).execute();
    }

    /**
     * Sleet, rendered once.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Sleet prepared", query = "update by key",
            how = "the same `prepare()`d once, `bind(\"id\", id).bind(\"units\", n).execute()`")
    public int sleetPreparedByKey() {
        return sleetPreparedByKey(productIds.next(), ++units);
    }

    private int sleetPreparedByKey(long id, int value) {
        return sleetByKey.bind("id", id).bind("units", value).execute();
    }

    /**
     * jOOQ.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "update by key",
            how = "`update(T).set(UNITS_IN_STOCK, n).where(ID.eq(id)).execute()`")
    public int jooqByKey() {
        return jooqByKey(productIds.next(), ++units);
    }

    private int jooqByKey(long id, int value) {
        return jooq.update(Products.TABLE).set(Products.UNITS_IN_STOCK, value).where(Products.ID.eq(id)).execute();
    }

    /**
     * Hibernate, as an entity change.
     *
     * @return rows updated (1)
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "update by key",
            how = "`inTransaction(s -> s.find(Product.class, id).setUnitsInStock(n))`: select, then update at commit")
    public int hibernateFindByKey() {
        return hibernateFindByKey(productIds.next(), ++units);
    }

    private int hibernateFindByKey(long id, int value) {
        hibernate.inTransaction(s -> s.find(Product.class, id).setUnitsInStock(value));
        return 1;
    }

    /**
     * Hibernate, a JPQL update.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Hibernate JPQL", query = "update by key",
            how = "`fromTransaction(s -> s.createMutationQuery(\"update Product ...\").executeUpdate())`")
    public int hibernateJpqlByKey() {
        return hibernateJpqlByKey(productIds.next(), ++units);
    }

    private int hibernateJpqlByKey(long id, int value) {
        return hibernate.fromTransaction(s -> s.createMutationQuery(BY_KEY_JPQL).setParameter("units", value)
                .setParameter("id", id).executeUpdate());
    }

    /**
     * JDBI.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "JDBI", query = "update by key", how = "`withHandle(h -> h.createUpdate(sql).bind(...).execute())`")
    public int jdbiByKey() {
        return jdbiByKey(productIds.next(), ++units);
    }

    private int jdbiByKey(long id, int value) {
        return jdbi.withHandle(h -> h.createUpdate(BY_KEY_SQL).bind(0, value).bind(1, id).execute());
    }

    // ---------------------------------------------------------------------------------------------- set-based

    /**
     * The reference.
     *
     * @return rows updated
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "set-based update", reference = true,
            how = "prepared `update ... set unit_price = unit_price * ? where supplier_id = ?`, autocommit")
    public int rawJdbcSetBased() throws SQLException {
        long s = nextSupplier();
        return rawJdbcSetBased(s, factor());
    }

    private int rawJdbcSetBased(long s, BigDecimal factor) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(SET_BASED_SQL)) {
            ps.setBigDecimal(1, factor);
            ps.setLong(2, s);
            return ps.executeUpdate();
        }
    }

    /**
     * Sleet.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Sleet", query = "set-based update", how = "`update(PRODUCTS).set(unitPrice, "
            + "sql(unitPrice, \"{0} * {1}\", unitPrice, factor)).where(eq(supplierId, s)).execute()`")
    public int sleetSetBased() {
        long s = nextSupplier();
        return sleetSetBased(s, factor());
    }

    private int sleetSetBased(long s, BigDecimal factor) {
        return sleet.update(PRODUCTS).set(PRODUCTS.unitPrice, sql(PRODUCTS.unitPrice, "{0} * {1}", PRODUCTS.unitPrice,
                factor)).where(eq(PRODUCTS.supplierId, s)).execute();
    }

    /**
     * Sleet, rendered once.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Sleet prepared", query = "set-based update",
            how = "the same `prepare()`d once, `bind(\"factor\", f).bind(\"supplier\", s).execute()`")
    public int sleetPreparedSetBased() {
        long s = nextSupplier();
        return sleetPreparedSetBased(s, factor());
    }

    private int sleetPreparedSetBased(long s, BigDecimal factor) {
        return sleetSetBased.bind("factor", factor).bind("supplier", s).execute();
    }

    /**
     * jOOQ.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "set-based update",
            how = "`update(T).set(UNIT_PRICE, UNIT_PRICE.mul(f)).where(SUPPLIER_ID.eq(s)).execute()`")
    public int jooqSetBased() {
        long s = nextSupplier();
        return jooqSetBased(s, factor());
    }

    private int jooqSetBased(long s, BigDecimal factor) {
        return jooq.update(Products.TABLE).set(Products.UNIT_PRICE, Products.UNIT_PRICE.mul(factor))
                .where(Products.SUPPLIER_ID.eq(s)).execute();
    }

    /**
     * Hibernate.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "set-based update",
            how = "JPQL `update Product p set p.unitPrice = p.unitPrice * :factor where p.supplier.id = :s`")
    public int hibernateSetBased() {
        long s = nextSupplier();
        return hibernateSetBased(s, factor());
    }

    private int hibernateSetBased(long s, BigDecimal factor) {
        return hibernate.fromTransaction(sess -> sess.createMutationQuery(SET_BASED_JPQL)
                .setParameter("factor", factor).setParameter("supplier", s).executeUpdate());
    }

    /**
     * JDBI.
     *
     * @return rows updated
     */
    @Benchmark
    @Contender(value = "JDBI", query = "set-based update",
            how = "`withHandle(h -> h.createUpdate(sql).bind(...).execute())`")
    public int jdbiSetBased() {
        long s = nextSupplier();
        return jdbiSetBased(s, factor());
    }

    private int jdbiSetBased(long s, BigDecimal factor) {
        return jdbi.withHandle(h -> h.createUpdate(SET_BASED_SQL).bind(0, factor).bind(1, s).execute());
    }
}
