package dev.sleet.bench.northwind;

import com.zaxxer.hikari.HikariDataSource;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.bench.BenchDatabase;
import dev.sleet.bench.northwind.jpa.Customer;
import dev.sleet.bench.northwind.jpa.Employee;
import dev.sleet.bench.northwind.jpa.NorthwindOrder;
import dev.sleet.bench.northwind.jpa.OrderDetail;
import dev.sleet.bench.northwind.jpa.Product;
import dev.sleet.bench.northwind.jpa.ScratchCustomer;
import dev.sleet.bench.northwind.jpa.Supplier;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The base of the Northwind workloads: one server, one pool, the data, and every contender on that pool.
 *
 * <ul>
 *   <li>{@link #pool}: HikariCP, two connections, {@code reWriteBatchedInserts=true}, shared by everyone
 *       (see {@link BenchDatabase}: {@code SLEET_BENCH_DATABASE_URL} or an embedded server). Raw JDBC uses it
 *       directly: {@code prepareStatement} per call, which pgjdbc answers from its per-connection cache of
 *       server-prepared statements (after the default {@code prepareThreshold} of 5 uses), and column-index
 *       getters.</li>
 *   <li>{@link #sleet}: {@code Sleet.connect(pool)}, with the {@link NorthwindRelations}.</li>
 *   <li>{@link #jooq}: {@code DSL.using(pool, SQLDialect.POSTGRES)}; tables in {@link JooqNorthwind}.</li>
 *   <li>{@link #hibernate}: a {@code SessionFactory} over the pool, bootstrapped in code with the entities of
 *       {@code dev.sleet.bench.northwind.jpa}: no SQL logging, JDBC batches of 50, inserts and updates
 *       ordered.</li>
 *   <li>{@link #jdbi}: {@code Jdbi.create(pool)}, with constructor mappers for the result records.</li>
 * </ul>
 *
 * A workload extends this class, annotates itself {@code @State(Scope.Benchmark)}, and overrides
 * {@link #check()} to compare its contenders' results once before measuring.
 */
@State(Scope.Benchmark)
public abstract class NorthwindState {

    static {
        // jOOQ prints a logo and a tip of the day when its DSL class loads
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        // Hibernate logs through JBoss Logging; route it to slf4j-simple, which shows warnings only
        System.setProperty("org.jboss.logging.provider", "slf4j");
    }

    /** The server and its pool. */
    protected BenchDatabase database;
    /** The pool every contender uses. */
    protected HikariDataSource pool;
    /** What the data load found or did. */
    protected NorthwindData.Loaded data;
    /** Sleet. */
    protected Db sleet;
    /** jOOQ. */
    protected DSLContext jooq;
    /** Hibernate. */
    protected SessionFactory hibernate;
    /** JDBI. */
    protected Jdbi jdbi;

    /**
     * Opens the pool, loads the data unless it is there, creates the contenders and runs {@link #check()}.
     *
     * @throws Exception when any of it fails: the benchmark must not run
     */
    @Setup(Level.Trial)
    public final void openNorthwind() throws Exception {
        database = new BenchDatabase();
        pool = database.pool();
        data = NorthwindData.ensureLoaded(pool);
        sleet = Sleet.connect(pool, SleetOptions.defaults().relations(NorthwindRelations.RELATIONS));
        jooq = DSL.using(pool, SQLDialect.POSTGRES);
        hibernate = hibernate(pool);
        jdbi = Jdbi.create(pool);
        for (Class<?> type : new Class<?>[] {CustomerRow.class, EmployeeRow.class, SupplierRow.class, ProductRow.class,
            OrderRow.class, OrderDetailRow.class, OrderTotals.class}) {
            jdbi.registerRowMapper(ConstructorMapper.factory(type));
        }
        check();
    }

    /**
     * Compares the contenders' results for one input; runs once per fork, after the set-up.
     *
     * @throws Exception when they differ, or a contender fails
     */
    protected void check() throws Exception {
    }

    /**
     * Undoes what a workload's {@link #check()} set up (a scratch table, a backup of rows it changes); runs once
     * per fork, before the contenders and the pool close. JMH runs a subclass's own {@code @TearDown(Level.Trial)}
     * methods after this class's, when the pool is closed already, so a workload cleans up here instead.
     *
     * @throws Exception when the clean-up fails; the pool and the server are closed all the same
     */
    protected void cleanUp() throws Exception {
    }

    /**
     * Runs {@link #cleanUp()}, then closes the contenders, the pool and the embedded server, if any.
     *
     * @throws Exception when the clean-up fails
     */
    @TearDown(Level.Trial)
    public final void closeNorthwind() throws Exception {
        try {
            if (pool != null) {
                cleanUp();
            }
        } finally {
            closeContenders();
        }
    }

    private void closeContenders() {
        if (hibernate != null) {
            hibernate.close();
        }
        if (sleet != null) {
            sleet.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static SessionFactory hibernate(HikariDataSource pool) {
        StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                .applySetting("hibernate.connection.datasource", pool)
                .applySetting("hibernate.show_sql", false)
                .applySetting("hibernate.format_sql", false)
                .applySetting("hibernate.hbm2ddl.auto", "none")
                .applySetting("hibernate.jdbc.batch_size", 50)
                .applySetting("hibernate.order_inserts", true)
                .applySetting("hibernate.order_updates", true)
                .build();
        try {
            return new MetadataSources(registry)
                    .addAnnotatedClass(Customer.class)
                    .addAnnotatedClass(Employee.class)
                    .addAnnotatedClass(Supplier.class)
                    .addAnnotatedClass(Product.class)
                    .addAnnotatedClass(NorthwindOrder.class)
                    .addAnnotatedClass(OrderDetail.class)
                    .addAnnotatedClass(ScratchCustomer.class)
                    .buildMetadata()
                    .buildSessionFactory();
        } catch (RuntimeException e) {
            StandardServiceRegistryBuilder.destroy(registry);
            throw e;
        }
    }

    /**
     * Fails loudly unless every contender returned what the reference returned.
     *
     * @param what      the query, for the message
     * @param reference the reference's result (raw JDBC)
     * @param others    each other contender's result, by name
     * @throws IllegalStateException naming the first contender that differs, with both results (shortened)
     */
    protected static void requireSame(String what, Object reference, Map<String, ?> others) {
        if (reference == null || reference instanceof java.util.Collection<?> c && c.isEmpty()) {
            throw new IllegalStateException(what + ": raw JDBC returned nothing; the data is not loaded");
        }
        for (Map.Entry<String, ?> e : others.entrySet()) {
            if (!Objects.equals(reference, e.getValue())) {
                throw new IllegalStateException(what + ": " + e.getKey() + " differs from raw JDBC\n  raw JDBC: "
                        + shorten(reference) + "\n  " + e.getKey() + ": " + shorten(e.getValue()));
            }
        }
    }

    /**
     * A map of results in the order given: {@code results("Sleet", a, "jOOQ", b)}.
     *
     * @param namesAndResults names and results, alternating
     * @return the map
     */
    protected static Map<String, Object> results(Object... namesAndResults) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndResults.length; i += 2) {
            out.put((String) namesAndResults[i], namesAndResults[i + 1]);
        }
        return out;
    }

    private static String shorten(Object value) {
        String s = String.valueOf(value);
        return s.length() > 600 ? s.substring(0, 600) + "..." : s;
    }
}
