package dev.sleet.examples;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.embedded.EmbeddedPostgres;
import dev.sleet.examples.books.BooksSchema;
import dev.sleet.examples.blog.BlogSchema;
import dev.sleet.examples.saas.DocumentBody;
import dev.sleet.examples.saas.MemberRole;
import dev.sleet.examples.saas.SaasSchema;
import dev.sleet.examples.saas.Visibility;
import dev.sleet.exec.CheckViolationException;
import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sleet.Sql.eq;
import static dev.sleet.examples.books.Authors.AUTHORS;
import static dev.sleet.examples.books.Books.BOOKS;
import static dev.sleet.examples.saas.Documents.DOCUMENTS;
import static dev.sleet.examples.saas.Projects.PROJECTS;
import static dev.sleet.examples.saas.Tenants.TENANTS;
import static dev.sleet.examples.saas.UserTenants.USER_TENANTS;
import static dev.sleet.examples.saas.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each example schema is created on a real PostgreSQL from its Java classes and used. */
class ExampleSchemasTest {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static Db fresh(String name, Class<?> schemaClass) {
        try (Db admin = Sleet.connect(postgres.jdbcUrl("postgres"))) {
            admin.execute(ctx -> ctx.sql("create database ").identifier(name));
        }
        Db db = Sleet.connect(postgres.jdbcUrl(name));
        List<QueryPart> ddl = SchemaDdl.create(Schema.of(schemaClass));
        db.transaction(tx -> ddl.forEach(tx::execute));
        return db;
    }

    @Test
    void saasSchemaKeepsEachTenantsRowsApart() {
        try (Db db = fresh("saas", SaasSchema.class)) {
            // signing tenants up works across tenants: the unscoped Db
            Db admin = db.unscoped();
            UUID acme = admin.insert(TENANTS).set(TENANTS.name, "Acme").set(TENANTS.tier, "pro")
                    .returning(TENANTS.id).fetchOne().get(TENANTS.id);
            UUID globex = admin.insert(TENANTS).set(TENANTS.name, "Globex").returning(TENANTS.id).fetchOne()
                    .get(TENANTS.id);
            UUID ann = admin.insert(USERS).set(USERS.email, "ann@acme.test").set(USERS.passwordHash, "x")
                    .set(USERS.tenantId, acme).set(USERS.role, MemberRole.admin).returning(USERS.id).fetchOne()
                    .get(USERS.id);
            admin.insert(USER_TENANTS).values(Map.of(USER_TENANTS.userId, ann, USER_TENANTS.tenantId, globex,
                    USER_TENANTS.role, MemberRole.viewer)).execute();

            // the application's work goes through a tenant-scoped Db: the tenant key is filled in
            Db acmeDb = db.forTenant(acme);
            UUID project = acmeDb.insert(PROJECTS).set(PROJECTS.name, "Launch").set(PROJECTS.createdBy, ann)
                    .returning(PROJECTS.id).fetchOne().get(PROJECTS.id);
            acmeDb.insert(DOCUMENTS).set(DOCUMENTS.projectId, project)
                    .set(DOCUMENTS.ownerId, ann).set(DOCUMENTS.title, "Plan")
                    .set(DOCUMENTS.visibility, Visibility.company)
                    .set(DOCUMENTS.body, new DocumentBody("the plan", List.of("step one", "step two"))).execute();
            List<Row> acmeDocs = acmeDb.select(DOCUMENTS.title, DOCUMENTS.body, PROJECTS.name).from(DOCUMENTS)
                    .innerJoin(PROJECTS).on(eq(DOCUMENTS.projectId, PROJECTS.id))
                    .where(eq(DOCUMENTS.visibility, Visibility.company))
                    .fetch();
            assertThat(acmeDocs).hasSize(1);
            assertThat(acmeDocs.get(0).get(DOCUMENTS.body).paragraphs()).containsExactly("step one", "step two");
            Db globexDb = db.forTenant(globex);
            assertThat(globexDb.count(DOCUMENTS)).isZero();
            assertThat(globexDb.update(DOCUMENTS).set(DOCUMENTS.title, "mine").all().execute()).isZero();
            assertThat(globexDb.count(USER_TENANTS)).isEqualTo(1);
            assertThatThrownBy(() -> db.count(DOCUMENTS)).as("the tenant forgotten").isInstanceOf(
                    IllegalStateException.class);
            assertThatThrownBy(() -> admin.update(TENANTS).set(TENANTS.tier, "platinum").where(eq(TENANTS.id, acme))
                    .execute())
                    .isInstanceOf(CheckViolationException.class)
                    .hasMessageContaining("tenants_tier_check");
            admin.delete(TENANTS).where(eq(TENANTS.id, globex)).execute();
            assertThat(admin.count(USER_TENANTS)).isZero();   // membership cascades with the tenant
        }
    }

    @Test
    void blogSchemaCascadesPostsWithTheirAuthor() {
        try (Db db = fresh("blog", BlogSchema.class)) {
            var users = dev.sleet.examples.blog.Users.USERS;
            var posts = dev.sleet.examples.blog.Posts.POSTS;
            Integer id = db.insert(users).set(users.email, "a@b.test").returning(users.id).fetchOne().get(users.id);
            db.insert(posts).set(posts.title, "t").set(posts.authorId, id).set(posts.tags, List.of("x", "y")).execute();
            assertThat(db.count(posts)).isEqualTo(1);
            db.delete(users).where(eq(users.id, id)).execute();
            assertThat(db.count(posts)).isZero();
        }
    }

    @Test
    void booksSchemaRejectsImpossibleYears() {
        try (Db db = fresh("books", BooksSchema.class)) {
            Integer author = db.insert(AUTHORS).set(AUTHORS.name, "Le Guin").returning(AUTHORS.id).fetchOne()
                    .get(AUTHORS.id);
            db.insert(BOOKS).set(BOOKS.title, "The Dispossessed").set(BOOKS.authorId, author)
                    .set(BOOKS.publishedYear, 1974).execute();
            assertThatThrownBy(() -> db.insert(BOOKS).set(BOOKS.title, "Later").set(BOOKS.publishedYear, 3000).execute())
                    .isInstanceOf(CheckViolationException.class);
            assertThat(db.select(BOOKS.title).from(BOOKS).fetch()).extracting(r -> r.get(BOOKS.title))
                    .containsExactly("The Dispossessed");
        }
    }
}
