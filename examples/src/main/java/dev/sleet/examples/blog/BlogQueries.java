package dev.sleet.examples.blog;

import dev.sleet.Db;
import dev.sleet.exec.Row;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.query.Field;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.like;
import static dev.sleet.Sql.sql;
import static dev.sleet.examples.blog.Posts.POSTS;
import static dev.sleet.examples.blog.Users.USERS;

/**
 * The query patterns of the seeds' Drizzle guide (selects, inserts, upserts, updates, deletes, joins,
 * transactions with savepoints), written with Sleet. Each method is the Java twin of one example; the
 * Drizzle original is in its Javadoc.
 */
public final class BlogQueries {

    /**
     * A user as the application reads it.
     *
     * @param id        key
     * @param email     e-mail
     * @param name      name
     * @param role      role
     * @param isActive  whether active
     * @param createdAt creation time
     */
    public record User(Integer id, String email, String name, Role role, Boolean isActive, OffsetDateTime createdAt) {
    }

    /**
     * A user to insert; the other columns take their defaults.
     *
     * @param email e-mail
     * @param name  name
     */
    public record NewUser(String email, String name) {
    }

    /**
     * A user's post count.
     *
     * @param id        the user's key
     * @param name      the user's name
     * @param postCount posts written
     */
    public record PostCount(Integer id, String name, Long postCount) {
    }

    /**
     * A post as a relational query returns it.
     *
     * @param id        key
     * @param title     title
     * @param tags      tags
     * @param createdAt creation time
     */
    public record PostSummary(Integer id, String title, List<String> tags, java.time.LocalDateTime createdAt) {
    }

    /**
     * A user with their latest posts.
     *
     * @param id    key
     * @param name  name
     * @param posts the latest published posts, newest first
     */
    public record UserWithPosts(Integer id, String name, List<PostSummary> posts) {
    }

    private final Db db;

    /**
     * Creates the queries over a database that has the blog schema.
     *
     * @param db the database
     */
    public BlogQueries(Db db) {
        this.db = db;
    }

    // ------------------------------------------------------------------------------------------ select

    /**
     * {@code db.select().from(users)}.
     *
     * @return every user
     */
    public List<User> allUsers() {
        return db.select().from(USERS).fetchInto(User.class);
    }

    /**
     * {@code db.select({ id: users.id, email: users.email }).from(users)}.
     *
     * @return ids and e-mails
     */
    public List<Row> userEmails() {
        return db.select(USERS.id, USERS.email).from(USERS).fetch();
    }

    /**
     * {@code db.select().from(users).where(eq(users.isActive, true))}.
     *
     * @return active users
     */
    public List<User> activeUsers() {
        return db.select().from(USERS).where(eq(USERS.isActive, true)).fetchInto(User.class);
    }

    /**
     * {@code where(and(eq(users.isActive, true), like(users.email, "%@example.com")))}.
     *
     * @return active users at example.com
     */
    public List<User> filteredUsers() {
        return db.select().from(USERS)
                .where(and(eq(USERS.isActive, true), like(USERS.email, "%@example.com")))
                .fetchInto(User.class);
    }

    /**
     * {@code db.select().from(users).orderBy(desc(users.createdAt))}.
     *
     * @return users, newest first
     */
    public List<User> sortedUsers() {
        return db.select().from(USERS).orderBy(desc(USERS.createdAt), desc(USERS.id)).fetchInto(User.class);
    }

    /**
     * {@code db.select().from(users).limit(10).offset(20)}.
     *
     * @param limit  page size
     * @param offset rows to skip
     * @return one page of users, by id
     */
    public List<User> paginatedUsers(int limit, int offset) {
        return db.select().from(USERS).orderBy(USERS.id).limit(limit).offset(offset).fetchInto(User.class);
    }

    /**
     * {@code db.select({ count: count() }).from(users).where(eq(users.isActive, true))}.
     *
     * @return the number of active users
     */
    public long activeUserCount() {
        return db.select(count().as("count")).from(USERS).where(eq(USERS.isActive, true)).fetchOne()
                .get(0, Long.class);
    }

    /**
     * {@code sql<number>`EXTRACT(DAY FROM NOW() - ${users.createdAt})`} next to the user's columns.
     *
     * @return e-mail and whole days since each user was created
     */
    public List<Row> usersWithAge() {
        Field<BigDecimal> days = sql(BigDecimal.class, "extract(day from now() - {0})", USERS.createdAt);
        return db.select(USERS.id, USERS.email, days.as("days_since_created")).from(USERS).orderBy(USERS.id).fetch();
    }

