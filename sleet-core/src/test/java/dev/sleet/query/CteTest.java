package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.cte;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.lt;
import static dev.sleet.Sql.sql;
import static dev.sleet.Sql.val;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** with and with recursive, over selects and data-modifying statements. */
@PostgresTest
class CteTest {

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
        db.insert(POSTS).values(List.of(Map.of(POSTS.authorId, 1L, POSTS.title, "a"),
                Map.of(POSTS.authorId, 2L, POSTS.title, "b"))).execute();
    }

    @Test
    void aSelectReadsACte() {
        Cte active = cte("active").as(db.select(USERS.id, USERS.email).from(USERS).where(eq(USERS.isActive, true)));

        List<Row> rows = db.with(active).select(active.field(USERS.email), POSTS.title).from(active)
                .innerJoin(POSTS).on(eq(POSTS.authorId, active.field(USERS.id))).fetch();

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(active.field(USERS.email))).isEqualTo("ann@example.com");
            assertThat(r.get(POSTS.title)).isEqualTo("a");
        });
    }

    @Test
    void aRecursiveCteCountsToTen() {
        Field<Integer> n = val(1, IntegerType.INSTANCE).as("n");
        Cte series = cte("series");
        series = series.as(db.select(n)
                .unionAll(db.select(sql(Integer.class, "n + 1").as("n")).from(series).where(lt(series.field(n), 10))));

        List<Row> rows = db.withRecursive(series).select(series.field(n)).from(series).fetch();

        assertThat(rows).extracting(r -> r.get(0)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void aDataModifyingCteMovesRowsInOneStatement() {
        Cte removed = cte("removed").as(db.delete(POSTS).where(eq(POSTS.authorId, 2L)).returning(POSTS.title));

        List<Row> rows = db.with(removed).select(removed.field(POSTS.title)).from(removed).fetch();

        assertThat(rows).extracting(r -> r.get(0)).containsExactly("b");
        assertThat(db.count(POSTS)).isEqualTo(1);
    }

    @Test
    void insertUpdateAndDeleteReadCtes() {
        Cte inactive = cte("inactive").as(db.select(USERS.id).from(USERS).where(eq(USERS.isActive, false)));

        int updated = db.with(inactive).update(POSTS).set(POSTS.views, 99).from(inactive)
                .where(eq(POSTS.authorId, inactive.field(USERS.id))).execute();
        int deleted = db.with(inactive).delete(POSTS).using(inactive)
                .where(eq(POSTS.authorId, inactive.field(USERS.id))).execute();

        assertThat(updated).isEqualTo(1);
        assertThat(deleted).isEqualTo(1);
        assertThat(db.count(POSTS)).isEqualTo(1);
    }

    @Test
    void anUndefinedCteFailsBeforeAnySqlIsSent() {
        assertThatThrownBy(() -> db.with(cte("nothing")).select(USERS.id).from(USERS).toSql())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never defined");
    }
}
