package dev.sleet;

import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
import dev.sleet.query.Cte;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PgBouncer;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.sleet.Sql.cte;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.exists;
import static dev.sleet.Sql.in;
import static dev.sleet.Sql.sql;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The isolation property: 20 tenants with random data, and 3,000 random selects (joins, subqueries,
 * CTEs), relational queries (nested both ways, filtered on related rows), updates, deletes, inserts and upserts
 * through {@code forTenant}. Not one row of another tenant is read,
 * written or deleted: first with Sleet's own filters, then with them switched off and row-level security alone
 * (a role that does not own the tables, the standard isolation policy). With a pool of two connections, 50
 * interleaved tenants never see each other's tenant setting. And all of it again through a real PgBouncer in
 * transaction mode.
 */
@PostgresTest
class TenantIsolationPropertyTest {

    public static final class Projects extends Table {
        public static final Projects PROJECTS = new Projects();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<String> name = text("name").notNull();

        private Projects() {
            super("iso_projects");
            tenantIsolationPolicy();
            index("iso_projects_tenant_idx").on(tenantId);
        }
    }

    public static final class Documents extends Table {
        public static final Documents DOCUMENTS = new Documents();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<Long> projectId = bigint("project_id").notNull();
        public final Column<String> title = text("title").notNull();

        private Documents() {
            super("iso_documents");
            tenantIsolationPolicy();
            index("iso_documents_tenant_idx").on(tenantId);
        }
    }

    private static final Projects P = Projects.PROJECTS;
    private static final Documents D = Documents.DOCUMENTS;
    /** Documents may point at another tenant's project: the relations must not follow them across. */
    private static final Relations RELATIONS = Relations.builder()
            .many("documents", P.id, D.projectId)
            .one("project", D.projectId, P.id)
            .build();
    private static final int TENANTS = 20;
    private static final int OPERATIONS = 3000;
    private static final String ROLE = "sleet_iso_" + Long.toHexString(System.nanoTime());

    private static TestDatabase database;
    private static Db admin;