    // ------------------------------------------------------------------------------------------ insert

    /**
     * {@code db.insert(users).values({ email, name, role }).returning()}.
     *
     * @param email e-mail
     * @param name  name
     * @param role  role
     * @return the inserted user, defaults filled in
     */
    public User insertUser(String email, String name, Role role) {
        return db.insert(USERS).set(USERS.email, email).set(USERS.name, name).set(USERS.role, role)
                .returning().fetchOneInto(User.class);
    }

    /**
     * {@code db.insert(users).values([{ email, name }, ...])}: one statement.
     *
     * @param users the users
     * @return rows inserted
     */
    public int insertUsers(List<NewUser> users) {
        return db.insert(USERS).values(users).execute();
    }

    /**
     * {@code onConflictDoUpdate({ target: users.email, set: { name: "Updated Name" } })}.
     *
     * @param email e-mail
     * @param name  the name to insert, or to set on the existing user
     * @return rows inserted or updated
     */
    public int upsertName(String email, String name) {
        return db.insert(USERS).set(USERS.email, email).set(USERS.name, name)
                .onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name))).execute();
    }

    /**
     * {@code onConflictDoNothing({ target: users.email })}.
     *
     * @param email e-mail
     * @param name  name
     * @return 1 when inserted, 0 when the e-mail exists
     */
    public int insertOrIgnore(String email, String name) {
        return db.insert(USERS).values(new NewUser(email, name)).onConflictDoNothing(USERS.email).execute();
    }

    /**
     * The "catch and handle" pattern of the seeds' pitfalls: a unique violation is a distinct exception type.
     *
     * @param email e-mail
     * @return an error message for the form, or empty when the user was created
     */
    public Optional<String> registerOrExplain(String email) {
        try {
            db.insert(USERS).values(new NewUser(email, null)).execute();
            return Optional.empty();
        } catch (UniqueViolationException e) {
            return Optional.of("Email already exists");
        }
    }

    // ------------------------------------------------------------------------------------------ update

    /**
     * {@code db.update(users).set({ name, updatedAt: new Date() }).where(eq(users.id, id))}.
     *
     * @param id   the user
     * @param name the new name
     * @return rows updated
     */
    public int rename(int id, String name) {
        return db.update(USERS).set(USERS.name, name).set(USERS.updatedAt, OffsetDateTime.now())
                .where(eq(USERS.id, id)).execute();
    }

    /**
     * {@code update(users).set({ name: "Updated" }).where(eq(users.id, 1)).returning()}.
     *
     * @param id   the user
     * @param name the new name
     * @return the updated user, if it exists
     */
    public Optional<User> renameReturning(int id, String name) {
        return db.update(USERS).set(USERS.name, name).where(eq(USERS.id, id)).returning()
                .fetchOptionalInto(User.class);
    }

    /**
     * Conditional update: deactivate guests older than 30 days
     * ({@code and(eq(users.role, "guest"), sql`${users.createdAt} < NOW() - INTERVAL '30 days'`)}).
     *
     * @return rows updated
     */
    public int deactivateStaleGuests() {
        return db.update(USERS).set(USERS.isActive, false)
                .where(and(eq(USERS.role, Role.guest), sql("{0} < now() - interval '30 days'", USERS.createdAt)))
                .execute();
    }

    // ------------------------------------------------------------------------------------------ delete

    /**
     * {@code db.delete(users).where(eq(users.id, 1)).returning()}.
     *
     * @param id the user
     * @return the deleted user, if it existed
     */
    public Optional<User> deleteUser(int id) {
        return db.delete(USERS).where(eq(USERS.id, id)).returning().fetchOptionalInto(User.class);
    }

    /**
     * Bulk delete: {@code delete(users).where(sql`${users.createdAt} < NOW() - INTERVAL '1 year'`)}.
     *
     * @return rows deleted
     */
    public int deleteUsersOlderThanAYear() {
        return db.delete(USERS).where(sql("{0} < now() - interval '1 year'", USERS.createdAt)).execute();
    }

    // ------------------------------------------------------------------------------------------ joins

    /**
     * {@code select({ userId, userName, postTitle }).from(users).innerJoin(posts, eq(users.id, posts.authorId))}.
     *
     * @return one row per post with its author
     */
    public List<Row> usersWithPosts() {
        return db.select(USERS.id.as("user_id"), USERS.name.as("user_name"), POSTS.title.as("post_title"))
                .from(USERS).innerJoin(POSTS).on(eq(USERS.id, POSTS.authorId)).orderBy(POSTS.id).fetch();
    }

    /**
     * Left join with aggregation: {@code count(posts.id)} per user, users without posts included.
     *
     * @return post counts, by user id
     */
    public List<PostCount> usersWithPostCount() {
        return db.select(USERS.id, USERS.name, count(POSTS.id).as("post_count")).from(USERS)
                .leftJoin(POSTS).on(eq(USERS.id, POSTS.authorId))
                .groupBy(USERS.id, USERS.name).orderBy(USERS.id).fetchInto(PostCount.class);
    }

    /**
     * Complex join with filters: published posts of active users from the last 7 days, newest first.
     *
     * @return rows holding every user and post column
     */
    public List<Row> recentPostsByActiveUsers() {
        return db.select().from(USERS).innerJoin(POSTS).on(eq(USERS.id, POSTS.authorId))
                .where(and(eq(USERS.isActive, true), eq(POSTS.published, true),
                        sql("{0} > now() - interval '7 days'", POSTS.createdAt)))
                .orderBy(desc(POSTS.createdAt)).fetch();
    }

    // ------------------------------------------------------------------------------------------ transactions

    /**
     * Basic transaction: a user and their first post, together or not at all.
     *
     * @param email e-mail
     * @param title the first post's title
     * @return the new user's id
     */
    public int createUserWithFirstPost(String email, String title) {
        return db.transactionResult(tx -> {
            User user = tx.insert(USERS).values(new NewUser(email, null)).returning().fetchOneInto(User.class);
            tx.insert(POSTS).set(POSTS.title, title).set(POSTS.authorId, user.id()).execute();
            return user.id();
        });
    }

    /**
     * Transaction with a rollback condition ({@code tx.rollback()} in Drizzle): throwing rolls back, and the
     * exception reaches the caller.
     *
     * @param email    e-mail
     * @param title    the post's title
     * @param postable whether the post may be written; when not, the user is not kept either
     */
    public void createUserAndPostUnless(String email, String title, boolean postable) {
        db.transaction(tx -> {
            User user = tx.insert(USERS).values(new NewUser(email, null)).returning().fetchOneInto(User.class);
            if (!postable) {
                throw new IllegalStateException("not postable: rolled back");
            }
            tx.insert(POSTS).set(POSTS.title, title).set(POSTS.authorId, user.id()).execute();
        });
    }

    /**
     * Savepoints: the second insert runs in a nested transaction (a savepoint); when it fails, only it is
     * undone and the first insert commits. Drizzle's version issues {@code SAVEPOINT} by hand.
     *
     * @param first  the first e-mail
     * @param second the second e-mail, possibly a duplicate
     * @return whether the second insert was kept
     */
    public boolean insertTwoWithSavepoint(String first, String second) {
        return db.transactionResult(tx -> {
            tx.insert(USERS).values(new NewUser(first, null)).execute();
            try {
                tx.transaction(inner -> inner.insert(USERS).values(new NewUser(second, null)).execute());
                return true;
            } catch (UniqueViolationException e) {
                return false;
            }
        });
    }

    /**
     * {@code db.query.users.findMany({ with: { posts: { where: eq(posts.published, true), orderBy: desc(posts.createdAt),
     * limit } } })}: each active user with their latest published posts, in one statement (the database must have
     * been connected with {@link BlogRelations#RELATIONS}).
     *
     * @param limit posts per user
     * @return the users, by id
     */
    public List<UserWithPosts> usersWithLatestPosts(int limit) {
        return db.query(USERS)
                .where(eq(USERS.isActive, true))
                .orderBy(USERS.id)
                .with("posts", posts -> posts.where(eq(POSTS.published, true))
                        .orderBy(desc(POSTS.createdAt), desc(POSTS.id)).limit(limit))
                .findMany(UserWithPosts.class);
    }

    /**
     * Posts per author as a map, for callers that want one.
     *
     * @return author id to post count
     */
    public Map<Integer, Long> postCountsById() {
        Map<Integer, Long> out = new java.util.LinkedHashMap<>();
        for (PostCount c : usersWithPostCount()) {
            out.put(c.id(), c.postCount());
        }
        return out;
    }
}
