package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.lt;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** union, intersect and except, with order and limit on the combined rows. */
@PostgresTest
class SetOperationTest {

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
        db.insert(USERS).values(List.of(Map.of(USERS.email, "ann@example.com"), Map.of(USERS.email, "bob@example.com")))
                .execute();
        db.insert(POSTS).values(List.of(Map.of(POSTS.authorId, 1L, POSTS.title, "x", POSTS.views, 1),
                Map.of(POSTS.authorId, 1L, POSTS.title, "y", POSTS.views, 2),
                Map.of(POSTS.authorId, 2L, POSTS.title, "y", POSTS.views, 3))).execute();
    }

    private static List<String> titles(Select select) {
        return select.fetch().stream().map(r -> (String) r.get(0)).toList();
    }

    @Test
    void everySetOperatorCombinesRows() {
        Select ann = db.select(POSTS.title).from(POSTS).where(eq(POSTS.authorId, 1L));
        Select bob = db.select(POSTS.title).from(POSTS).where(eq(POSTS.authorId, 2L));

        assertThat(titles(ann.union(bob).orderBy(desc(POSTS.title)))).containsExactly("y", "x");
        assertThat(titles(ann.unionAll(bob).orderBy(asc(POSTS.title)))).containsExactly("x", "y", "y");
        assertThat(titles(ann.intersect(bob))).containsExactly("y");
        // left to right: (ann union all ann) = {x, y, x, y}; intersect all {x, y, y} keeps x once and y twice
        assertThat(titles(ann.unionAll(ann).intersectAll(ann.unionAll(bob)).orderBy(desc(POSTS.title))))
                .containsExactly("y", "y", "x");
        assertThat(titles(ann.except(bob))).containsExactly("x");
        assertThat(titles(ann.unionAll(ann).exceptAll(ann).orderBy(desc(POSTS.title)))).containsExactly("y", "x");
    }

    @Test
    void orderLimitAndOffsetApplyToTheCombinedRows() {
        Select low = db.select(POSTS.title, POSTS.views).from(POSTS).where(lt(POSTS.views, 2));
        Select high = db.select(POSTS.title, POSTS.views).from(POSTS).where(gt(POSTS.views, 1));

        SetOperationStep combined = low.unionAll(high).orderBy(desc(POSTS.views)).limit(2).offset(1);

        assertThat(combined.fetch()).extracting(r -> r.get(POSTS.views)).containsExactly(2, 1);
        assertThat(combined.toSql().sql()).contains(") union all (").contains("order by 2 desc limit $");
    }

    @Test
    void badCombinationsFailBeforeAnySqlIsSent() {
        Select one = db.select(POSTS.title).from(POSTS);
        Select two = db.select(POSTS.title, POSTS.views).from(POSTS);

        assertThatThrownBy(() -> one.union(two))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different widths");
        assertThatThrownBy(() -> one.union(one).orderBy(desc(USERS.email)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email");
    }
}
