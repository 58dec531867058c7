package dev.sleet;

import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.query.Cte;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.cte;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.exists;
import static dev.sleet.Sql.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db.forTenant(id)}: every table a statement reads or writes is limited to the tenant. */
@PostgresTest
class ForTenantTest {

    public static final class Projects extends Table {
        public static final Projects PROJECTS = new Projects();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<String> name = text("name").notNull();

        private Projects() {
            super("ft_projects");
        }
    }

    public static final class Documents extends Table {
        public static final Documents DOCUMENTS = new Documents();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<Long> projectId = bigint("project_id").notNull();
        public final Column<String> title = text("title").notNull();

        private Documents() {
            super("ft_documents");
        }
    }

    /** Shared by every tenant. */
    public static final class Plans extends Table {
        public static final Plans PLANS = new Plans();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<String> name = text("name").notNull();

        private Plans() {
            super("ft_plans");
        }
    }

    private static final Projects P = Projects.PROJECTS;
    private static final Documents D = Documents.DOCUMENTS;
    private static Db db;
    /** Across tenants, for setting up and checking. */
    private static Db admin;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = Sleet.connect(database.url());
        admin = db.unscoped();
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(P, D, Plans.PLANS)))) {
            db.execute(statement);
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void data() {
        admin.execute(sql("truncate {0}, {1}, {2}", P, D, Plans.PLANS));
        project(1L, 1L, "a-one");
        project(2L, 1L, "a-two");
        project(3L, 2L, "b-one");
        // document 12 belongs to tenant 2 but points at tenant 1's project: a join must not bring it in
        document(10L, 1L, 1L, "a-doc");
        document(11L, 2L, 3L, "b-doc");
        document(12L, 2L, 1L, "b-stray");
        admin.insert(Plans.PLANS).set(Plans.PLANS.id, 1L).set(Plans.PLANS.name, "free").execute();
    }

    private static void project(long id, long tenant, String name) {
        admin.insert(P).set(P.id, id).set(P.tenantId, tenant).set(P.name, name).execute();
    }

    private static void document(long id, long tenant, long project, String title) {
        admin.insert(D).set(D.id, id).set(D.tenantId, tenant).set(D.projectId, project).set(D.title, title).execute();
    }

    @Test
    void aSelectAndACountSeeOnlyTheTenantsRows() {
        Db a = db.forTenant(1L);

        assertThat(a.select(P.name).from(P).orderBy(P.id).fetch()).extracting(r -> r.get(P.name))
                .containsExactly("a-one", "a-two");
        assertThat(a.count(P)).isEqualTo(2);
        assertThat(db.forTenant(2L).count(P)).isEqualTo(1);
        assertThat(db.forTenant(3L).count(P)).isZero();
        assertThat(a.count(Plans.PLANS)).as("a table no tenant owns").isEqualTo(1);
        assertThat(a.select(P.name).from(P).toSql().sql()).contains("(select * from \"ft_projects\" where "
                + "\"tenant_id\" = $1) as \"ft_projects\"");
    }

    @Test
    void joinsSubqueriesAndCtesAreScopedToo() {
        Db a = db.forTenant(1L);

        List<Row> joined = a.select(P.name, D.title).from(P).leftJoin(D).on(eq(D.projectId, P.id)).orderBy(P.id)
                .fetch();
        assertThat(joined).extracting(r -> r.get(P.name) + ":" + r.get(D.title))
                .containsExactly("a-one:a-doc", "a-two:null");

        // a subquery built from the unscoped Db is scoped where it runs
        List<Row> withDocs = a.select(P.name).from(P)
                .where(exists(db.select(D.id).from(D).where(eq(D.projectId, P.id)))).fetch();
        assertThat(withDocs).extracting(r -> r.get(P.name)).containsExactly("a-one");

        Cte docs = cte("docs").as(db.select(D.id, D.title).from(D));
        assertThat(a.with(docs).select(docs.field(D.title)).from(docs).fetch()).extracting(r -> r.get(0, String.class))
                .containsExactly("a-doc");
    }

    @Test
    void updatesAndDeletesTouchOnlyTheTenantsRowsAndNeverMoveOne() {
        Db b = db.forTenant(2L);

        assertThat(b.update(D).set(D.title, "renamed").all().execute()).isEqualTo(2);
        assertThat(b.update(P).set(P.name, "x").where(eq(P.id, 1L)).execute()).as("tenant 1's project").isZero();
        assertThat(b.delete(D).where(eq(D.projectId, 1L)).execute()).isEqualTo(1);
        assertThat(admin.select(D.title).from(D).orderBy(D.id).fetch()).extracting(r -> r.get(D.title))
                .containsExactly("a-doc", "renamed");
        assertThatThrownBy(() -> b.update(P).set(P.tenantId, 1L).all().execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot set the tenant key");
        assertThat(db.forTenant(1L).delete(P).all().execute()).isEqualTo(2);
        assertThat(admin.count(P)).isEqualTo(1);
    }

    @Test
    void thePlainDbRefusesTenantOwnedTablesUnlessUnscopedOrAllowed(TestDatabase database) {
        assertThatThrownBy(() -> db.select(P.name).from(P).fetch()).isInstanceOf(IllegalStateException.class)
                .hasMessage("ft_projects is tenant-owned (tenant_id): reach it through db.forTenant(id), or through "
                        + "db.unscoped() where working across tenants is meant");
        assertThatThrownBy(() -> db.select(Plans.PLANS.name).from(Plans.PLANS)
                .where(exists(db.select(D.id).from(D))).fetch()).as("in a subquery too")
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.update(P).set(P.name, "x").all().execute()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.delete(D).all().execute()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.insert(P).set(P.id, 5L).set(P.tenantId, 1L).set(P.name, "x").execute())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.copyOut(P)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.transaction(tx -> tx.count(P))).isInstanceOf(IllegalStateException.class);
        assertThat(db.count(Plans.PLANS)).as("tables no tenant owns are not guarded").isEqualTo(1);

        long inTransaction = db.transactionResult(tx -> tx.unscoped().count(P));
        assertThat(inTransaction).isEqualTo(3);
        try (Db allowed = Sleet.connect(database.url(), SleetOptions.defaults().unscopedTenantAccess(true))) {
            assertThat(allowed.count(P)).isEqualTo(3);
        }
    }

    @Test
    void anInsertGetsTheTenantKeyAndCannotNameAnotherTenant() {
        Db a = db.forTenant(1L);

        a.insert(P).set(P.id, 20L).set(P.name, "filled").execute();
        a.insert(P).set(P.id, 21L).set(P.tenantId, 1L).set(P.name, "named").execute();
        assertThat(admin.select(P.tenantId).from(P).where(Sql.in(P.id, 20L, 21L)).fetch())
                .extracting(r -> r.get(P.tenantId)).containsExactly(1L, 1L);
        assertThatThrownBy(() -> a.insert(P).set(P.id, 22L).set(P.tenantId, 2L).set(P.name, "x").execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 sets tenant_id to another");
        assertThat(admin.count(P, eq(P.id, 22L))).isZero();
    }

    @Test
    void anInsertSelectCopiesOnlyTheTenantsRowsAndGivesThemTheTenant() {
        Db a = db.forTenant(1L);

        // copies of tenant 1's documents as projects: the select reads tenant 1's rows only
        int copied = a.insert(P).select(db.select(Sql.sql(P.id, "{0} + 100", D.id).as("id"), D.title.as("name"))
                .from(D)).execute();

        assertThat(copied).isEqualTo(1);
        assertThat(admin.select(P.id, P.tenantId, P.name).from(P).where(Sql.gt(P.id, 100L)).fetch())
                .extracting(r -> r.get(P.id) + ":" + r.get(P.tenantId) + ":" + r.get(P.name))
                .containsExactly("110:1:a-doc");
    }

    @Test
    void anUpsertNeverUpdatesAnotherTenantsRow() {
        Db b = db.forTenant(2L);

        // project 1 is tenant 1's: the conflict is found, and the update skipped
        int touched = b.insert(P).set(P.id, 1L).set(P.name, "taken").onConflict(P.id)
                .doUpdate(u -> u.set(P.name, "taken")).execute();
        int own = b.insert(P).set(P.id, 3L).set(P.name, "b-renamed").onConflict(P.id)
                .doUpdate(u -> u.set(P.name, "b-renamed")).execute();

        assertThat(touched).isZero();
        assertThat(own).isEqualTo(1);
        assertThat(admin.select(P.name).from(P).orderBy(P.id).fetch()).extracting(r -> r.get(P.name))
                .containsExactly("a-one", "a-two", "b-renamed");
    }

    @Test
    void theTenantIsSetForEachStatementsTransactionAndNotKeptByThePool() {
        Db a = db.forTenant(7L);
        QueryPart setting = sql("select current_setting('app.current_tenant', true) as t");

        assertThat(a.fetch(Sql.tenantSafe(setting)).get(0).get("t")).isEqualTo("7");
        Object inTransaction = a.transactionResult(tx -> tx.fetch(Sql.tenantSafe(setting)).get(0).get("t"));
        assertThat(inTransaction).isEqualTo("7");
        for (int i = 0; i < 5; i++) {
            Object after = db.fetch(setting).get(0).get("t");
            assertThat(after == null || after.equals("")).as("a pooled connection keeps no tenant: %s", after)
                    .isEqualTo(true);
        }
    }

    @Test
    void rawSqlInsertsAndWrongKeysAreRefusedWithTheWayOut() {
        Db a = db.forTenant(1L);

        assertThatThrownBy(() -> a.fetch(sql("select * from {0}", P))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Sql.tenantSafe");
        assertThatThrownBy(() -> a.insert(P).select(db.select(P.id, P.tenantId, P.name).from(P)).execute())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leave it out of the select");
        assertThatThrownBy(() -> a.copyOut(P)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(a.insert(Plans.PLANS).set(Plans.PLANS.id, 2L).set(Plans.PLANS.name, "pro").execute()).isEqualTo(1);
        assertThatThrownBy(() -> db.forTenant(1).count(P)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pass the tenant id as a Long");
        assertThatThrownBy(() -> a.forTenant(2L)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.transaction(tx -> tx.forTenant(1L))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db.forTenant(id).transaction");
    }
}
