package dev.sleet.schema;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code tenantKey()} and the standard isolation policy: declared in one call, enforced by PostgreSQL. */
@PostgresTest
class TenantIsolationPolicyTest {

    static final class Projects extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        final Column<String> name = text("name").notNull();

        Projects() {
            super("tenant_projects");
            tenantIsolationPolicy();
            forceRowLevelSecurity();
        }
    }

    static final class Documents extends Table {
        final Column<UUID> tenantId = uuid("tenant_id").tenantKey();
        final Column<String> title = text("title");

        Documents() {
            super("tenant_documents");
            tenantIsolationPolicy();
        }
    }

    static final class PolicyWithoutKey extends Table {
        final Column<Long> id = bigint("id");

        PolicyWithoutKey() {
            super("bad");
            tenantIsolationPolicy();
        }
    }

    static final class TwoKeys extends Table {
        final Column<Long> a = bigint("a").tenantKey();
        final Column<Long> b = bigint("b").tenantKey();

        TwoKeys() {
            super("bad");
        }
    }

    @Test
    void theKeyIsNotNullAndThePolicyCastsTheSettingToItsType() {
        Projects projects = new Projects();
        Documents documents = new Documents();

        assertThat(projects.tenantKey()).isSameAs(projects.tenantId);
        assertThat(projects.tenantId.isNotNull()).isTrue();
        assertThat(projects.policies()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("tenant_projects_tenant_isolation");
            assertThat(p.using()).isEqualTo("\"tenant_id\" = nullif(current_setting('app.current_tenant', true), '')"
                    + "::bigint");
            assertThat(p.withCheck()).isEqualTo(p.using());
        });
        assertThat(documents.policies().get(0).using()).endsWith("::uuid");
        assertThat(documents.isRowLevelSecurityEnabled()).isTrue();
        assertThat(new Table("plain") { }.tenantKey()).isNull();
    }

    @Test
    void aPolicyWithoutAKeyAndASecondKeyFailWhileTheTableInitialises() {
        assertThatThrownBy(PolicyWithoutKey::new).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("tenantIsolationPolicy() needs a column declared tenantKey()");
        assertThatThrownBy(TwoKeys::new).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("a is already the tenant key");
    }

    @Test
    void postgresShowsAndTakesOnlyTheRowsOfTheTenantTheTransactionSet(TestDatabase database) throws SQLException {
        Projects projects = new Projects();
        // a role of this run only: roles belong to the whole cluster, which other test runs may share
        String role = "sleet_tenant_" + Long.toHexString(System.nanoTime());
        try (Db db = Sleet.connect(database.url())) {
            for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(projects)))) {
                db.execute(statement);
            }
        }
        try (Connection c = database.dataSource().getConnection(); Statement st = c.createStatement()) {
            st.execute("create role " + role);
            try {
                st.execute("grant select, insert, update, delete on tenant_projects to " + role);
                st.execute("insert into tenant_projects (tenant_id, name) values (1, 'a1'), (1, 'a2'), (2, 'b1')");
                c.setAutoCommit(false);

                st.execute("set local role " + role);
                assertThat(count(c)).as("no tenant set: no rows").isZero();
                setTenant(c, "1");
                assertThat(count(c)).isEqualTo(2);
                assertThat(st.executeUpdate("update tenant_projects set name = 'x'")).isEqualTo(2);
                assertThatThrownBy(() -> st.execute("insert into tenant_projects (tenant_id, name) values (2, 'sneak')"))
                        .hasMessageContaining("row-level security policy");
                c.rollback();

                st.execute("set local role " + role);
                setTenant(c, "2");
                assertThat(count(c)).isEqualTo(1);
                c.commit();
                // transaction-local: the next transaction starts with no tenant
                st.execute("set local role " + role);
                assertThat(count(c)).isZero();
                c.rollback();
            } finally {
                c.setAutoCommit(true);
                st.execute("drop owned by " + role);
                st.execute("drop role " + role);
            }
        }
    }

    private static void setTenant(Connection c, String tenant) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select set_config('app.current_tenant', ?, true)")) {
            ps.setString(1, tenant);
            ps.execute();
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from tenant_projects")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
