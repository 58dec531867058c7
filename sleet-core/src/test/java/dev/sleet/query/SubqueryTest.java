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
import java.util.Map;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.exists;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.in;
import static dev.sleet.Sql.notExists;
import static dev.sleet.Sql.notIn;
import static dev.sleet.Sql.scalar;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Subqueries in from, in, exists, as scalar values, and lateral joins. */
@PostgresTest
class SubqueryTest {

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
        db.insert(USERS).values(List.of(Map.of(USERS.email, "ann@example.com", USERS.name, "Ann"),
                Map.of(USERS.email, "bob@example.com", USERS.name, "Bob"),
                Map.of(USERS.email, "cid@example.com", USERS.name, "Cid"))).execute();
        db.insert(POSTS).values(List.of(
                Map.of(POSTS.authorId, 1L, POSTS.title, "a1", POSTS.views, 10),
                Map.of(POSTS.authorId, 1L, POSTS.title, "a2", POSTS.views, 30),
                Map.of(POSTS.authorId, 1L, POSTS.title, "a3", POSTS.views, 20),
                Map.of(POSTS.authorId, 2L, POSTS.title, "b1", POSTS.views, 5))).execute();
    }

    @Test
    void aDerivedTableIsReadWithTypedColumns() {
        Field<Long> posts = count(POSTS.id).as("posts");
        Derived perAuthor = db.select(POSTS.authorId, posts).from(POSTS).groupBy(POSTS.authorId).as("per_author");

        List<Row> rows = db.select(USERS.name, perAuthor.field(posts)).from(USERS)
                .innerJoin(perAuthor).on(eq(perAuthor.field(POSTS.authorId), USERS.id))
                .orderBy(USERS.name).fetch();

        assertThat(rows).extracting(r -> r.get(USERS.name)).containsExactly("Ann", "Bob");
        assertThat(rows).extracting(r -> r.get(perAuthor.field(posts))).containsExactly(3L, 1L);
        assertThat(db.select().from(perAuthor).fetch()).hasSize(2)
                .allSatisfy(r -> assertThat(r.get("posts")).isInstanceOf(Long.class));
    }

    @Test
    void inAndNotInTakeASubqueryOfOneColumn() {
        Select authors = db.select(POSTS.authorId).from(POSTS);

        assertThat(db.select(USERS.name).from(USERS).where(in(USERS.id, authors)).orderBy(USERS.name).fetch())
                .extracting(r -> r.get(USERS.name)).containsExactly("Ann", "Bob");
        assertThat(db.select(USERS.name).from(USERS).where(notIn(USERS.id, authors)).fetch())
                .extracting(r -> r.get(USERS.name)).containsExactly("Cid");
        assertThatThrownBy(() -> in(USERS.id, db.select(POSTS.authorId, POSTS.title).from(POSTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one column");
        assertThatThrownBy(() -> in(USERS.id, db.select(POSTS.title).from(POSTS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("title");
    }

    @Test
    void correlatedExistsAndNotExists() {
        Select popular = db.select(POSTS.id).from(POSTS).where(and(eq(POSTS.authorId, USERS.id), gt(POSTS.views, 15)));

        assertThat(db.select(USERS.name).from(USERS).where(exists(popular)).fetch())
                .extracting(r -> r.get(USERS.name)).containsExactly("Ann");
        assertThat(db.select(USERS.name).from(USERS).where(notExists(popular)).orderBy(USERS.name).fetch())
                .extracting(r -> r.get(USERS.name)).containsExactly("Bob", "Cid");
    }

    @Test
    void aScalarSubqueryIsATypedValueInSelectAndWhere() {
        Field<Long> postCount = scalar(db.select(count()).from(POSTS).where(eq(POSTS.authorId, USERS.id)));

        List<Row> rows = db.select(USERS.name, postCount.as("posts")).from(USERS).where(gt(postCount, 0L))
                .orderBy(USERS.name).fetch();

        assertThat(rows).extracting(r -> r.get("posts")).containsExactly(3L, 1L);
        assertThatThrownBy(() -> scalar(db.select(USERS.id, USERS.name).from(USERS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one column");
    }

    @Test
    void aLateralJoinPicksTheTopPostsOfEachUser() {
        Derived top = db.select(POSTS.title, POSTS.views).from(POSTS).where(eq(POSTS.authorId, USERS.id))
                .orderBy(desc(POSTS.views)).limit(2).as("top");

        List<Row> rows = db.select(USERS.name, top.field(POSTS.title)).from(USERS)
                .leftJoinLateral(top).on(and()).orderBy(USERS.name, top.field(POSTS.views)).fetch();

        assertThat(rows).extracting(r -> r.get(USERS.name) + ":" + r.get(top.field(POSTS.title)))
                .containsExactly("Ann:a3", "Ann:a2", "Bob:b1", "Cid:null");
        assertThat(db.select(USERS.name, top.field(POSTS.title)).from(USERS).crossJoinLateral(top).fetch())
                .hasSize(3);
        assertThat(db.select(USERS.name).from(USERS).innerJoinLateral(top).on(gt(top.field(POSTS.views), 15))
                .fetch()).extracting(r -> r.get(USERS.name)).containsExactlyInAnyOrder("Ann", "Ann");
    }
}
