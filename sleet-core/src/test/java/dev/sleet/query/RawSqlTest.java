package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.render.RenderedSql;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.identifier;
import static dev.sleet.Sql.raw;
import static dev.sleet.Sql.sql;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Hand-written SQL: identifiers quoted, values bound, literals left alone. */
@PostgresTest
class RawSqlTest {

    private static Db db;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        db.insert(USERS).values(List.of(
                Map.of(USERS.email, "ann@example.com", USERS.name, "Ann", USERS.role, Role.admin),
                Map.of(USERS.email, "bob@example.org", USERS.name, "Bob"))).execute();
    }

    @Test
    void columnsRenderAsQuotedNamesAndValuesAreBound() {
        RawSql regex = sql("{0} ~* {1}", USERS.email, "^ANN@");

        RenderedSql rendered = db.select(USERS.name).from(USERS).where(regex).toSql();

        assertThat(rendered.sql()).endsWith("where \"users\".\"email\" ~* $1");
        assertThat(rendered.bindValues()).containsExactly("^ANN@");
        assertThat(db.select(USERS.name).from(USERS).where(regex).fetch()).extracting(r -> r.get(USERS.name))
                .containsExactly("Ann");
    }

    @Test
    void aTypedExpressionIsSelectedComparedAndReadBackWithItsJavaType() {
        Field<Integer> length = sql(Integer.class, "char_length({0})", USERS.email);

        List<Row> rows = db.select(USERS.email, length.as("len")).from(USERS).where(gt(length, 15))
                .orderBy(USERS.email).fetch();

        // "ann@example.com" and "bob@example.org" are both 15 characters: none is longer
        assertThat(rows).isEmpty();
        List<Row> all = db.select(USERS.email, length.as("len")).from(USERS).orderBy(USERS.email).fetch();
        assertThat(all).extracting(r -> r.get("len")).containsExactly(15, 15);
        assertThat(all.get(0).get(length.as("len"))).isInstanceOf(Integer.class);
    }

    @Test
    void aTypedExpressionCanTakeItsTypeFromAColumnForEnums() {
        Field<Role> first = sql(USERS.role, "(array['viewer','admin']::blog_role[])[1]");

        assertThat(db.select(first.as("r")).fetchOne().get(0, Role.class)).isEqualTo(Role.viewer);
    }

    @Test
    void wholeStatementsRunThroughExecuteAndFetch() {
        int updated = db.execute(sql("update {0} set {1} = upper({2}) where {3} = {4}", USERS,
                USERS.name.unqualified(), USERS.name, USERS.email, "bob@example.org"));

        List<Row> rows = db.fetch(sql("select {0}, {1} as n, {2} from {3} order by {0}", USERS.email,
                USERS.name, USERS.role, USERS));

        assertThat(updated).isEqualTo(1);
        assertThat(rows).extracting(r -> r.get("n")).containsExactly("Ann", "BOB");
        assertThat(rows.get(0).get("role")).isEqualTo("admin");            // enums come back as text
        assertThat(rows.get(0).get("email")).isEqualTo("ann@example.com");
    }

    @Test
    void fetchTypesColumnsByWhatPostgresReports() {
        Row row = db.fetch(sql("select 1::int8 as a, 2.50::numeric as b, array[1,2]::int4[] as c, "
                + "'{\"k\": 1}'::jsonb as d, {0}::uuid as e", "6f1c2b46-1d9e-4d3c-9a55-0b7a2a3f7c11")).get(0);

        assertThat(row.get("a")).isEqualTo(1L);
        assertThat(row.get("b")).isEqualTo(new java.math.BigDecimal("2.50"));
        assertThat(row.get("c")).isEqualTo(List.of(1, 2));
        assertThat(row.get("d").toString()).isEqualTo("{\"k\":1}");
        assertThat(row.get("e")).isEqualTo(java.util.UUID.fromString("6f1c2b46-1d9e-4d3c-9a55-0b7a2a3f7c11"));
    }

    @Test
    void placeholdersAndQuestionMarksInsideLiteralsAndCommentsAreText() {
        Row row = db.fetch(sql("select '{0}' as braces, '?' as question, $$a {1} ?$$ as dollar, "
                + "'{\"a\":1}'::jsonb ? 'a' as has_a /* {0} ? */ -- {1} ?\n, {0}::text as value", "x")).get(0);

        assertThat(row.get("braces")).isEqualTo("{0}");
        assertThat(row.get("question")).isEqualTo("?");
        assertThat(row.get("dollar")).isEqualTo("a {1} ?");
        assertThat(row.get("has_a")).isEqualTo(true);
        assertThat(row.get("value")).isEqualTo("x");
    }

    @Test
    void valuesThatLookLikeSqlStayData() {
        String evil = "x'); drop table users; --";
        db.execute(sql("insert into {0} ({1}) values ({2})", USERS, USERS.email.unqualified(), evil));

        assertThat(db.count(USERS, eq(USERS.email, evil))).isEqualTo(1);
        assertThat(db.count(USERS)).isEqualTo(3);
    }

    @Test
    void identifierQuotesARunTimeNameAndRawPutsTextInAsIs() {
        db.execute(raw("create table \"tenant 42\" (id int)"));
        db.execute(sql("insert into {0} values ({1})", identifier("tenant 42"), 7));

        assertThat(db.fetch(sql("select id from {0}", identifier("public", "tenant 42"))))
                .extracting(r -> r.get("id")).containsExactly(7);
        assertThat(db.fetch(raw("select count(*) as n from \"tenant 42\" where id = 7")).get(0).get("n"))
                .isEqualTo(1L);
    }

    @Test
    void aTemplateParsedOnceIsCheckedAgainstEachCallsOwnArguments() {
        String template = "select {1}::int + {0}::int as n, '{2}' as text";
        assertThat(db.fetch(sql(template, 1, 2)).get(0).get("n")).isEqualTo(3);
        assertThat(db.fetch(sql(template, 10, 20)).get(0).get("n")).isEqualTo(30);
        RenderedSql rendered = RenderContext.render(sql(template, 5, 6), ParamStyle.JDBC);
        assertThat(rendered.sql()).isEqualTo("select ?::int + ?::int as n, '{2}' as text");
        assertThat(rendered.bindValues()).containsExactly(6, 5);
        assertThatThrownBy(() -> sql(template, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{1} has no argument; 1 were given");
        assertThatThrownBy(() -> sql(template, 1, 2, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 2 is not used");
    }

    @Test
    void mismatchedPlaceholdersFailBeforeAnySqlIsSent() {
        assertThatThrownBy(() -> sql("select {0}, {1}", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{1} has no argument");
        assertThatThrownBy(() -> sql("select {0}", 1, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("argument 1 is not used");
        assertThatThrownBy(() -> sql("select {0}", new Object()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot bind");
        assertThatThrownBy(() -> identifier(""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonbQuestionMarkOperatorsWorkInSchemaChecksAndQueries() {
        db.execute(raw("create table settings (doc jsonb, constraint has_theme check (doc ? 'theme'))"));
        db.execute(sql("insert into settings values ({0}::jsonb)", "{\"theme\": \"dark\"}"));

        assertThatThrownBy(() -> db.execute(raw("insert into settings values ('{}')")))
                .isInstanceOf(dev.sleet.exec.CheckViolationException.class);
        assertThat(db.fetch(sql("select count(*) as n from settings where doc ?| {0}", List.of("theme", "x")))
                .get(0).get("n")).isEqualTo(1L);
        assertThat(db.select(POSTS.id).from(POSTS).fetch()).isEmpty();
    }
}
