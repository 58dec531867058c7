package dev.sleet.bench.northwind;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.sleet.bench.northwind.JooqNorthwind.Employees;
import dev.sleet.bench.northwind.JooqNorthwind.OrderDetails;
import dev.sleet.bench.northwind.JooqNorthwind.Orders;
import dev.sleet.bench.northwind.JooqNorthwind.Products;
import dev.sleet.bench.northwind.JooqNorthwind.Suppliers;
import dev.sleet.bench.northwind.jpa.Employee;
import dev.sleet.bench.northwind.jpa.NorthwindOrder;
import dev.sleet.bench.northwind.jpa.OrderDetail;
import dev.sleet.bench.northwind.jpa.Product;
import dev.sleet.bench.report.Contender;
import dev.sleet.bench.report.Workload;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.result.RowView;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Records;
import org.jooq.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.sleet.Sql.between;
import static dev.sleet.bench.northwind.Northwind.EMPLOYEES;
import static dev.sleet.bench.northwind.Northwind.ORDERS;
import static dev.sleet.bench.northwind.Northwind.ORDER_DETAILS;
import static dev.sleet.bench.northwind.Northwind.PRODUCTS;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.row;
import static org.jooq.impl.DSL.select;

/**
 * W4: rows with their related rows, a page of 100 parents per call (a seeded sequence of starting ids, the same
 * for every contender), for three relations:
 *
 * <ul>
 *   <li><b>product with supplier</b> (many-to-one): products {@code a..a+99} into {@link ProductWithSupplier};</li>
 *   <li><b>employee with manager</b> (the self relation {@code recipient_id}, null for the head): employees
 *       {@code a..a+99} of 200 into {@link EmployeeWithManager};</li>
 *   <li><b>order → details → product</b> (one-to-many, then many-to-one): orders {@code a..a+99}, about 700
 *       lines, into {@link OrderWithDetails}, the lines by product id.</li>
 * </ul>
 *
 * For each, the contenders are:
 *
 * <ul>
 *   <li><b>raw JDBC, N+1</b>: the parents, then one prepared statement per parent at each level, on one
 *       connection, as lazy loading would send them (products: 1 + 100 statements; employees: 1 + 99; orders:
 *       1 + 100 + one per line);</li>
 *   <li><b>raw JDBC, hand-written join</b> (the reference): one statement joining the tables, column-index
 *       getters, the flat rows grouped by hand;</li>
 *   <li><b>raw JDBC, hand-written lateral</b>: one statement with a {@code join lateral} subquery per relation;
 *       for the orders, each order's lines and products aggregated into one JSON array, as Sleet's statement
 *       does, read with Jackson's streaming parser;</li>
 *   <li><b>Sleet</b>: {@code db.query(T).where(between(id, a, b)).orderBy(id).with("relation")}
 *       {@code .findMany(Record.class)}: one statement, relations aggregated as JSON, with the
 *       {@link NorthwindRelations} the {@code Db} is connected with;</li>
 *   <li><b>jOOQ</b>: to-one relations as a join read by a {@code RecordMapper}; orders with their lines as a
 *       {@code MULTISET} (which jOOQ emulates on PostgreSQL with JSON), each line's product a nested
 *       {@code row(...).mapping(ProductRow::new)};</li>
 *   <li><b>Hibernate</b>: one JPQL query with {@code join fetch} ({@code left join fetch} for the manager),
 *       returning entities, as its users write it;</li>
 *   <li><b>JDBI</b>: the hand-written join, rows read with constructor mappers per column prefix
 *       ({@code getRow(SupplierRow.class, "s")}); the orders through {@code reduceRows}.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(2)
@Workload(id = "W4", title = "relational: rows with their related rows, pages of 100")
public class W4RelationalBenchmark extends NorthwindState {

    /** Parents per call. */
    static final int PAGE = 100;

    private static final String PRODUCT_COLUMNS = "id, name, qt_per_unit, unit_price, units_in_stock, "
            + "units_on_order, reorder_level, discontinued, supplier_id";
    private static final String SUPPLIER_COLUMNS = "id, company_name, contact_name, contact_title, address, city, "
            + "region, postal_code, country, phone";
    private static final String EMPLOYEE_COLUMNS = "id, last_name, first_name, title, title_of_courtesy, "
            + "birth_date, hire_date, address, city, postal_code, country, home_phone, extension, notes, recipient_id";
    private static final String ORDER_COLUMNS = "id, order_date, required_date, shipped_date, ship_via, freight, "
            + "ship_name, ship_city, ship_region, ship_postal_code, ship_country, customer_id, employee_id";

    static final String PRODUCTS_SQL = "select " + PRODUCT_COLUMNS
            + " from northwind.products where id between ? and ? order by id";
    static final String SUPPLIER_SQL = "select " + SUPPLIER_COLUMNS + " from northwind.suppliers where id = ?";
    static final String PRODUCTS_JOIN_SQL = "select " + prefixed("p", PRODUCT_COLUMNS, "") + ", "
            + prefixed("s", SUPPLIER_COLUMNS, "s_") + " from northwind.products p "
            + "join northwind.suppliers s on s.id = p.supplier_id where p.id between ? and ? order by p.id";

    static final String EMPLOYEES_SQL = "select " + EMPLOYEE_COLUMNS
            + " from northwind.employees where id between ? and ? order by id";
    static final String EMPLOYEE_SQL = "select " + EMPLOYEE_COLUMNS + " from northwind.employees where id = ?";
    static final String EMPLOYEES_JOIN_SQL = "select " + prefixed("e", EMPLOYEE_COLUMNS, "") + ", "
            + prefixed("m", EMPLOYEE_COLUMNS, "m_") + " from northwind.employees e "
            + "left join northwind.employees m on m.id = e.recipient_id where e.id between ? and ? order by e.id";

    static final String ORDERS_SQL = "select " + ORDER_COLUMNS
            + " from northwind.orders where id between ? and ? order by id";
    static final String DETAILS_SQL = "select order_id, product_id, unit_price, quantity, discount "
            + "from northwind.order_details where order_id = ? order by product_id";
    static final String PRODUCT_SQL = "select " + PRODUCT_COLUMNS + " from northwind.products where id = ?";
    static final String ORDERS_JOIN_SQL = "select " + prefixed("o", ORDER_COLUMNS, "") + ", "
            + prefixed("d", "order_id, product_id, unit_price, quantity, discount", "d_") + ", "
            + prefixed("p", PRODUCT_COLUMNS, "p_") + " from northwind.orders o "
            + "join northwind.order_details d on d.order_id = o.id "
            + "join northwind.products p on p.id = d.product_id "
            + "where o.id between ? and ? order by o.id, d.product_id";

    static final String PRODUCTS_LATERAL_SQL = "select " + prefixed("p", PRODUCT_COLUMNS, "") + ", s.* "
            + "from northwind.products p join lateral (select " + SUPPLIER_COLUMNS
            + " from northwind.suppliers where id = p.supplier_id) s on true "
            + "where p.id between ? and ? order by p.id";
    static final String EMPLOYEES_LATERAL_SQL = "select " + prefixed("e", EMPLOYEE_COLUMNS, "") + ", m.* "
            + "from northwind.employees e left join lateral (select " + EMPLOYEE_COLUMNS
            + " from northwind.employees where id = e.recipient_id) m on true "
            + "where e.id between ? and ? order by e.id";
    /** Each order's lines, with their products, as one JSON array per order, the way Sleet's query asks. */
    static final String ORDERS_LATERAL_SQL = "select " + prefixed("o", ORDER_COLUMNS, "") + ", l.lines "
            + "from northwind.orders o cross join lateral (select coalesce(json_agg(json_build_array("
            + prefixed("d", "order_id, product_id, unit_price, quantity, discount", "") + ", "
            + prefixed("p", PRODUCT_COLUMNS, "") + ") order by d.product_id), '[]') as lines "
            + "from northwind.order_details d join northwind.products p on p.id = d.product_id "
            + "where d.order_id = o.id) l "
            + "where o.id between ? and ? order by o.id";

    private static final JsonFactory JSON = new JsonFactory();

    private static final Table<Record> MANAGERS = Employees.TABLE.as("m");
    private static final Field<?>[] MANAGER_FIELDS = Arrays.stream(Employees.ALL)
            .map(f -> field(name("m", f.getName()), f.getDataType())).toArray(Field<?>[]::new);
    private static final Field<?>[] PRODUCT_AND_SUPPLIER = concat(Products.ALL, Suppliers.ALL);
    private static final Field<?>[] EMPLOYEE_AND_MANAGER = concat(Employees.ALL, MANAGER_FIELDS);

    private RandomKeys productPages;
    private RandomKeys employeePages;
    private RandomKeys orderPages;

    private static String prefixed(String alias, String columns, String labelPrefix) {
        StringBuilder out = new StringBuilder();
        for (String column : columns.split(", ")) {
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(alias).append('.').append(column);
            if (!labelPrefix.isEmpty()) {
                out.append(" as ").append(labelPrefix).append(column);
            }
        }
        return out.toString();
    }

    private static Field<?>[] concat(Field<?>[] a, Field<?>[] b) {
        return Stream.concat(Arrays.stream(a), Arrays.stream(b)).toArray(Field<?>[]::new);
    }

    @Override
    protected void check() throws SQLException {
        NorthwindData.Scale scale = data.scale();
        productPages = new RandomKeys(4, 1, scale.products() - PAGE + 1, 1);
        employeePages = new RandomKeys(4, 1, scale.employees() - PAGE + 1, 1);
        orderPages = new RandomKeys(4, 1, scale.orders() - PAGE + 1, 1);
        // JDBI reads the joined rows by column prefix: one constructor mapper per (record, prefix).
        jdbi.registerRowMapper(ConstructorMapper.factory(SupplierRow.class, "s"));
        jdbi.registerRowMapper(ConstructorMapper.factory(EmployeeRow.class, "m"));
        jdbi.registerRowMapper(ConstructorMapper.factory(OrderDetailRow.class, "d"));
        jdbi.registerRowMapper(ConstructorMapper.factory(ProductRow.class, "p"));

        // the first and the last page of each, the head of the company (no manager) among the employees
        for (long a : new long[] {1, scale.products() - PAGE + 1}) {
            List<ProductWithSupplier> reference = productsJoin(a);
            requireSize("products from " + a, reference, PAGE);
            requireSame("products from " + a, reference, results("N+1", productsNPlusOne(a), "lateral",
                    productsLateral(a), "Sleet",
                    productsSleet(a), "jOOQ", productsJooq(a), "Hibernate", productRows(productsHibernate(a)),
                    "JDBI", productsJdbi(a)));
        }
        for (long a : new long[] {1, scale.employees() - PAGE + 1}) {
            List<EmployeeWithManager> reference = employeesJoin(a);
            requireSize("employees from " + a, reference, PAGE);
            requireSame("employees from " + a, reference, results("N+1", employeesNPlusOne(a), "lateral",
                    employeesLateral(a), "Sleet",
                    employeesSleet(a), "jOOQ", employeesJooq(a), "Hibernate", employeeRows(employeesHibernate(a)),
                    "JDBI", employeesJdbi(a)));
        }
        for (long a : new long[] {1, scale.orders() - PAGE + 1}) {
            List<OrderWithDetails> reference = ordersJoin(a);
            requireSize("orders from " + a, reference, PAGE);
            requireSame("orders from " + a, reference, results("N+1", ordersNPlusOne(a), "lateral",
                    ordersLateral(a), "Sleet", ordersSleet(a),
                    "jOOQ", ordersJooq(a), "Hibernate", orderRows(ordersHibernate(a)), "JDBI", ordersJdbi(a)));
        }
    }

    /** Reads the rows of one statement into a list, for {@link #page}. */
    @FunctionalInterface
    private interface RowsReader<T> {
        void read(ResultSet rs, List<T> out) throws SQLException;
    }

    /** Runs a statement over the parents {@code a..a+PAGE-1} (its two parameters) on one connection. */
    private <T> List<T> page(String sql, long a, RowsReader<T> reader) throws SQLException {
        List<T> out = new ArrayList<>(PAGE);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, a);
            ps.setLong(2, a + PAGE - 1);
            try (ResultSet rs = ps.executeQuery()) {
                reader.read(rs, out);
            }
        }
        return out;
    }

    private static void requireSize(String what, List<?> rows, int expected) {
        if (rows.size() != expected) {
            throw new IllegalStateException(what + ": expected " + expected + " rows, raw JDBC read " + rows.size());
        }
    }

    // ------------------------------------------------------------------------------------ product with supplier

    /**
     * N+1.
     *
     * @return the products
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "product with supplier",
            how = "N+1: the page, then one prepared statement per product for its supplier (101 statements)")
    public List<ProductWithSupplier> productsNPlusOne() throws SQLException {
        return productsNPlusOne(productPages.next());
    }

    private List<ProductWithSupplier> productsNPlusOne(long a) throws SQLException {
        List<ProductWithSupplier> out = new ArrayList<>(PAGE);
        try (Connection c = pool.getConnection(); PreparedStatement products = c.prepareStatement(PRODUCTS_SQL);
             PreparedStatement suppliers = c.prepareStatement(SUPPLIER_SQL)) {
            products.setLong(1, a);
            products.setLong(2, a + PAGE - 1);
            try (ResultSet rs = products.executeQuery()) {
                while (rs.next()) {
                    ProductRow p = product(rs, 0);
                    suppliers.setLong(1, p.supplierId());
                    try (ResultSet s = suppliers.executeQuery()) {
                        s.next();
                        out.add(withSupplier(p, supplier(s, 0)));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The reference.
     *
     * @return the products
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "product with supplier", reference = true,
            how = "one hand-written join, column-index getters")
    public List<ProductWithSupplier> productsJoin() throws SQLException {
        return productsJoin(productPages.next());
    }

    private List<ProductWithSupplier> productsJoin(long a) throws SQLException {
        return products(PRODUCTS_JOIN_SQL, a);
    }

    /**
     * Hand-written lateral SQL.
     *
     * @return the products
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "product with supplier",
            how = "lateral: `join lateral (select ... from suppliers where id = p.supplier_id)`, column-index getters")
    public List<ProductWithSupplier> productsLateral() throws SQLException {
        return productsLateral(productPages.next());
    }

    private List<ProductWithSupplier> productsLateral(long a) throws SQLException {
        return products(PRODUCTS_LATERAL_SQL, a);
    }

    /** Products and their suppliers from a statement with the columns of both, in that order. */
    private List<ProductWithSupplier> products(String sql, long a) throws SQLException {
        return page(sql, a, (rs, out) -> {
            while (rs.next()) {
                out.add(withSupplier(product(rs, 0), supplier(rs, 9)));
            }
        });
    }


    /**
     * Sleet.
     *
     * @return the products
     */
    @Benchmark
    @Contender(value = "Sleet", query = "product with supplier",
            how = "`query(PRODUCTS).where(between(...)).orderBy(id).with(\"supplier\").findMany(...)`")
    public List<ProductWithSupplier> productsSleet() {
        return productsSleet(productPages.next());
    }

    private List<ProductWithSupplier> productsSleet(long a) {
        return sleet.query(PRODUCTS).where(between(PRODUCTS.id, a, a + PAGE - 1)).orderBy(PRODUCTS.id)
                .with("supplier").findMany(ProductWithSupplier.class);
    }

    /**
     * jOOQ.
     *
     * @return the products
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "product with supplier",
            how = "`select(...).from(P).join(S).on(...).where(...).fetch(mapper)`")
    public List<ProductWithSupplier> productsJooq() {
        return productsJooq(productPages.next());
    }

    private List<ProductWithSupplier> productsJooq(long a) {
        return jooq.select(PRODUCT_AND_SUPPLIER).from(Products.TABLE).join(Suppliers.TABLE)
                .on(Suppliers.ID.eq(Products.SUPPLIER_ID)).where(Products.ID.between(a, a + PAGE - 1))
                .orderBy(Products.ID)
                .fetch(r -> new ProductWithSupplier(r.get(Products.ID), r.get(Products.NAME),
                        r.get(Products.QT_PER_UNIT), r.get(Products.UNIT_PRICE), r.get(Products.UNITS_IN_STOCK),
                        r.get(Products.UNITS_ON_ORDER), r.get(Products.REORDER_LEVEL), r.get(Products.DISCONTINUED),
                        r.get(Products.SUPPLIER_ID), new SupplierRow(r.get(Suppliers.ID),
                        r.get(Suppliers.COMPANY_NAME), r.get(Suppliers.CONTACT_NAME), r.get(Suppliers.CONTACT_TITLE),
                        r.get(Suppliers.ADDRESS), r.get(Suppliers.CITY), r.get(Suppliers.REGION),
                        r.get(Suppliers.POSTAL_CODE), r.get(Suppliers.COUNTRY), r.get(Suppliers.PHONE))));
    }

    /**
     * Hibernate.
     *
     * @return the product entities, suppliers fetched
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "product with supplier",
            how = "JPQL `from Product p join fetch p.supplier where p.id between ...`")
    public List<Product> productsHibernate() {
        return productsHibernate(productPages.next());
    }

    private List<Product> productsHibernate(long a) {
        return hibernate.fromSession(s -> s.createSelectionQuery(
                        "from Product p join fetch p.supplier where p.id between :a and :b order by p.id", Product.class)
                .setParameter("a", a).setParameter("b", a + PAGE - 1).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the products
     */
    @Benchmark
    @Contender(value = "JDBI", query = "product with supplier",
            how = "the join, `map(row -> ...getRow(ProductRow.class)...getRow(SupplierRow.class, \"s\"))`")
    public List<ProductWithSupplier> productsJdbi() {
        return productsJdbi(productPages.next());
    }

    private List<ProductWithSupplier> productsJdbi(long a) {
        return jdbi.withHandle(h -> h.createQuery(PRODUCTS_JOIN_SQL).bind(0, a).bind(1, a + PAGE - 1)
                .map((RowView row) -> withSupplier(row.getRow(ProductRow.class, ""),
                        row.getRow(SupplierRow.class, "s")))
                .list());
    }

    // ------------------------------------------------------------------------------------ employee with manager

    /**
     * N+1.
     *
     * @return the employees
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "employee with manager",
            how = "N+1: the page, then one prepared statement per employee who has a manager")
    public List<EmployeeWithManager> employeesNPlusOne() throws SQLException {
        return employeesNPlusOne(employeePages.next());
    }

    private List<EmployeeWithManager> employeesNPlusOne(long a) throws SQLException {
        List<EmployeeWithManager> out = new ArrayList<>(PAGE);
        try (Connection c = pool.getConnection(); PreparedStatement employees = c.prepareStatement(EMPLOYEES_SQL);
             PreparedStatement managers = c.prepareStatement(EMPLOYEE_SQL)) {
            employees.setLong(1, a);
            employees.setLong(2, a + PAGE - 1);
            try (ResultSet rs = employees.executeQuery()) {
                while (rs.next()) {
                    EmployeeRow e = employee(rs, 0);
                    EmployeeRow manager = null;
                    if (e.recipientId() != null) {
                        managers.setLong(1, e.recipientId());
                        try (ResultSet m = managers.executeQuery()) {
                            m.next();
                            manager = employee(m, 0);
                        }
                    }
                    out.add(withManager(e, manager));
                }
            }
        }
        return out;
    }

    /**
     * The reference.
     *
     * @return the employees
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "employee with manager", reference = true,
            how = "one hand-written self left join, column-index getters")
    public List<EmployeeWithManager> employeesJoin() throws SQLException {
        return employeesJoin(employeePages.next());
    }

    private List<EmployeeWithManager> employeesJoin(long a) throws SQLException {
        return employees(EMPLOYEES_JOIN_SQL, a);
    }

    /**
     * Hand-written lateral SQL.
     *
     * @return the employees
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "employee with manager",
            how = "lateral: `left join lateral (select ... from employees where id = e.recipient_id)`, column-index "
                    + "getters")
    public List<EmployeeWithManager> employeesLateral() throws SQLException {
        return employeesLateral(employeePages.next());
    }

    private List<EmployeeWithManager> employeesLateral(long a) throws SQLException {
        return employees(EMPLOYEES_LATERAL_SQL, a);
    }

    /** Employees and their managers from a statement with the columns of both, the manager's null for none. */
    private List<EmployeeWithManager> employees(String sql, long a) throws SQLException {
        return page(sql, a, (rs, out) -> {
            while (rs.next()) {
                EmployeeRow e = employee(rs, 0);
                rs.getLong(16);
                out.add(withManager(e, rs.wasNull() ? null : employee(rs, 15)));
            }
        });
    }


    /**
     * Sleet.
     *
     * @return the employees
     */
    @Benchmark
    @Contender(value = "Sleet", query = "employee with manager",
            how = "`query(EMPLOYEES).where(between(...)).orderBy(id).with(\"manager\").findMany(...)`")
    public List<EmployeeWithManager> employeesSleet() {
        return employeesSleet(employeePages.next());
    }

    private List<EmployeeWithManager> employeesSleet(long a) {
        return sleet.query(EMPLOYEES).where(between(EMPLOYEES.id, a, a + PAGE - 1)).orderBy(EMPLOYEES.id)
                .with("manager").findMany(EmployeeWithManager.class);
    }

    /**
     * jOOQ.
     *
     * @return the employees
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "employee with manager",
            how = "`select(...).from(E).leftJoin(E.as(\"m\")).on(...).where(...).fetch(mapper)`")
    public List<EmployeeWithManager> employeesJooq() {
        return employeesJooq(employeePages.next());
    }

    @SuppressWarnings("unchecked")
    private List<EmployeeWithManager> employeesJooq(long a) {
        Field<Long> managerId = (Field<Long>) MANAGER_FIELDS[0];
        return jooq.select(EMPLOYEE_AND_MANAGER).from(Employees.TABLE).leftJoin(MANAGERS)
                .on(managerId.eq(Employees.RECIPIENT_ID)).where(Employees.ID.between(a, a + PAGE - 1))
                .orderBy(Employees.ID)
                .fetch(r -> {
                    EmployeeRow e = jooqEmployee(r, Employees.ALL);
                    return withManager(e, r.get(managerId) == null ? null : jooqEmployee(r, MANAGER_FIELDS));
                });
    }

    @SuppressWarnings("unchecked")
    private static EmployeeRow jooqEmployee(Record r, Field<?>[] f) {
        return new EmployeeRow(r.get((Field<Long>) f[0]), r.get((Field<String>) f[1]), r.get((Field<String>) f[2]),
                r.get((Field<String>) f[3]), r.get((Field<String>) f[4]), r.get((Field<LocalDate>) f[5]),
                r.get((Field<LocalDate>) f[6]), r.get((Field<String>) f[7]), r.get((Field<String>) f[8]),
                r.get((Field<String>) f[9]), r.get((Field<String>) f[10]), r.get((Field<String>) f[11]),
                r.get((Field<Integer>) f[12]), r.get((Field<String>) f[13]), r.get((Field<Long>) f[14]));
    }

    /**
     * Hibernate.
     *
     * @return the employee entities, managers fetched
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "employee with manager",
            how = "JPQL `from Employee e left join fetch e.manager where e.id between ...`")
    public List<Employee> employeesHibernate() {
        return employeesHibernate(employeePages.next());
    }

    private List<Employee> employeesHibernate(long a) {
        return hibernate.fromSession(s -> s.createSelectionQuery(
                        "from Employee e left join fetch e.manager where e.id between :a and :b order by e.id",
                        Employee.class)
                .setParameter("a", a).setParameter("b", a + PAGE - 1).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the employees
     */
    @Benchmark
    @Contender(value = "JDBI", query = "employee with manager",
            how = "the join, `map(row -> ...getRow(EmployeeRow.class, \"m\"))` when `m_id` is not null")
    public List<EmployeeWithManager> employeesJdbi() {
        return employeesJdbi(employeePages.next());
    }

    private List<EmployeeWithManager> employeesJdbi(long a) {
        return jdbi.withHandle(h -> h.createQuery(EMPLOYEES_JOIN_SQL).bind(0, a).bind(1, a + PAGE - 1)
                .map((RowView row) -> withManager(row.getRow(EmployeeRow.class, ""),
                        row.getColumn("m_id", Long.class) == null ? null : row.getRow(EmployeeRow.class, "m")))
                .list());
    }

    // ---------------------------------------------------------------------------------- order, details, product

    /**
     * N+1.
     *
     * @return the orders
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "order → details → product",
            how = "N+1: the page, one prepared statement per order for its lines, one per line for its product")
    public List<OrderWithDetails> ordersNPlusOne() throws SQLException {
        return ordersNPlusOne(orderPages.next());
    }

    private List<OrderWithDetails> ordersNPlusOne(long a) throws SQLException {
        List<OrderWithDetails> out = new ArrayList<>(PAGE);
        try (Connection c = pool.getConnection(); PreparedStatement orders = c.prepareStatement(ORDERS_SQL);
             PreparedStatement details = c.prepareStatement(DETAILS_SQL);
             PreparedStatement products = c.prepareStatement(PRODUCT_SQL)) {
            orders.setLong(1, a);
            orders.setLong(2, a + PAGE - 1);
            try (ResultSet rs = orders.executeQuery()) {
                while (rs.next()) {
                    List<DetailWithProduct> lines = new ArrayList<>();
                    OrderWithDetails order = withDetails(W4RelationalBenchmark.order(rs, 0), lines);
                    details.setLong(1, order.id());
                    try (ResultSet d = details.executeQuery()) {
                        while (d.next()) {
                            OrderDetailRow line = detail(d, 0);
                            products.setLong(1, line.productId());
                            try (ResultSet p = products.executeQuery()) {
                                p.next();
                                lines.add(withProduct(line, product(p, 0)));
                            }
                        }
                    }
                    out.add(order);
                }
            }
        }
        return out;
    }

    /**
     * The reference.
     *
     * @return the orders
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "order → details → product", reference = true,
            how = "one hand-written join of the three tables, rows grouped by order by hand")
    public List<OrderWithDetails> ordersJoin() throws SQLException {
        return ordersJoin(orderPages.next());
    }

    private List<OrderWithDetails> ordersJoin(long a) throws SQLException {
        return page(ORDERS_JOIN_SQL, a, (rs, out) -> {
            long current = -1;
            List<DetailWithProduct> lines = null;
            while (rs.next()) {
                long id = rs.getLong(1);
                if (id != current) {
                    current = id;
                    lines = new ArrayList<>();
                    out.add(withDetails(order(rs, 0), lines));
                }
                lines.add(withProduct(detail(rs, 13), product(rs, 18)));
            }
        });
    }


    /**
     * Hand-written lateral SQL, each order's lines as one JSON array.
     *
     * @return the orders
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    @Contender(value = "raw JDBC", query = "order → details → product",
            how = "lateral: `cross join lateral (select json_agg(json_build_array(d..., p...) order by ...))`, the "
                    + "JSON read with Jackson's streaming parser")
    public List<OrderWithDetails> ordersLateral() throws SQLException {
        return ordersLateral(orderPages.next());
    }

    private List<OrderWithDetails> ordersLateral(long a) throws SQLException {
        return page(ORDERS_LATERAL_SQL, a, (rs, out) -> {
            while (rs.next()) {
                out.add(withDetails(order(rs, 0), lines(rs.getString(14))));
            }
        });
    }


    /** {@code [[order_id, product_id, unit_price, quantity, discount, <the product's 9 columns>], ...]}. */
    private static List<DetailWithProduct> lines(String json) throws SQLException {
        List<DetailWithProduct> lines = new ArrayList<>();
        try (JsonParser p = JSON.createParser(json)) {
            expect(p.nextToken(), JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
                OrderDetailRow d = new OrderDetailRow(nextLong(p), nextLong(p), nextDecimal(p), (int) nextLong(p),
                        nextDecimal(p));
                ProductRow product = new ProductRow(nextLong(p), nextText(p), nextText(p), nextDecimal(p),
                        nextInt(p), nextInt(p), nextInt(p), nextInt(p), nextLong(p));
                expect(p.nextToken(), JsonToken.END_ARRAY);
                lines.add(withProduct(d, product));
            }
        } catch (IOException e) {
            throw new SQLException("unreadable lines: " + e.getMessage(), e);
        }
        return lines;
    }

    private static void expect(JsonToken token, JsonToken expected) throws IOException {
        if (token != expected) {
            throw new IOException("expected " + expected + ", got " + token);
        }
    }

    private static long nextLong(JsonParser p) throws IOException {
        expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
        return p.getLongValue();
    }

    private static Integer nextInt(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getIntValue();
    }

    private static BigDecimal nextDecimal(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getDecimalValue();
    }

    private static String nextText(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    /**
     * Sleet.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "Sleet", query = "order → details → product",
            how = "`query(ORDERS)...with(\"details\", d -> d.orderBy(productId).with(\"product\")).findMany(...)`")
    public List<OrderWithDetails> ordersSleet() {
        return ordersSleet(orderPages.next());
    }

    private List<OrderWithDetails> ordersSleet(long a) {
        return sleet.query(ORDERS).where(between(ORDERS.id, a, a + PAGE - 1)).orderBy(ORDERS.id)
                .with("details", d -> d.orderBy(ORDER_DETAILS.productId).with("product"))
                .findMany(OrderWithDetails.class);
    }

    /**
     * jOOQ.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "jOOQ", query = "order → details → product",
            how = "`multiset(select(..., row(P...).mapping(ProductRow::new))...)`, `Records.mapping(...)`")
    public List<OrderWithDetails> ordersJooq() {
        return ordersJooq(orderPages.next());
    }

    private List<OrderWithDetails> ordersJooq(long a) {
        Field<List<DetailWithProduct>> details = multiset(
                select(OrderDetails.ORDER_ID, OrderDetails.PRODUCT_ID, OrderDetails.UNIT_PRICE, OrderDetails.QUANTITY,
                        OrderDetails.DISCOUNT,
                        row(Products.ID, Products.NAME, Products.QT_PER_UNIT, Products.UNIT_PRICE,
                                Products.UNITS_IN_STOCK, Products.UNITS_ON_ORDER, Products.REORDER_LEVEL,
                                Products.DISCONTINUED, Products.SUPPLIER_ID).mapping(ProductRow::new))
                        .from(OrderDetails.TABLE).join(Products.TABLE).on(Products.ID.eq(OrderDetails.PRODUCT_ID))
                        .where(OrderDetails.ORDER_ID.eq(Orders.ID)).orderBy(OrderDetails.PRODUCT_ID))
                .as("details").convertFrom(r -> r.map(Records.mapping(DetailWithProduct::new)));
        return jooq.select(Orders.ID, Orders.ORDER_DATE, Orders.REQUIRED_DATE, Orders.SHIPPED_DATE, Orders.SHIP_VIA,
                        Orders.FREIGHT, Orders.SHIP_NAME, Orders.SHIP_CITY, Orders.SHIP_REGION, Orders.SHIP_POSTAL_CODE,
                        Orders.SHIP_COUNTRY, Orders.CUSTOMER_ID, Orders.EMPLOYEE_ID, details)
                .from(Orders.TABLE).where(Orders.ID.between(a, a + PAGE - 1)).orderBy(Orders.ID)
                .fetch(Records.mapping(OrderWithDetails::new));
    }

    /**
     * Hibernate.
     *
     * @return the order entities, lines and their products fetched
     */
    @Benchmark
    @Contender(value = "Hibernate", query = "order → details → product",
            how = "JPQL `from NorthwindOrder o join fetch o.details d join fetch d.product where ...`")
    public List<NorthwindOrder> ordersHibernate() {
        return ordersHibernate(orderPages.next());
    }

    private List<NorthwindOrder> ordersHibernate(long a) {
        return hibernate.fromSession(s -> s.createSelectionQuery("from NorthwindOrder o join fetch o.details d "
                                + "join fetch d.product where o.id between :a and :b order by o.id, d.id.productId",
                        NorthwindOrder.class)
                .setParameter("a", a).setParameter("b", a + PAGE - 1).getResultList());
    }

    /**
     * JDBI.
     *
     * @return the orders
     */
    @Benchmark
    @Contender(value = "JDBI", query = "order → details → product",
            how = "the join, `reduceRows((map, row) -> ...)` with prefixed constructor mappers")
    public List<OrderWithDetails> ordersJdbi() {
        return ordersJdbi(orderPages.next());
    }

    private List<OrderWithDetails> ordersJdbi(long a) {
        return jdbi.withHandle(h -> h.createQuery(ORDERS_JOIN_SQL).bind(0, a).bind(1, a + PAGE - 1)
                .<Long, OrderWithDetails>reduceRows((map, row) -> map
                        .computeIfAbsent(row.getColumn("id", Long.class),
                                id -> withDetails(row.getRow(OrderRow.class, ""), new ArrayList<>()))
                        .details().add(withProduct(row.getRow(OrderDetailRow.class, "d"),
                                row.getRow(ProductRow.class, "p"))))
                .toList());
    }

    // ---------------------------------------------------------------------------------------- reading by hand

    private static ProductRow product(ResultSet rs, int at) throws SQLException {
        long id = rs.getLong(at + 1);
        String name = rs.getString(at + 2);
        String qtPerUnit = rs.getString(at + 3);
        java.math.BigDecimal unitPrice = rs.getBigDecimal(at + 4);
        Integer unitsInStock = nullableInt(rs, at + 5);
        Integer unitsOnOrder = nullableInt(rs, at + 6);
        Integer reorderLevel = nullableInt(rs, at + 7);
        Integer discontinued = nullableInt(rs, at + 8);
        return new ProductRow(id, name, qtPerUnit, unitPrice, unitsInStock, unitsOnOrder, reorderLevel, discontinued,
                rs.getLong(at + 9));
    }

    private static SupplierRow supplier(ResultSet rs, int at) throws SQLException {
        return new SupplierRow(rs.getLong(at + 1), rs.getString(at + 2), rs.getString(at + 3), rs.getString(at + 4),
                rs.getString(at + 5), rs.getString(at + 6), rs.getString(at + 7), rs.getString(at + 8),
                rs.getString(at + 9), rs.getString(at + 10));
    }

    private static EmployeeRow employee(ResultSet rs, int at) throws SQLException {
        long id = rs.getLong(at + 1);
        String lastName = rs.getString(at + 2);
        String firstName = rs.getString(at + 3);
        String title = rs.getString(at + 4);
        String courtesy = rs.getString(at + 5);
        LocalDate birthDate = rs.getObject(at + 6, LocalDate.class);
        LocalDate hireDate = rs.getObject(at + 7, LocalDate.class);
        String address = rs.getString(at + 8);
        String city = rs.getString(at + 9);
        String postalCode = rs.getString(at + 10);
        String country = rs.getString(at + 11);
        String homePhone = rs.getString(at + 12);
        Integer extension = nullableInt(rs, at + 13);
        String notes = rs.getString(at + 14);
        long recipient = rs.getLong(at + 15);
        return new EmployeeRow(id, lastName, firstName, title, courtesy, birthDate, hireDate, address, city,
                postalCode, country, homePhone, extension, notes, rs.wasNull() ? null : recipient);
    }

    private static OrderRow order(ResultSet rs, int at) throws SQLException {
        long id = rs.getLong(at + 1);
        LocalDate orderDate = rs.getObject(at + 2, LocalDate.class);
        LocalDate requiredDate = rs.getObject(at + 3, LocalDate.class);
        LocalDate shippedDate = rs.getObject(at + 4, LocalDate.class);
        Integer shipVia = nullableInt(rs, at + 5);
        return new OrderRow(id, orderDate, requiredDate, shippedDate, shipVia, rs.getBigDecimal(at + 6),
                rs.getString(at + 7), rs.getString(at + 8), rs.getString(at + 9), rs.getString(at + 10),
                rs.getString(at + 11), rs.getLong(at + 12), rs.getLong(at + 13));
    }

    private static OrderDetailRow detail(ResultSet rs, int at) throws SQLException {
        return new OrderDetailRow(rs.getLong(at + 1), rs.getLong(at + 2), rs.getBigDecimal(at + 3),
                rs.getInt(at + 4), rs.getBigDecimal(at + 5));
    }

    /** A nullable integer needs {@code wasNull()} right after its getter. */
    private static Integer nullableInt(ResultSet rs, int index) throws SQLException {
        int value = rs.getInt(index);
        return rs.wasNull() ? null : value;
    }

    // --------------------------------------------------------------------------------------------- assembling

    private static ProductWithSupplier withSupplier(ProductRow p, SupplierRow supplier) {
        return new ProductWithSupplier(p.id(), p.name(), p.qtPerUnit(), p.unitPrice(), p.unitsInStock(),
                p.unitsOnOrder(), p.reorderLevel(), p.discontinued(), p.supplierId(), supplier);
    }

    private static EmployeeWithManager withManager(EmployeeRow e, EmployeeRow manager) {
        return new EmployeeWithManager(e.id(), e.lastName(), e.firstName(), e.title(), e.titleOfCourtesy(),
                e.birthDate(), e.hireDate(), e.address(), e.city(), e.postalCode(), e.country(), e.homePhone(),
                e.extension(), e.notes(), e.recipientId(), manager);
    }

    private static OrderWithDetails withDetails(OrderRow o, List<DetailWithProduct> details) {
        return new OrderWithDetails(o.id(), o.orderDate(), o.requiredDate(), o.shippedDate(), o.shipVia(),
                o.freight(), o.shipName(), o.shipCity(), o.shipRegion(), o.shipPostalCode(), o.shipCountry(),
                o.customerId(), o.employeeId(), details);
    }

    private static DetailWithProduct withProduct(OrderDetailRow d, ProductRow product) {
        return new DetailWithProduct(d.orderId(), d.productId(), d.unitPrice(), d.quantity(), d.discount(), product);
    }

    // ------------------------------------------------------------------------------ Hibernate's, for the check

    private static List<ProductWithSupplier> productRows(List<Product> products) {
        return products.stream().map(p -> withSupplier(p.toRow(), p.getSupplier().toRow())).toList();
    }

    private static List<EmployeeWithManager> employeeRows(List<Employee> employees) {
        return employees.stream().map(e -> withManager(e.toRow(),
                e.getManager() == null ? null : e.getManager().toRow())).toList();
    }

    private static List<OrderWithDetails> orderRows(List<NorthwindOrder> orders) {
        return orders.stream().map(o -> withDetails(o.toRow(), o.getDetails().stream()
                .map((OrderDetail d) -> withProduct(d.toRow(), d.getProduct().toRow())).toList())).toList();
    }
}
