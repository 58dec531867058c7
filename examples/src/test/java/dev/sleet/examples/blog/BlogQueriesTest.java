package dev.sleet.examples.blog;

import dev.sleet.Db;
import dev.sleet.SleetOptions;
import dev.sleet.examples.blog.BlogQueries.NewUser;
import dev.sleet.examples.blog.BlogQueries.User;
import dev.sleet.exec.Row;
import dev.sleet.test.SleetTest;
import dev.sleet.test.TestBranch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.sleet.Sql.eq;
import static dev.sleet.examples.blog.Posts.POSTS;
import static dev.sleet.examples.blog.Users.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every query pattern of the seeds' Drizzle guide, run in Java against PostgreSQL: each test on a fresh branch of
 * a template database made once from {@link BlogSchema} by the sleet-test extension.
 */
@SleetTest(schema = BlogSchema.class)
class BlogQueriesTest {

    private Db db;
    private BlogQueries queries;

    @BeforeEach
    void seed(TestBranch branch) {
        db = branch.db(SleetOptions.defaults().relations(BlogRelations.RELATIONS));
        queries = new BlogQueries(db);
        queries.insertUser("ann@example.com", "Ann", Role.admin);
        queries.insertUser("bob@example.com", "Bob", Role.user);
        queries.insertUser("gus@guests.org", "Gus", Role.guest);
        db.update(USERS).set(USERS.isActive, false).where(eq(USERS.email, "bob@example.com")).execute();
    }

    @Test
    void selects() {
        assertThat(queries.allUsers()).extracting(User::email)
                .containsExactlyInAnyOrder("ann@example.com", "bob@example.com", "gus@guests.org");
        assertThat(queries.userEmails()).hasSize(3).allSatisfy(r -> assertThat(r.size()).isEqualTo(2));
        assertThat(queries.activeUsers()).extracting(User::name).containsExactlyInAnyOrder("Ann", "Gus");
        assertThat(queries.filteredUsers()).extracting(User::name).containsExactly("Ann");
        assertThat(queries.sortedUsers()).extracting(User::name).containsExactly("Gus", "Bob", "Ann");
        assertThat(queries.paginatedUsers(2, 1)).extracting(User::name).containsExactly("Bob", "Gus");
        assertThat(queries.activeUserCount()).isEqualTo(2);
        assertThat(queries.usersWithAge()).extracting(r -> r.get("days_since_created"))
                .containsOnly(BigDecimal.ZERO);
    }

    @Test
    void insertsAndUpserts() {
        User cid = queries.insertUser("cid@example.com", "Cid", Role.user);
        assertThat(cid.id()).isEqualTo(4);
        assertThat(cid.isActive()).isTrue();
        assertThat(queries.insertUsers(List.of(new NewUser("u1@example.com", "User 1"),
                new NewUser("u2@example.com", "User 2")))).isEqualTo(2);

        assertThat(queries.upsertName("ann@example.com", "Updated Name")).isEqualTo(1);
        assertThat(db.select(USERS.name).from(USERS).where(eq(USERS.email, "ann@example.com")).fetchOne()
                .get(USERS.name)).isEqualTo("Updated Name");
        assertThat(queries.insertOrIgnore("ann@example.com", "Ignored")).isZero();
        assertThat(queries.insertOrIgnore("new@example.com", "New")).isEqualTo(1);
        assertThat(queries.registerOrExplain("bob@example.com")).contains("Email already exists");
        assertThat(queries.registerOrExplain("dee@example.com")).isEmpty();
        assertThat(db.count(USERS)).isEqualTo(8);
    }

