package dev.sleet;

import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db.forTenantSchema(name)}: one set of table classes, each tenant's rows in a schema of its own. */
@PostgresTest
class ForTenantSchemaTest {

    public enum Stage { draft, live }

    public static final class Enums {
        public static final PgEnum<Stage> STAGE = PgEnum.of("ts_stage", Stage.class);
    }

    public static final class Pages extends Table {
        public static final Pages PAGES = new Pages();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<String> title = text("title").notNull();
        public final Column<Stage> stage = enumeration("stage", Enums.STAGE).notNull().defaultValue(Stage.draft);

        private Pages() {
            super("ts_pages");
        }
    }

    /** Shared by every tenant: declared in a schema of its own, which the tenant schema does not replace. */
    public static final class Plans extends Table {
        public static final Plans PLANS = new Plans();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<String> name = text("name").notNull();

        private Plans() {
            super("shared", "ts_plans");
        }
    }

    private static final Pages P = Pages.PAGES;
    private static Db db;

    @BeforeAll
    static void schemas(TestDatabase database) {
        db = Sleet.connect(database.url());
        db.execute(sql("create schema shared"));
        db.execute(new dev.sleet.ddl.CreateTable(Plans.PLANS));
        db.unscoped().insert(Plans.PLANS).set(Plans.PLANS.id, 1L).set(Plans.PLANS.name, "free").execute();
        for (String tenant : List.of("tenant_acme", "tenant_globex")) {
            db.execute(sql("create schema " + tenant));
            Db scoped = db.forTenantSchema(tenant);
            // DDL through the schema-scoped Db lands in the tenant's schema, the enum type too
            for (QueryPart statement : SchemaDdl.create(new Schema(List.of(Enums.STAGE), List.of(P)))) {
                scoped.execute(Sql.tenantSafe(statement));
            }
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void eachTenantReadsAndWritesItsOwnSchema() {
        Db acme = db.forTenantSchema("tenant_acme");
        Db globex = db.forTenantSchema("tenant_globex");

        acme.insert(P).set(P.id, 1L).set(P.title, "Acme home").set(P.stage, Stage.live).execute();
        globex.insert(P).set(P.id, 1L).set(P.title, "Globex home").execute();
        globex.update(P).set(P.title, "Globex start").where(eq(P.id, 1L)).execute();

        assertThat(acme.select(P.title, P.stage).from(P).fetch()).extracting(r -> r.get(P.title) + "/" + r.get(P.stage))
                .containsExactly("Acme home/live");
        assertThat(globex.select(P.title).from(P).fetch()).extracting(r -> r.get(P.title))
                .containsExactly("Globex start");
        assertThat(acme.select(P.title).from(P).toSql().sql()).contains("from \"tenant_acme\".\"ts_pages\"");
        assertThat(acme.count(Plans.PLANS)).as("a shared table stays in its schema").isEqualTo(1);
        int deleted = globex.transactionResult(tx -> tx.delete(P).all().execute());
        assertThat(deleted).isEqualTo(1);
        assertThat(acme.count(P)).isEqualTo(1);
    }

    @Test
    void rawSqlAndNestingAreRefused() {
        Db acme = db.forTenantSchema("tenant_acme");

        assertThatThrownBy(() -> acme.fetch(sql("select * from ts_pages")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sql.tenantSafe");
        assertThatThrownBy(() -> acme.forTenantSchema("tenant_globex")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> db.forTenantSchema("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(acme.toString()).isEqualTo("Db[tenant schema tenant_acme]");
    }
}
