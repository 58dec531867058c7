package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.between;
import static dev.sleet.Sql.coalesce;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.isNull;
import static dev.sleet.Sql.notBetween;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Aliases, nested conditions and guards render SQL that means what the Java says. */
@PostgresTest
class ExpressionRenderingTest {

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
                java.util.Map.of(USERS.email, "ann@example.com", USERS.name, "anon"),
                java.util.Map.of(USERS.email, "bob@example.com"),
                java.util.Map.of(USERS.email, "cid@example.com"))).execute();
        long ann = db.select(USERS.id).from(USERS).where(eq(USERS.email, "ann@example.com")).fetchOne().get(USERS.id);
        db.insert(POSTS).values(List.of(
                java.util.Map.of(POSTS.authorId, ann, POSTS.title, "a"),
                java.util.Map.of(POSTS.authorId, ann, POSTS.title, "b"))).execute();
    }

    @Test
    void anAliasedAggregateCanBeUsedInHaving() {
        Field<Long> posts = count(POSTS.id).as("n");

        List<Row> rows = db.select(USERS.email, posts).from(USERS).innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .groupBy(USERS.email).having(gt(posts, 1L)).orderBy(desc(posts)).fetch();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(USERS.email)).isEqualTo("ann@example.com");
            assertThat(r.get(posts)).isEqualTo(2L);
        });
    }

    @Test
    void groupingByAnAliasedExpressionGroupsByTheExpressionNotByAColumnOfTheSameName() {
        // "name" is also a column of users; grouping by the alias must not group by that column.
        Field<String> name = coalesce(USERS.name, "anon").as("name");

        List<Row> rows = db.select(name, count().as("people")).from(USERS).groupBy(name).fetch();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(name)).isEqualTo("anon");
            assertThat(r.get("people")).isEqualTo(3L);
        });
    }

    @Test
    void aConditionComparedWithABooleanIsParenthesised() {
        Condition noName = eq(isNull(USERS.name), true);

        assertThat(db.select(USERS.id).from(USERS).where(noName).toSql().sql())
                .endsWith("where (\"users\".\"name\" is null) = $1");
        assertThat(db.count(USERS, noName)).isEqualTo(2);
    }

    @Test
    void betweenRefusesNullBoundsNamingTheField() {
        assertThatThrownBy(() -> between(USERS.id, null, 5L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
        assertThatThrownBy(() -> notBetween(USERS.id, 1L, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("id");
    }

    @Test
    void anEmptyAndCannotStandInForAllInDeleteOrUpdate() {
        List<Condition> none = List.of();

        assertThatThrownBy(() -> db.delete(USERS).where(and(none)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all()");
        assertThatThrownBy(() -> db.update(USERS).set(USERS.name, "x").where(and(none)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("all()");
        assertThat(db.count(USERS)).isEqualTo(3);
    }
}
