package dev.sleet.bench.northwind;

import dev.sleet.ddl.AddForeignKey;
import dev.sleet.ddl.CreateIndex;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Northwind data, generated from a seed: the same seed and scale give the same rows, byte for byte, in any
 * JVM. {@link #ensureLoaded(DataSource)} creates the schema {@code northwind} and loads it once per server:
 *
 * <ol>
 *   <li>the tables (from {@code SchemaDdl.create(Schema.of(Northwind.class))}) without their foreign keys and
 *       indexes;</li>
 *   <li>every table by {@code COPY ... FROM STDIN} in text format, parents first, ids 1 to the row count;</li>
 *   <li>the foreign keys and indexes, each checked or built once over the loaded rows, which is faster than
 *       per-row checks during the copy;</li>
 *   <li>{@code VACUUM ANALYZE}, and a row in {@code northwind.meta} holding the seed, the scale, the
 *       generator's version and the row counts.</li>
 * </ol>
 *
 * A later call that finds the same seed, scale and generator version in {@code northwind.meta} loads nothing,
 * so every JMH fork and every run reuses the data; anything else drops the schema and loads it again. Loading
 * holds an advisory lock, so processes that start together load once. There are no identity columns or
 * sequences: a workload that inserts takes ids above {@code max(id)} and removes its rows afterwards.
 */
public final class NorthwindData {

    /** The seed the benchmarks use. */
    public static final long DEFAULT_SEED = 20_261_121L;

    /** Bumped whenever the generator's output changes, so that stale data is reloaded. */
    static final int GENERATOR_VERSION = 1;

    private static final long LOCK_KEY = 0x4e6f727468L;   // "North"
    private static final LocalDate EPOCH = LocalDate.of(2020, 1, 1);

    /**
     * How much data: the row counts of the tables whose sizes are chosen; the order lines follow from the
     * orders (1 to {@code maxDetails} each, weighted toward few).
     *
     * @param name       the scale's name, recorded in {@code northwind.meta}
     * @param employees  employees
     * @param customers  customers
     * @param suppliers  suppliers
     * @param products   products
     * @param orders     orders
     * @param maxDetails the most lines an order has
     */
    public record Scale(String name, int employees, int customers, int suppliers, int products, int orders,
                        int maxDetails) {

        /** Drizzle's "micro" size: 200 employees, 10,000 customers, 1,000 suppliers, 5,000 products, 50,000 orders. */
        public static final Scale MICRO = new Scale("micro", 200, 10_000, 1_000, 5_000, 50_000, 25);
    }

    /**
     * What {@link #ensureLoaded} found or did.
     *
     * @param seed   the seed of the data in the database
     * @param scale  its scale
     * @param loaded whether this call loaded it (false: it was there already)
     * @param rows   row count per table name
     * @param millis time taken
     */
    public record Loaded(long seed, Scale scale, boolean loaded, Map<String, Long> rows, long millis) {
    }

    private final long seed;
    private final Scale scale;

    /**
     * A generator.
     *
     * @param seed  the seed
     * @param scale the sizes
     */
    public NorthwindData(long seed, Scale scale) {
        this.seed = seed;
        this.scale = scale;
    }

    /**
     * Loads the default seed at the micro scale unless the database holds it already.
     *
     * @param dataSource the database
     * @return what was found or done
     * @throws SQLException when the server refuses a statement
     */
    public static Loaded ensureLoaded(DataSource dataSource) throws SQLException {
        return new NorthwindData(DEFAULT_SEED, Scale.MICRO).load(dataSource);
    }

    /**
     * Loads this generator's data unless the database holds it already.
     *
     * @param dataSource the database
     * @return what was found or done
     * @throws SQLException when the server refuses a statement
     */
    public Loaded load(DataSource dataSource) throws SQLException {
        long start = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (Statement st = c.createStatement()) {
                st.execute("select pg_advisory_lock(" + LOCK_KEY + ")");
            }
            try {
                Map<String, Long> existing = recorded(c);
                boolean loaded = existing == null;
                if (loaded) {
                    existing = loadInto(c);
                }
                return new Loaded(seed, scale, loaded, existing, (System.nanoTime() - start) / 1_000_000);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("select pg_advisory_unlock(" + LOCK_KEY + ")");
                }
            }
        }
    }

    /** The row counts recorded for this seed, scale and generator version, or null when they differ. */
    private Map<String, Long> recorded(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select to_regclass('" + Northwind.SCHEMA + ".meta') is not null")) {
            rs.next();
            if (!rs.getBoolean(1)) {
                return null;
            }
        }
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select seed, scale, generator_version, rows from "
                     + Northwind.SCHEMA + ".meta")) {
            if (!rs.next() || rs.getLong(1) != seed || !rs.getString(2).equals(scale.name())
                    || rs.getInt(3) != GENERATOR_VERSION) {
                return null;
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            for (String pair : rs.getString(4).split(",")) {
                String[] kv = pair.split("=");
                rows.put(kv[0], Long.parseLong(kv[1]));
            }
            return rows;
        }
    }

    private Map<String, Long> loadInto(Connection c) throws SQLException {
        List<QueryPart> later = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("drop schema if exists " + Northwind.SCHEMA + " cascade");
            for (QueryPart part : SchemaDdl.create(Schema.of(Northwind.class))) {
                if (part instanceof AddForeignKey || part instanceof CreateIndex) {
                    later.add(part);
                } else {
                    st.execute(RenderContext.render(part, ParamStyle.INLINE).sql());
                }
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        CopyManager copy;
        try {
            copy = c.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new SQLException("the Northwind data is loaded by COPY, which needs pgjdbc's PGConnection", e);
        }
        Generated data = generate();
        rows.put("employees", copy(copy, Northwind.EMPLOYEES, data.employees));
        rows.put("customers", copy(copy, Northwind.CUSTOMERS, data.customers));
        rows.put("suppliers", copy(copy, Northwind.SUPPLIERS, data.suppliers));
        rows.put("products", copy(copy, Northwind.PRODUCTS, data.products));
        rows.put("orders", copy(copy, Northwind.ORDERS, data.orders));
        rows.put("order_details", copy(copy, Northwind.ORDER_DETAILS, data.details));
        try (Statement st = c.createStatement()) {
            for (QueryPart part : later) {
                st.execute(RenderContext.render(part, ParamStyle.INLINE).sql());
            }
            st.execute("vacuum analyze " + String.join(", ", rows.keySet().stream()
                    .map(t -> Northwind.SCHEMA + "." + t).toList()));
            st.execute("create table " + Northwind.SCHEMA + ".meta (seed bigint not null, scale text not null, "
                    + "generator_version integer not null, rows text not null, "
                    + "loaded_at timestamptz not null default now())");
        }
        StringBuilder counts = new StringBuilder();
        rows.forEach((t, n) -> counts.append(counts.length() == 0 ? "" : ",").append(t).append('=').append(n));
        try (PreparedStatement ps = c.prepareStatement("insert into " + Northwind.SCHEMA
                + ".meta (seed, scale, generator_version, rows) values (?, ?, ?, ?)")) {
            ps.setLong(1, seed);
            ps.setString(2, scale.name());
            ps.setInt(3, GENERATOR_VERSION);
            ps.setString(4, counts.toString());
            ps.executeUpdate();
        }
        return rows;
    }

    private static long copy(CopyManager copy, Table table, CopyText text) throws SQLException {
        String columns = String.join(", ", table.columns().stream().map(col -> col.name()).toList());
        try {
            return copy.copyIn("copy " + table.qualifiedName() + " (" + columns + ") from stdin",
                    new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table.qualifiedName() + " failed: " + e, e);
        }
    }

    // ------------------------------------------------------------------------------------------ generation

    /** The tables' rows in COPY text format, in the column order of the {@link Northwind} tables. */
    record Generated(CopyText employees, CopyText customers, CopyText suppliers, CopyText products,
                     CopyText orders, CopyText details) {
    }

    private static final String[] FIRST = {"Anne", "Andrew", "Janet", "Margaret", "Steven", "Michael", "Robert",
        "Laura", "Nancy", "Maria", "Thomas", "Hanna", "Pedro", "Yoshi", "Elizabeth", "Carlos", "Helen", "Karl",
        "Ana", "Victoria", "Patricio", "Diego", "Martine", "Paolo", "Renate", "Henriette", "Jonas", "Sven"};
    private static final String[] LAST = {"Davolio", "Fuller", "Leverling", "Peacock", "Buchanan", "Suyama",
        "King", "Callahan", "Dodsworth", "Anders", "Trujillo", "Moreno", "Hardy", "Berglund", "Moos", "Citeaux",
        "Sommer", "Lebihan", "Lincoln", "Ashworth", "Simpson", "Chang", "Afonso", "Messner", "Rancé", "Josephs"};
    private static final String[] WORDS = {"Alfreds", "Around", "Berglunds", "Blauer", "Blondel", "Bólido",
        "Bottom", "Cactus", "Centro", "Chop", "Consolidated", "Drachen", "Du", "Eastern", "Ernst", "Familia",
        "Folies", "Frankenversand", "Galería", "Godos", "Gourmet", "Great", "Hanari", "Hungry", "Island",
        "Königlich", "Laughing", "Lazy", "Lehmanns", "Magazzini", "Maison", "North", "Old", "Ottilies",
        "Paris", "Pericles", "Piccolo", "Princesa", "Queen", "Rattlesnake", "Richter", "Save", "Seven", "Simons",
        "Split", "Suprêmes", "Tortuga", "Toms", "Vaffeljernet", "Victuailles", "Wartian", "Wellington", "White"};
    private static final String[] COMPANY_SUFFIX = {"Futterkiste", "Emparedados", "Taquería", "Horn", "Trading",
        "Delikatessen", "See", "père et fils", "Comidas", "Markt", "Mercado", "Specialties", "Imports",
        "Market", "Supply", "Co.", "Ltd.", "Ouvrages", "bistro", "Cheese", "Exports", "Foods", "Grocery"};
    private static final String[] TITLES = {"Sales Representative", "Owner", "Order Administrator",
        "Marketing Manager", "Accounting Manager", "Sales Agent", "Sales Associate", "Sales Manager",
        "Marketing Assistant", "Purchasing Manager", "Export Administrator"};
    private static final String[] EMPLOYEE_TITLES = {"Sales Representative", "Vice President, Sales",
        "Sales Manager", "Inside Sales Coordinator", "Regional Manager", "Account Executive"};
    private static final String[] COURTESY = {"Ms.", "Mr.", "Mrs.", "Dr."};
    private static final String[] STREETS = {"Obere Str.", "Avda. de la Constitución", "Mataderos",
        "Hanover Sq.", "Berguvsvägen", "Forsterstr.", "place Kléber", "C/ Araquil", "rue des Bouchers",
        "Fauntleroy Circus", "Cerrito", "Sierras de Granada", "Hauptstr.", "Rua Orós", "Walserweg", "Kirchgasse"};
    private static final String[][] PLACES = {{"Berlin", null, "Germany"}, {"México D.F.", null, "Mexico"},
        {"London", null, "UK"}, {"Luleå", null, "Sweden"}, {"Mannheim", null, "Germany"},
        {"Strasbourg", null, "France"}, {"Madrid", null, "Spain"}, {"Marseille", null, "France"},
        {"Tsawassen", "BC", "Canada"}, {"Buenos Aires", null, "Argentina"}, {"Bern", null, "Switzerland"},
        {"São Paulo", "SP", "Brazil"}, {"Graz", null, "Austria"}, {"Lille", null, "France"},
        {"Seattle", "WA", "USA"}, {"Portland", "OR", "USA"}, {"Eugene", "OR", "USA"}, {"Anchorage", "AK", "USA"},
        {"Caracas", "DF", "Venezuela"}, {"Cork", "Co. Cork", "Ireland"}, {"Oulu", null, "Finland"},
        {"Torino", null, "Italy"}, {"Lisboa", null, "Portugal"}, {"Reims", null, "France"},
        {"Montréal", "Québec", "Canada"}, {"Århus", null, "Denmark"}, {"Kobenhavn", null, "Denmark"}};
    private static final String[] PRODUCT_WORDS = {"Chai", "Chang", "Aniseed", "Syrup", "Cajun", "Seasoning",
        "Gumbo", "Mix", "Boysenberry", "Spread", "Organic", "Dried", "Pears", "Cranberry", "Sauce", "Mishi",
        "Kobe", "Niku", "Ikura", "Queso", "Cabrales", "Manchego", "Konbu", "Tofu", "Genen", "Shouyu", "Pavlova",
        "Alice", "Mutton", "Carnarvon", "Tigers", "Teatime", "Chocolate", "Biscuits", "Scones", "Gustaf's",
        "Knäckebröd", "Tunnbröd", "Guaraná", "Fantástica", "Schoggi", "Rössle", "Sauerkraut", "Thüringer",
        "Rostbratwurst", "Nord-Ost", "Matjeshering", "Gorgonzola", "Telino", "Mascarpone", "Fabioli", "Geitost"};
    private static final String[] UNITS = {"10 boxes x 20 bags", "24 - 12 oz bottles", "12 - 550 ml bottles",
        "48 - 6 oz jars", "36 boxes", "12 - 8 oz jars", "12 - 1 lb pkgs.", "12 - 12 oz jars", "18 - 500 g pkgs.",
        "12 - 200 ml jars", "1 kg pkg.", "10 - 500 g pkgs.", "2 kg box", "40 - 100 g pkgs.", "24 - 250 ml bottles",
        "32 - 500 g boxes", "20 - 1 kg tins", "16 kg pkg.", "10 boxes x 12 pieces", "30 gift boxes"};
    private static final String[] NOTES = {
        "Education includes a BA in psychology from Colorado State University.",
        "Received a BA in fine arts from Tufts University.",
        "Holds a BA in English literature and is fluent in French and German.",
        "Graduated with a degree in business administration and joined the company as a sales representative.",
        "Completed a course in international marketing; reads and writes Japanese."};
    private static final int[] DISCOUNT_BASIS_POINTS = {0, 0, 0, 0, 0, 0, 500, 1000, 1500, 2000, 2500};

    /**
     * Generates every table in memory. The random streams are split off one root in a fixed order, so a table's
     * rows depend only on the seed and the scale.
     *
     * @return the rows, as COPY text
     */
    Generated generate() {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom employeeRandom = root.split();
        SplittableRandom customerRandom = root.split();
        SplittableRandom supplierRandom = root.split();
        SplittableRandom productRandom = root.split();
        SplittableRandom orderRandom = root.split();
        SplittableRandom detailRandom = root.split();

        CopyText employees = new CopyText(scale.employees() * 320);
        for (int id = 1; id <= scale.employees(); id++) {
            SplittableRandom r = employeeRandom;
            String[] place = pick(r, PLACES);
            employees.value(id).value(pick(r, LAST)).value(pick(r, FIRST)).value(pick(r, EMPLOYEE_TITLES))
                    .value(pick(r, COURTESY))
                    .value(LocalDate.of(1950, 1, 1).plusDays(r.nextInt(18_000)))
                    .value(LocalDate.of(2010, 1, 1).plusDays(r.nextInt(5_000)))
                    .value(address(r)).value(place[0]).value(postalCode(r)).value(place[2]).value(phone(r))
                    .value(100 + r.nextInt(9_900)).value(pick(r, NOTES))
                    // each employee reports to one hired before: a tree rooted at employee 1
                    .value(id == 1 ? null : Long.valueOf(1 + r.nextInt(id - 1)))
                    .endRow();
        }

        String[][] customerShipTo = new String[scale.customers() + 1][];
        CopyText customers = new CopyText(scale.customers() * 200);
        for (int id = 1; id <= scale.customers(); id++) {
            SplittableRandom r = customerRandom;
            String[] place = pick(r, PLACES);
            String company = company(r, id);
            String postal = postalCode(r);
            String region = place[1] != null ? place[1] : r.nextInt(5) == 0 ? "Region " + (1 + r.nextInt(40)) : null;
            customerShipTo[id] = new String[] {company, place[0], region, postal, place[2]};
            customers.value(id).value(company).value(person(r)).value(pick(r, TITLES)).value(address(r))
                    .value(place[0]).value(postal).value(region).value(place[2]).value(phone(r))
                    .value(r.nextBoolean() ? phone(r) : null)
                    .endRow();
        }

        CopyText suppliers = new CopyText(scale.suppliers() * 200);
        for (int id = 1; id <= scale.suppliers(); id++) {
            SplittableRandom r = supplierRandom;
            String[] place = pick(r, PLACES);
            suppliers.value(id).value(company(r, id)).value(person(r)).value(pick(r, TITLES)).value(address(r))
                    .value(place[0]).value(place[1]).value(postalCode(r)).value(place[2]).value(phone(r))
                    .endRow();
        }

        long[] priceCents = new long[scale.products() + 1];
        CopyText products = new CopyText(scale.products() * 120);
        for (int id = 1; id <= scale.products(); id++) {
            SplittableRandom r = productRandom;
            priceCents[id] = 100 + r.nextInt(29_900);
            products.value(id).value(pick(r, PRODUCT_WORDS) + " " + pick(r, PRODUCT_WORDS) + " " + id)
                    .value(pick(r, UNITS)).value(BigDecimal.valueOf(priceCents[id], 2))
                    .value(r.nextInt(151)).value(r.nextInt(101)).value(r.nextInt(31))
                    .value(r.nextInt(10) == 0 ? 1 : 0).value(1 + r.nextInt(scale.suppliers()))
                    .endRow();
        }

        CopyText orders = new CopyText(scale.orders() * 160);
        CopyText details = new CopyText(scale.orders() * 6 * 40);
        long[] chosen = new long[scale.maxDetails()];
        for (int id = 1; id <= scale.orders(); id++) {
            SplittableRandom r = orderRandom;
            int customer = 1 + r.nextInt(scale.customers());
            String[] shipTo = customerShipTo[customer];
            LocalDate ordered = EPOCH.plusDays(r.nextInt(1_827));
            orders.value(id).value(ordered).value(ordered.plusDays(14 + r.nextInt(29)))
                    .value(r.nextInt(20) == 0 ? null : ordered.plusDays(1 + r.nextInt(20)))
                    .value(1 + r.nextInt(3)).value(BigDecimal.valueOf(50 + r.nextInt(50_000), 2))
                    .value(shipTo[0]).value(shipTo[1]).value(shipTo[2]).value(shipTo[3]).value(shipTo[4])
                    .value(customer).value(1 + r.nextInt(scale.employees()))
                    .endRow();

            SplittableRandom d = detailRandom;
            double u = d.nextDouble();
            // 1 + floor(24·u³): most orders have a few lines, a few have many (mean about 6.5)
            int lines = 1 + (int) Math.floor((scale.maxDetails() - 1) * u * u * u);
            for (int i = 0; i < lines; i++) {
                long product;
                do {
                    product = 1 + d.nextInt(scale.products());
                } while (contains(chosen, i, product));
                chosen[i] = product;
                details.value(id).value(product).value(BigDecimal.valueOf(priceCents[(int) product], 2))
                        .value(1 + d.nextInt(60))
                        .value(BigDecimal.valueOf(DISCOUNT_BASIS_POINTS[d.nextInt(DISCOUNT_BASIS_POINTS.length)], 4))
                        .endRow();
            }
        }
        return new Generated(employees, customers, suppliers, products, orders, details);
    }

    private static boolean contains(long[] values, int count, long value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    private static <T> T pick(SplittableRandom r, T[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String company(SplittableRandom r, int id) {
        return pick(r, WORDS) + " " + pick(r, COMPANY_SUFFIX) + " " + id;
    }

    private static String person(SplittableRandom r) {
        return pick(r, FIRST) + " " + pick(r, LAST);
    }

    private static String address(SplittableRandom r) {
        return pick(r, STREETS) + " " + (1 + r.nextInt(200));
    }

    private static String postalCode(SplittableRandom r) {
        return String.format("%05d", r.nextInt(100_000));
    }

    private static String phone(SplittableRandom r) {
        return String.format("(%03d) %03d-%04d", r.nextInt(1_000), r.nextInt(1_000), r.nextInt(10_000));
    }

    /**
     * Loads the data into {@code SLEET_BENCH_DATABASE_URL} (or an embedded server, which is pointless except to
     * time the load) and prints what it found or did.
     *
     * @param args unused
     * @throws SQLException when the server refuses a statement
     */
    public static void main(String[] args) throws SQLException {
        try (dev.sleet.bench.BenchDatabase database = new dev.sleet.bench.BenchDatabase()) {
            Loaded loaded = ensureLoaded(database.pool());
            System.out.println((loaded.loaded() ? "loaded" : "already loaded") + " Northwind " + loaded.scale().name()
                    + " (seed " + loaded.seed() + ") in " + loaded.millis() + " ms: " + loaded.rows());
        }
    }
}
