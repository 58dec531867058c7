package dev.sleet.bench;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.asc;

/**
 * What tenant isolation costs: one tenant's page of 50 documents (by id) out of 200,000 rows of 100 tenants,
 * with an index on the tenant key. The seeds report +8–16% for row-level security with an indexed
 * {@code tenant_id}; this measures it on this machine, and what Sleet's tenant scope adds.
 *
 * <ul>
 *   <li>{@code rawJdbc}: {@code where tenant_id = ?}, autocommit, as the tables' owner (no policy applies);</li>
 *   <li>{@code rawJdbcTenantTransaction}: the same in a transaction that first sets the tenant
 *       ({@code set_config(..., true)}), still as the owner: the cost of the tenant context alone;</li>
 *   <li>{@code rawJdbcOwnerRole}: that transaction switching the role to the owner itself in the same
 *       statement ({@code set_config('role', ..., true)}), so no policy applies;</li>
 *   <li>{@code rawJdbcRowLevelSecurity}: the same switching to a role that owns nothing, so the isolation
 *       policy applies: against the previous one, the cost of the policy alone;</li>
 *   <li>{@code sleetForTenant}: {@code db.forTenant(id)} (Sleet's filter, the tenant set), as the owner;</li>
 *   <li>{@code sleetForTenantWithRowLevelSecurity}: the same with {@code tenantRole}, so the policy applies.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TenancyBenchmark {

    /** The tenant-owned table. */
    public static final class Documents extends Table {
        static final Documents DOCUMENTS = new Documents();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        final Column<String> title = text("title").notNull();
        final Column<Integer> size = integer("size").notNull();

        private Documents() {
            super("bench_tenant_documents");
            tenantIsolationPolicy();
            index("bench_tenant_documents_tenant_idx").on(tenantId, id);
        }
    }

    private static final int TENANTS = 100;
    private static final int ROWS = 200_000;
    private static final String ROLE = "bench_tenant_app";
    private static final String SQL = "select id, title, size from bench_tenant_documents where tenant_id = ? "
            + "order by id limit 50";

    private BenchDatabase database;
    private String owner;
    private String sleetSql;
    private Db db;
    private Db withRole;

    /** Creates and fills the table and the role once. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = new BenchDatabase();
        db = Sleet.connect(database.pool());
        withRole = Sleet.connect(database.pool(), SleetOptions.defaults().tenantRole(ROLE));
        Documents d = Documents.DOCUMENTS;
        try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_tenant_documents");
            st.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + ROLE + "') then "
                    + "create role " + ROLE + "; end if; end $$");
        }
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(d)))) {
            db.execute(statement);
        }
        try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
            st.execute("grant select on bench_tenant_documents to " + ROLE);
            st.execute("insert into bench_tenant_documents (id, tenant_id, title, size) select g, 1 + g % "
                    + TENANTS + ", 'document ' || g, g % 1000 from generate_series(1, " + ROWS + ") g");
            st.execute("vacuum analyze bench_tenant_documents");
            try (ResultSet rs = st.executeQuery("select current_user")) {
                rs.next();
                owner = rs.getString(1);
            }
        }
        sleetSql = db.forTenant(1L).select(d.id, d.title, d.size).from(d).orderBy(asc(d.id)).limit(50).toSql().sql()
                .replaceAll("\\$\\d+", "?");
    }

    /** Stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        database.close();
    }

    private static long tenant() {
        return 1 + ThreadLocalRandom.current().nextInt(TENANTS);
    }

    /**
     * The reference.
     *
     * @return the rows
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Object[]> rawJdbc() throws SQLException {
        try (Connection c = database.pool().getConnection()) {
            return page(c, tenant(), SQL);
        }
    }

    /**
     * The tenant set in a transaction first, as the owner.
     *
     * @return the rows
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Object[]> rawJdbcTenantTransaction() throws SQLException {
        return inTenantTransaction(null, SQL);
    }

    /**
     * The tenant set and the role switched to the owner itself, so no policy applies: the same round trips as
     * {@link #rawJdbcRowLevelSecurity()}, without the policy.
     *
     * @return the rows
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Object[]> rawJdbcOwnerRole() throws SQLException {
        return inTenantTransaction(owner, SQL);
    }

    /**
     * The tenant set and the role switched, so the isolation policy applies.
     *
     * @return the rows
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Object[]> rawJdbcRowLevelSecurity() throws SQLException {
        return inTenantTransaction(ROLE, SQL);
    }

    private List<Object[]> inTenantTransaction(String role, String sql) throws SQLException {
        long tenant = tenant();
        try (Connection c = database.pool().getConnection()) {
            c.setAutoCommit(false);
            try {
                // the tenant and the role in one round trip, as Sleet does
                try (PreparedStatement ps = c.prepareStatement(role == null
                        ? "select set_config('app.current_tenant', ?, true)"
                        : "select set_config('app.current_tenant', ?, true), set_config('role', ?, true)")) {
                    ps.setString(1, Long.toString(tenant));
                    if (role != null) {
                        ps.setString(2, role);
                    }
                    ps.execute();
                }
                List<Object[]> rows = page(c, tenant, sql);
                c.commit();
                return rows;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** One page: the query binds the tenant as its only parameter. */
    private static List<Object[]> page(Connection c, long tenant, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, tenant);
            try (ResultSet rs = ps.executeQuery()) {
                List<Object[]> out = new ArrayList<>(50);
                while (rs.next()) {
                    out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getInt(3)});
                }
                return out;
            }
        }
    }

    /**
     * The tenant transaction running the SQL text Sleet renders for {@link #sleetForTenant()}: tells the
     * server's share of a difference (the query's shape) from Sleet's.
     *
     * @return the rows
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<Object[]> rawJdbcWithSleetSql() throws SQLException {
        return inTenantTransaction(null, sleetSql);
    }

    /**
     * Sleet's tenant scope, as the owner.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> sleetForTenant() {
        Documents d = Documents.DOCUMENTS;
        return db.forTenant(tenant()).select(d.id, d.title, d.size).from(d).orderBy(asc(d.id)).limit(50).fetch();
    }

    /**
     * Sleet's tenant scope with the role, so the policy applies too.
     *
     * @return the rows
     */
    @Benchmark
    public List<Row> sleetForTenantWithRowLevelSecurity() {
        Documents d = Documents.DOCUMENTS;
        return withRole.forTenant(tenant()).select(d.id, d.title, d.size).from(d).orderBy(asc(d.id)).limit(50)
                .fetch();
    }
}
