package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
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
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.isNull;
import static dev.sleet.Sql.raw;
import static dev.sleet.Sql.sql;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Insert from select, overriding system value, and the forms of on conflict. */
@PostgresTest
class InsertExtrasTest {

    private static Db db;

    /** A user with its key, as when copying rows between databases. */
    record UserWithId(Long id, String email, String name) {
    }

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
        // A partial unique index: one live post per title.
        db.execute(raw("alter table posts add column deleted boolean not null default false"));
        db.execute(raw("create unique index posts_live_title on posts (title) where not deleted"));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        db.insert(USERS).values(List.of(Map.of(USERS.email, "ann@example.com", USERS.name, "Ann"),
                Map.of(USERS.email, "bob@example.com", USERS.name, "Bob"))).execute();
    }

    @Test
    void insertFromSelectFillsColumnsByName() {
        int inserted = db.insert(POSTS).select(db.select(USERS.id.as("author_id"),
                sql(String.class, "'Welcome, ' || {0}", USERS.name).as("title")).from(USERS)).execute();

        assertThat(inserted).isEqualTo(2);
        assertThat(db.select(POSTS.title).from(POSTS).orderBy(POSTS.title).fetch()).extracting(r -> r.get(POSTS.title))
                .containsExactly("Welcome, Ann", "Welcome, Bob");
        assertThatThrownBy(() -> db.insert(POSTS).select(db.select(USERS.email).from(USERS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("email").hasMessageContaining("as(");
    }

    @Test
    void overridingSystemValueKeepsGivenIdentityValues() {
        assertThatThrownBy(() -> db.insert(USERS).values(new UserWithId(100L, "cid@example.com", "Cid")).execute())
                .isInstanceOf(SleetException.class).hasMessageContaining("OVERRIDING SYSTEM VALUE");

        db.insert(USERS).values(new UserWithId(100L, "cid@example.com", "Cid")).overridingSystemValue().execute();

        assertThat(db.select(USERS.id).from(USERS).where(eq(USERS.email, "cid@example.com")).fetchOne().get(USERS.id))
                .isEqualTo(100L);
    }

    @Test
    void onConflictOnConstraintUpdatesTheExistingRow() {
        int n = db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Anne")
                .onConflictOnConstraint("users_email_unique")
                .doUpdate(set -> set.set(USERS.name, excluded(USERS.name))).execute();

        assertThat(n).isEqualTo(1);
        assertThat(db.select(USERS.name).from(USERS).where(eq(USERS.email, "ann@example.com")).fetchOne()
                .get(USERS.name)).isEqualTo("Anne");
        assertThat(db.insert(USERS).set(USERS.email, "ann@example.com").onConflictOnConstraint("users_email_unique")
                .doNothing().execute()).isZero();
    }

    @Test
    void targetWhereNamesAPartialUniqueIndexAndSetWhereGuardsTheUpdate() {
        Field<Boolean> deleted = sql(Boolean.class, "deleted");
        db.insert(POSTS).set(POSTS.authorId, 1L).set(POSTS.title, "t").set(POSTS.views, 1).execute();

        db.insert(POSTS).set(POSTS.authorId, 2L).set(POSTS.title, "t").set(POSTS.views, 5)
                .onConflictDoUpdate(POSTS.title, set -> set.set(POSTS.views, excluded(POSTS.views))
                        .targetWhere(eq(deleted, false)).setWhere(eq(POSTS.authorId, 1L))).execute();
        db.insert(POSTS).set(POSTS.authorId, 2L).set(POSTS.title, "t").set(POSTS.views, 9)
                .onConflict(POSTS.title).where(eq(deleted, false))
                .doUpdate(set -> set.set(POSTS.views, excluded(POSTS.views)).setWhere(eq(POSTS.authorId, 2L)))
                .execute();

        List<Row> rows = db.select(POSTS.authorId, POSTS.views).from(POSTS).fetch();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get(POSTS.authorId)).isEqualTo(1L);   // the existing row, updated once
            assertThat(r.get(POSTS.views)).isEqualTo(5);       // the second update's setWhere did not match
        });
        assertThat(db.insert(POSTS).set(POSTS.authorId, 1L).set(POSTS.title, "t")
                .onConflict(POSTS.title).where(eq(deleted, false)).doNothing().toSql().sql())
                .endsWith("on conflict (\"title\") where deleted = $3 do nothing");
        assertThatThrownBy(() -> db.insert(POSTS).set(POSTS.title, "t").onConflictOnConstraint("c")
                .where(isNull(POSTS.body))).isInstanceOf(IllegalStateException.class);
    }
}
