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

import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Updates and deletes that join other tables. */
@PostgresTest
class UpdateFromDeleteUsingTest {

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
        db.insert(USERS).values(List.of(Map.of(USERS.email, "ann@example.com"),
                Map.of(USERS.email, "bob@example.com", USERS.isActive, false))).execute();
        db.insert(POSTS).values(List.of(Map.of(POSTS.authorId, 1L, POSTS.title, "a", POSTS.views, 5),
                Map.of(POSTS.authorId, 2L, POSTS.title, "b", POSTS.views, 7),
                Map.of(POSTS.authorId, 2L, POSTS.title, "c", POSTS.views, 9))).execute();
    }

    @Test
    void updateFromResetsOnlyThePostsOfInactiveAuthors() {
        List<Row> updated = db.update(POSTS).set(POSTS.views, 0).from(USERS)
                .where(eq(POSTS.authorId, USERS.id), eq(USERS.isActive, false))
                .returning(POSTS.title, USERS.email).fetch();

        assertThat(updated).extracting(r -> r.get(POSTS.title)).containsExactlyInAnyOrder("b", "c");
        assertThat(updated).extracting(r -> r.get(USERS.email)).containsOnly("bob@example.com");
        assertThat(db.select(POSTS.views).from(POSTS).orderBy(POSTS.title).fetch())
                .extracting(r -> r.get(POSTS.views)).containsExactly(5, 0, 0);
    }

    @Test
    void deleteUsingRemovesOnlyThePostsOfInactiveAuthors() {
        int deleted = db.delete(POSTS).using(USERS).where(eq(POSTS.authorId, USERS.id), eq(USERS.isActive, false))
                .execute();

        assertThat(deleted).isEqualTo(2);
        assertThat(db.select(POSTS.title).from(POSTS).fetch()).extracting(r -> r.get(POSTS.title))
                .containsExactly("a");
        assertThat(db.delete(POSTS).using(USERS).where(eq(POSTS.authorId, USERS.id)).toSql().sql())
                .isEqualTo("delete from \"posts\" using \"users\" where \"posts\".\"author_id\" = \"users\".\"id\"");
    }

    @Test
    void theTargetTableCannotBeJoinedAgain() {
        assertThatThrownBy(() -> db.update(POSTS).set(POSTS.views, 0).from(POSTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already part of the statement");
        assertThatThrownBy(() -> db.delete(POSTS).using(POSTS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already part of the statement");
    }
}
