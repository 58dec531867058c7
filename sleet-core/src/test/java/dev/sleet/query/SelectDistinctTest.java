package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.lower;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class SelectDistinctTest {

    private static Db db;

    private long ann;
    private long bob;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Ann: Hello (10 views), Second (50), Third (50); Bob: Bob's post (7); Cat: no posts. */
    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        ann = user("ann@example.com", Role.admin);
        bob = user("bob@example.com", Role.member);
        user("cat@example.com", Role.member);
        post(ann, "Hello", 10);
        post(ann, "Second", 50);
        post(ann, "Third", 50);
        post(bob, "Bob's post", 7);
    }

    private static long user(String email, Role role) {
        return db.insert(USERS).set(USERS.email, email).set(USERS.role, role).returning(USERS.id).fetchOne()
                .get(USERS.id);
    }

    private static void post(long author, String title, int views) {
        db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, title).set(POSTS.views, views).execute();
    }

    @Test
    void selectDistinctRemovesDuplicateRows() {
        List<Role> roles = db.selectDistinct(USERS.role).from(USERS).orderBy(USERS.role).fetch().stream()
                .map(r -> r.get(USERS.role)).toList();

        assertThat(roles).containsExactly(Role.admin, Role.member);
        assertThat(db.selectDistinct(USERS.role).from(USERS).toSql().sql()).startsWith("select distinct \"users\".\"role\"");
    }

    @Test
    void selectDistinctOverSeveralColumnsKeepsDistinctCombinations() {
        List<Row> rows = db.selectDistinct(POSTS.authorId, POSTS.views).from(POSTS)
                .orderBy(POSTS.authorId, POSTS.views).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.authorId) + ":" + r.get(POSTS.views))
                .containsExactly(ann + ":10", ann + ":50", bob + ":7");
    }

    @Test
    void selectDistinctOnKeepsTheFirstRowOfEachGroupInTheOrder() {
        // each author's most viewed post; ties broken by title
        List<Row> rows = db.selectDistinctOn(List.of(POSTS.authorId), POSTS.authorId, POSTS.title).from(POSTS)
                .orderBy(asc(POSTS.authorId), desc(POSTS.views), asc(POSTS.title)).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.title)).containsExactly("Second", "Bob's post");
        assertThat(db.selectDistinctOn(List.of(POSTS.authorId), POSTS.title).from(POSTS).toSql().sql())
                .startsWith("select distinct on (\"posts\".\"author_id\") \"posts\".\"title\"");
    }

    @Test
    void selectDistinctOnWithoutOrderByReturnsOneRowPerValue() {
        List<Row> rows = db.selectDistinctOn(List.of(POSTS.authorId), POSTS.authorId).from(POSTS).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.authorId)).containsExactlyInAnyOrder(ann, bob);
    }

    @Test
    void selectDistinctOnAcceptsTheDistinctExpressionsInAnyOrderAtTheHeadOfTheOrderBy() {
        List<Row> rows = db.selectDistinctOn(List.of(POSTS.authorId, POSTS.views), POSTS.authorId, POSTS.views,
                        POSTS.title).from(POSTS)
                .orderBy(desc(POSTS.views), asc(POSTS.authorId), desc(POSTS.title)).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.title)).containsExactly("Third", "Hello", "Bob's post");
    }

    @Test
    void selectDistinctOnAnExpressionAlsoSelectedUsesTheSameExpression() {
        Field<String> domain = lower(USERS.email).as("lowered");
        List<Row> rows = db.selectDistinctOn(List.of(domain), domain).from(USERS).orderBy(domain).fetch();

        assertThat(rows).extracting(r -> r.get(domain))
                .containsExactly("ann@example.com", "bob@example.com", "cat@example.com");
    }

    @Test
    void theSameExpressionBuiltTwiceCountsAsTheDistinctOnExpression() {
        // two lower(email) objects: the check compares what they render to, not object identity
        List<Row> rows = db.selectDistinctOn(List.of(lower(USERS.email)), USERS.id).from(USERS)
                .orderBy(asc(lower(USERS.email)), desc(USERS.id)).fetch();

        assertThat(rows).hasSize(3);
    }

    @Test
    void selectDistinctOnNotLeadingTheOrderByFailsBeforeAnySqlIsSent() {
        Select select = db.selectDistinctOn(List.of(POSTS.authorId), POSTS.authorId, POSTS.title).from(POSTS)
                .orderBy(desc(POSTS.views), asc(POSTS.authorId));

        // IllegalStateException from rendering, not a SleetException from the server
        assertThatThrownBy(select::fetch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinct on (author_id)")
                .hasMessageContaining("ordered by (views, author_id)")
                .hasMessageContaining("Start the order by with author_id");
        assertThatThrownBy(select::toSql).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void selectDistinctOnWithADistinctExpressionAfterAnotherSortKeyIsRejected() {
        Select select = db.selectDistinctOn(List.of(POSTS.authorId, POSTS.views), POSTS.title).from(POSTS)
                .orderBy(asc(POSTS.authorId), asc(POSTS.title), asc(POSTS.views));

        assertThatThrownBy(select::toSql)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("distinct on (author_id, views)");
    }

    @Test
    void selectDistinctOnWithoutExpressionsIsRejected() {
        assertThatThrownBy(() -> db.selectDistinctOn(List.of(), POSTS.title))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("selectDistinct");
    }
}