    @Test
    void updates() {
        OffsetDateTime before = db.select(USERS.updatedAt).from(USERS).where(eq(USERS.id, 1)).fetchOne()
                .get(USERS.updatedAt);
        assertThat(queries.rename(1, "Ann B.")).isEqualTo(1);
        assertThat(db.select(USERS.updatedAt).from(USERS).where(eq(USERS.id, 1)).fetchOne().get(USERS.updatedAt))
                .isAfterOrEqualTo(before);
        assertThat(queries.renameReturning(1, "Updated")).get().extracting(User::name).isEqualTo("Updated");
        assertThat(queries.renameReturning(99, "Nobody")).isEmpty();

        assertThat(queries.deactivateStaleGuests()).isZero();     // Gus joined just now
        db.update(USERS).set(USERS.createdAt, OffsetDateTime.now().minusDays(40))
                .where(eq(USERS.email, "gus@guests.org")).execute();
        assertThat(queries.deactivateStaleGuests()).isEqualTo(1);
        assertThat(queries.activeUsers()).extracting(User::name).containsExactly("Updated");
    }

    @Test
    void deletes() {
        assertThat(queries.deleteUser(2)).get().extracting(User::email).isEqualTo("bob@example.com");
        assertThat(queries.deleteUser(2)).isEmpty();
        db.update(USERS).set(USERS.createdAt, OffsetDateTime.now().minusYears(2))
                .where(eq(USERS.email, "gus@guests.org")).execute();
        assertThat(queries.deleteUsersOlderThanAYear()).isEqualTo(1);
        assertThat(db.count(USERS)).isEqualTo(1);
    }

    @Test
    void joins() {
        db.insert(POSTS).set(POSTS.title, "Hello").set(POSTS.authorId, 1).set(POSTS.published, true).execute();
        db.insert(POSTS).set(POSTS.title, "Old").set(POSTS.authorId, 1).set(POSTS.published, true)
                .set(POSTS.createdAt, LocalDateTime.now().minusDays(30)).execute();
        db.insert(POSTS).set(POSTS.title, "Bob's").set(POSTS.authorId, 2).set(POSTS.published, true).execute();

        assertThat(queries.usersWithPosts()).extracting(r -> r.get("post_title"))
                .containsExactly("Hello", "Old", "Bob's");
        assertThat(queries.usersWithPostCount()).extracting(BlogQueries.PostCount::postCount)
                .containsExactly(2L, 1L, 0L);
        List<Row> recent = queries.recentPostsByActiveUsers();
        assertThat(recent).extracting(r -> r.get(POSTS.title)).containsExactly("Hello");   // Bob is inactive
        assertThat(recent.get(0).get(USERS.email)).isEqualTo("ann@example.com");
        assertThat(queries.postCountsById()).containsEntry(1, 2L).containsEntry(3, 0L);

        db.insert(POSTS).set(POSTS.title, "Draft").set(POSTS.authorId, 1).set(POSTS.published, false).execute();
        List<BlogQueries.UserWithPosts> latest = queries.usersWithLatestPosts(1);   // Bob is inactive
        assertThat(latest).extracting(BlogQueries.UserWithPosts::name).containsExactly("Ann", "Gus");
        assertThat(latest.get(0).posts()).extracting(BlogQueries.PostSummary::title).containsExactly("Hello");
        assertThat(latest.get(1).posts()).isEmpty();
    }

    @Test
    void transactions() {
        int id = queries.createUserWithFirstPost("pat@example.com", "First Post");
        assertThat(db.count(POSTS, eq(POSTS.authorId, id))).isEqualTo(1);

        assertThatThrownBy(() -> queries.createUserAndPostUnless("quinn@example.com", "Post", false))
                .isInstanceOf(IllegalStateException.class);
        assertThat(db.count(USERS, eq(USERS.email, "quinn@example.com"))).isZero();
        queries.createUserAndPostUnless("quinn@example.com", "Post", true);
        assertThat(db.count(USERS, eq(USERS.email, "quinn@example.com"))).isEqualTo(1);

        assertThat(queries.insertTwoWithSavepoint("sp1@example.com", "ann@example.com")).isFalse();
        assertThat(db.count(USERS, eq(USERS.email, "sp1@example.com"))).isEqualTo(1);
        assertThat(queries.insertTwoWithSavepoint("sp2@example.com", "sp3@example.com")).isTrue();
        assertThat(db.count(USERS, eq(USERS.email, "sp3@example.com"))).isEqualTo(1);
    }
}