    @BeforeAll
    static void schema(TestDatabase db) throws SQLException {
        database = db;
        admin = Sleet.connect(db.url()).unscoped();
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(P, D)))) {
            admin.execute(statement);
        }
        // a role of this run only, which owns nothing: row-level security applies to it
        try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("create role " + ROLE);
            st.execute("grant select, insert, update, delete on iso_projects, iso_documents to " + ROLE);
        }
    }

    @AfterAll
    static void dropRole() throws SQLException {
        admin.close();
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("drop owned by " + ROLE);
            st.execute("drop role " + ROLE);
        }
    }

    @Test
    void sleetsFiltersKeepEveryTenantToItsOwnRows() {
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RELATIONS))) {
            run(db, new Random(20261121L));
        }
    }

    @Test
    void rowLevelSecurityAloneKeepsEveryTenantToItsOwnRows() {
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RELATIONS).tenantRole(ROLE)
                .tenantFilters(false))) {
            run(db, new Random(11212026L));
        }
    }

    @Test
    void aPoolOfTwoNeverHandsOneTenantsContextToAnother() throws Exception {
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RELATIONS).maxPoolSize(2))) {
            interleave(db);
        }
    }

    @Test
    void throughPgBouncerInTransactionModeBothLayersHold() throws Exception {
        // two server connections behind the bouncer, more clients than that in front of it
        try (PgBouncer bouncer = PgBouncer.start(database, 2)) {
            try (Db db = Sleet.connect(bouncer.jdbcUrl(), SleetOptions.defaults().relations(RELATIONS))) {
                run(db, new Random(6432L));
            }
            try (Db db = Sleet.connect(bouncer.jdbcUrl(), SleetOptions.defaults().relations(RELATIONS).tenantRole(ROLE)
                    .tenantFilters(false))) {
                run(db, new Random(2346L));
            }
            try (Db db = Sleet.connect(bouncer.jdbcUrl(), SleetOptions.defaults().maxPoolSize(6))) {
                interleave(db);
            }
        }
    }

    /** 50 tenants from six threads: each statement sees its own tenant setting, the plain Db none. */
    private static void interleave(Db db) throws Exception {
        seed(new Random(7));
        QueryPart setting = Sql.tenantSafe(sql("select current_setting('app.current_tenant', true) as t"));
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (long tenant = 1; tenant <= 50; tenant++) {
                long t = tenant;
                done.add(threads.submit(() -> {
                    Db scoped = db.forTenant(t);
                    int checks = 0;
                    for (int i = 0; i < 10; i++) {
                        assertThat(scoped.fetch(setting).get(0).get("t")).isEqualTo(Long.toString(t));
                        assertThat(scoped.select(P.tenantId).from(P).fetch()).allSatisfy(r ->
                                assertThat(r.get(P.tenantId)).isEqualTo(t));
                        Object plain = db.fetch(sql("select current_setting('app.current_tenant', true) as t"))
                                .get(0).get("t");
                        assertThat(plain == null || "".equals(plain)).as("unscoped sees %s", plain)
                                .isEqualTo(true);
                        Object inTx = scoped.transactionResult(tx -> tx.fetch(setting).get(0).get("t"));
                        assertThat(inTx).isEqualTo(Long.toString(t));
                        checks += 4;
                    }
                    return checks;
                }));
            }
            int total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            assertThat(total).isEqualTo(50 * 40);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------- the property

    private static void run(Db db, Random random) {
        seed(random);
        int reads = 0;
        int writes = 0;
        long relationalRows = 0;
        for (int op = 0; op < OPERATIONS; op++) {
            long tenant = 1 + random.nextInt(TENANTS);
            Db scoped = db.forTenant(tenant);
            int kind = random.nextInt(13);
            if (kind >= 11) {
                relationalRows += relational(scoped, tenant, kind, random);
                reads++;
            } else if (kind < 5) {
                read(scoped, tenant, kind, random);
                reads++;
            } else {
                String others = othersFingerprint(tenant);
                try {
                    write(scoped, tenant, kind, random);
                } catch (SleetException refused) {
                    // row-level security refuses some writes outright (an upsert onto another tenant's row)
                }
                assertThat(othersFingerprint(tenant)).as("operation %d (%d) of tenant %d changed another tenant's "
                        + "rows", op, kind, tenant).isEqualTo(others);
                writes++;
            }
        }
        assertThat(reads + writes).isEqualTo(OPERATIONS);
        assertThat(relationalRows).as("rows checked at every depth of relational reads").isGreaterThan(OPERATIONS);
    }

    private static void read(Db scoped, long tenant, int kind, Random random) {
        List<Row> rows;
        switch (kind) {
            case 0 -> rows = scoped.select(P.tenantId).from(P).where(Sql.gt(P.id, (long) random.nextInt(400)))
                    .fetch();
            case 1 -> rows = scoped.select(P.tenantId, D.tenantId).from(P)
                    .leftJoin(D).on(eq(D.projectId, P.id)).fetch();
            case 2 -> rows = scoped.select(D.tenantId).from(D)
                    .where(exists(scoped.select(P.id).from(P).where(eq(P.id, D.projectId)))).fetch();
            case 3 -> rows = scoped.select(D.tenantId).from(D)
                    .where(in(D.projectId, scoped.select(P.id).from(P))).fetch();
            default -> {
                Cte docs = cte("docs").as(scoped.select(D.tenantId, D.projectId).from(D));
                rows = scoped.with(docs).select(docs.field(D.tenantId), P.tenantId).from(docs)
                        .innerJoin(P).on(eq(P.id, docs.field(D.projectId))).fetch();
            }
        }
        for (Row r : rows) {
            for (int c = 0; c < r.size(); c++) {
                Object value = r.get(c, Long.class);
                if (value != null) {
                    assertThat(value).as("read kind %d of tenant %d", kind, tenant).isEqualTo(tenant);
                }
            }
        }
    }

    /** Relational queries, nested both ways, with filters on related rows: every row at every depth is the tenant's. */
    private static int relational(Db scoped, long tenant, int kind, Random random) {
        long from = random.nextInt(TENANTS * 10);
        List<Row> rows = kind == 11
                ? scoped.query(P).where(Sql.gt(P.id, from)).orderBy(P.id).limit(1 + random.nextInt(20))
                        .with("documents", d -> d.orderBy(Sql.desc(D.id)).limit(random.nextInt(10))
                                .with("project", p -> p.with("documents")))
                        .findMany()
                : scoped.query(D).where(Sql.related("project", Sql.gt(P.id, from)))
                        .with("project", p -> p.with("documents", d -> d.where(Sql.related("project"))))
                        .findMany();
        int seen = 0;
        for (Row r : rows) {
            seen += ownRows(r, tenant, kind);
        }
        return seen;
    }

    /** Checks a row and its related rows at every depth; returns how many rows it checked. */
    private static int ownRows(Row row, long tenant, int kind) {
        assertThat(row.get("tenant_id")).as("relational read %d of tenant %d", kind, tenant).isEqualTo(tenant);
        int seen = 1;
        for (String relation : List.of("documents", "project")) {
            if (!row.toMap().containsKey(relation)) {
                continue;
            }
            if (row.get(relation) instanceof List<?>) {
                for (Row r : row.rows(relation)) {
                    seen += ownRows(r, tenant, kind);
                }
            } else if (row.row(relation) != null) {
                seen += ownRows(row.row(relation), tenant, kind);
            }
        }
        return seen;
    }

    private static void write(Db scoped, long tenant, int kind, Random random) {
        long anyProject = 1 + random.nextInt(TENANTS * 10);
        long anyDocument = 1 + random.nextInt(TENANTS * 30);
        switch (kind) {
            case 5 -> scoped.update(D).set(D.title, "u" + random.nextInt(1000)).where(eq(D.projectId, anyProject))
                    .execute();
            case 6 -> scoped.delete(D).where(eq(D.id, anyDocument)).execute();
            case 7 -> scoped.insert(D).set(D.id, 100_000L + random.nextInt(1_000_000))
                    .set(D.projectId, anyProject).set(D.title, "new").onConflictDoNothing(D.id).execute();
            case 8 -> scoped.insert(P).set(P.id, anyProject).set(P.name, "upserted")
                    .onConflict(P.id).doUpdate(u -> u.set(P.name, "upserted")).execute();
            case 9 -> scoped.update(P).set(P.name, "all").all().execute();
            default -> {
                // insert ... select: copies of the tenant's documents of one project (only the tenant's are read)
                long offset = 10_000_000L + random.nextInt(1000) * 10_000L;
                scoped.insert(D).select(scoped.select(Sql.sql(D.id, "{0} + " + offset, D.id).as("id"), D.projectId,
                        D.title).from(D).where(eq(D.projectId, anyProject))).onConflictDoNothing(D.id).execute();
            }
        }
    }

    private static String othersFingerprint(long tenant) {
        Row r = admin.fetch(sql("select (select coalesce(md5(string_agg(p::text, ',' order by p.id)), '') "
                + "from {0} p where p.tenant_id <> {1}) || (select coalesce(md5(string_agg(d::text, ',' order by "
                + "d.id)), '') from {2} d where d.tenant_id <> {1}) as f", P, tenant, D)).get(0);
        return (String) r.get("f");
    }

    /** 10 projects per tenant, 30 documents per tenant, some pointing at other tenants' projects. */
    private static void seed(Random random) {
        admin.execute(sql("truncate {0}, {1}", P, D));
        long project = 1;
        long document = 1;
        for (long t = 1; t <= TENANTS; t++) {
            for (int i = 0; i < 10; i++, project++) {
                admin.insert(P).set(P.id, project).set(P.tenantId, t).set(P.name, "p" + project).execute();
            }
        }
        for (long t = 1; t <= TENANTS; t++) {
            for (int i = 0; i < 30; i++, document++) {
                long target = random.nextInt(5) == 0 ? 1 + random.nextInt(TENANTS * 10) : (t - 1) * 10 + 1
                        + random.nextInt(10);
                admin.insert(D).set(D.id, document).set(D.tenantId, t).set(D.projectId, target)
                        .set(D.title, "d" + document).execute();
            }
        }
    }
}
