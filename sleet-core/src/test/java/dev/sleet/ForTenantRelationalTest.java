package dev.sleet;

import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.related;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Relational queries through {@code db.forTenant(id)}: every level, and every related-row filter, is the tenant's. */
@PostgresTest
class ForTenantRelationalTest {

    public static final class Projects extends Table {
        public static final Projects PROJECTS = new Projects();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<String> name = text("name").notNull();

        private Projects() {
            super("ftr_projects");
        }
    }

    public static final class Documents extends Table {
        public static final Documents DOCUMENTS = new Documents();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<Long> projectId = bigint("project_id").notNull();
        public final Column<String> title = text("title").notNull();

        private Documents() {
            super("ftr_documents");
        }
    }

    /** Labels shared by every tenant, and a junction that is tenant-owned. */
    public static final class Labels extends Table {
        public static final Labels LABELS = new Labels();
        public final Column<Long> id = bigint("id").primaryKey();
        public final Column<String> name = text("name").notNull();

        private Labels() {
            super("ftr_labels");
        }
    }

    public static final class DocumentLabels extends Table {
        public static final DocumentLabels DOCUMENT_LABELS = new DocumentLabels();
        public final Column<Long> tenantId = bigint("tenant_id").tenantKey();
        public final Column<Long> documentId = bigint("document_id").notNull();
        public final Column<Long> labelId = bigint("label_id").notNull();

        private DocumentLabels() {
            super("ftr_document_labels");
        }
    }

    private static final Projects P = Projects.PROJECTS;
    private static final Documents D = Documents.DOCUMENTS;
    private static final Labels L = Labels.LABELS;
    private static final DocumentLabels DL = DocumentLabels.DOCUMENT_LABELS;
    private static final Relations RELATIONS = Relations.builder()
            .many("documents", P.id, D.projectId)
            .one("project", D.projectId, P.id)
            .many("labels", D.id, DL.documentId, DL.labelId, L.id)
            .many("documents", L.id, DL.labelId, DL.documentId, D.id)
            .build();
    private static Db db;

    @BeforeAll
    static void schema(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RELATIONS));
        Db admin = db.unscoped();
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(P, D, L, DL)))) {
            admin.execute(statement);
        }
        // tenant 2's document 21 points at tenant 1's project 1, and tenant 2 labelled tenant 1's document 10
        admin.execute(ctx -> ctx.sql("""
                insert into ftr_projects values (1, 1, 'one'), (2, 2, 'two');
                insert into ftr_documents values (10, 1, 1, 'mine'), (20, 2, 2, 'theirs'), (21, 2, 1, 'sneaky');
                insert into ftr_labels values (1, 'red'), (2, 'blue');
                insert into ftr_document_labels values (1, 10, 1), (2, 10, 2), (2, 20, 2), (2, 21, 1)
                """));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aScopedRelationalQueryNeverReturnsAnotherTenantsRelatedRows() {
        List<Row> projects = db.forTenant(1L).query(P).with("documents", d -> d.with("labels").with("project"))
                .findMany();
        assertThat(projects).extracting(r -> r.get("id")).containsExactly(1L);
        List<Row> documents = projects.get(0).rows("documents");
        assertThat(documents).extracting(r -> r.get("title")).containsExactly("mine");   // not "sneaky"
        assertThat(documents.get(0).rows("labels")).extracting(r -> r.get("name")).containsExactly("red");

        // tenant 2's document points at tenant 1's project: to tenant 2 that project does not exist
        List<Row> theirs = db.forTenant(2L).query(D).where(eq(D.id, 21L)).with("project").with("labels").findMany();
        assertThat(theirs.get(0).row("project")).isNull();
        assertThat(theirs.get(0).rows("labels")).extracting(r -> r.get("name")).containsExactly("red");
    }

    @Test
    void filtersOnRelatedRowsSeeOnlyTheTenantsRows() {
        // project 1 has tenant 2's "sneaky" document; tenant 1 must not find it through related(...)
        assertThat(db.forTenant(1L).query(P).where(related("documents", eq(D.title, "sneaky"))).findMany()).isEmpty();
        assertThat(db.forTenant(2L).query(P).where(related("documents", eq(D.title, "sneaky"))).findMany()).isEmpty();
        assertThat(db.forTenant(2L).query(D).columns(D.id).where(related("labels", eq(L.name, "red"))).findMany())
                .extracting(r -> r.get("id")).containsExactly(21L);
    }

    @Test
    void everyTenantOwnedLevelCarriesTheTenantFilter() {
        String sql = db.forTenant(1L).query(P).where(related("documents"))
                .with("documents", d -> d.with("labels")).toSql().sql();
        // projects, the related(...) documents, the loaded documents, and the junction: four filters
        assertThat(sql.split("\"tenant_id\" = \\$", -1)).hasSize(5);
        assertThat(sql).contains("\"ftr_labels\" as");   // shared: not filtered
    }

    @Test
    void theUnscopedDbRefusesTenantOwnedTablesAtAnyLevel() {
        assertThatThrownBy(() -> db.query(P).findMany())
                .hasMessageContaining("ftr_projects is tenant-owned (tenant_id)");
        assertThat(db.query(L).findMany()).hasSize(2);   // shared tables need no tenant, their relations do
        assertThatThrownBy(() -> db.query(L).with("documents").findMany())
                .hasMessageContaining("ftr_documents is tenant-owned (tenant_id)");
        assertThatThrownBy(() -> db.query(P).with("labels")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ftr_projects has no relation named labels (labels is a relation of "
                        + "ftr_documents)");
        assertThat(db.unscoped().query(P).with("documents").findMany()).hasSize(2);
    }
}
