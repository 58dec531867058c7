package dev.sleet.bench;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.desc;

/**
 * Users with their last five posts, for all 10,000 users (200,000 posts, 20 each, an index on
 * {@code (author_id, created_at desc)}), mapped into {@code UserWithPosts(id, name, List<PostRow>)}:
 *
 * <ul>
 *   <li>{@code nPlusOne}: the users, then one prepared statement per user for its posts (10,001 statements),
 *       with every advantage raw JDBC can give it: one connection, one prepared statement reused;</li>
 *   <li>{@code handWrittenLateral}: one hand-written {@code left join lateral (... limit 5)} statement, flat
 *       rows grouped into records by hand;</li>
 *   <li>{@code sleetFindMany}: {@code db.query(USERS).with("posts", p -> p.orderBy(desc(createdAt)).limit(5))}
 *       {@code .findMany(UserWithPosts.class)}: one statement, JSON aggregation, decoded by column type.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class RelationalBenchmark {

    /** The users. */
    public static final class Users extends Table {
        static final Users USERS = new Users();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = text("name").notNull();

        private Users() {
            super("bench_rel_users");
        }
    }

    /** Their posts. */
    public static final class Posts extends Table {
        static final Posts POSTS = new Posts();
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull().references(() -> Users.USERS.id);
        final Column<String> title = text("title").notNull();
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull();

        private Posts() {
            super("bench_rel_posts");
            index("bench_rel_posts_author_created_idx").on(authorId, desc(createdAt));
        }
    }

    /** A post as the application uses it. */
    public record PostRow(Long id, String title, OffsetDateTime createdAt) {
    }

    /** A user with their last posts. */
    public record UserWithPosts(Long id, String name, List<PostRow> posts) {
    }

    private static final int USERS = 10_000;
    private static final int POSTS_PER_USER = 20;
    private static final Relations RELATIONS = Relations.builder()
            .many("posts", Users.USERS.id, Posts.POSTS.authorId)
            .build();
    private static final String USERS_SQL = "select id, name from bench_rel_users order by id";
    private static final String POSTS_SQL = "select id, title, created_at from bench_rel_posts where author_id = ? "
            + "order by created_at desc limit 5";
    private static final String LATERAL_SQL = "select u.id, u.name, p.id, p.title, p.created_at "
            + "from bench_rel_users u left join lateral (select id, title, created_at from bench_rel_posts "
            + "where author_id = u.id order by created_at desc limit 5) p on true order by u.id, p.created_at desc";

    private BenchDatabase database;
    private Db db;

    /** Creates and fills the tables once. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        database = new BenchDatabase();
        db = Sleet.connect(database.pool(), SleetOptions.defaults().relations(RELATIONS));
        try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_rel_posts, bench_rel_users");
        }
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(Users.USERS, Posts.POSTS)))) {
            db.execute(statement);
        }
        try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
            st.execute("insert into bench_rel_users select g, 'user ' || g from generate_series(1, " + USERS + ") g");
            st.execute("insert into bench_rel_posts select g, 1 + g % " + USERS + ", 'post ' || g, "
                    + "timestamptz '2026-01-01' + g * interval '1 minute' from generate_series(1, "
                    + USERS * POSTS_PER_USER + ") g");
            st.execute("vacuum analyze bench_rel_users, bench_rel_posts");
        }
        int loaded = sleetFindMany().size();
        if (loaded != USERS || handWrittenLateral().size() != USERS || nPlusOne().size() != USERS
                || !sleetFindMany().equals(handWrittenLateral()) || !nPlusOne().equals(handWrittenLateral())) {
            throw new IllegalStateException("the contenders disagree");
        }
    }

    /** Drops the tables and stops the server. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        try (Connection c = database.pool().getConnection(); Statement st = c.createStatement()) {
            st.execute("drop table if exists bench_rel_posts, bench_rel_users");
        }
        db.close();
        database.close();
    }

    /**
     * One statement for the users, then one per user.
     *
     * @return the users with their posts
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<UserWithPosts> nPlusOne() throws SQLException {
        List<UserWithPosts> out = new ArrayList<>(USERS);
        try (Connection c = database.pool().getConnection();
             PreparedStatement users = c.prepareStatement(USERS_SQL);
             PreparedStatement posts = c.prepareStatement(POSTS_SQL);
             ResultSet u = users.executeQuery()) {
            while (u.next()) {
                long id = u.getLong(1);
                List<PostRow> list = new ArrayList<>(5);
                posts.setLong(1, id);
                try (ResultSet p = posts.executeQuery()) {
                    while (p.next()) {
                        list.add(new PostRow(p.getLong(1), p.getString(2), p.getObject(3, OffsetDateTime.class)));
                    }
                }
                out.add(new UserWithPosts(id, u.getString(2), list));
            }
        }
        return out;
    }

    /**
     * One hand-written lateral join, grouped by hand.
     *
     * @return the users with their posts
     * @throws SQLException never, on a healthy server
     */
    @Benchmark
    public List<UserWithPosts> handWrittenLateral() throws SQLException {
        List<UserWithPosts> out = new ArrayList<>(USERS);
        try (Connection c = database.pool().getConnection();
             PreparedStatement ps = c.prepareStatement(LATERAL_SQL);
             ResultSet rs = ps.executeQuery()) {
            long current = -1;
            List<PostRow> posts = null;
            while (rs.next()) {
                long id = rs.getLong(1);
                if (id != current) {
                    current = id;
                    posts = new ArrayList<>(5);
                    out.add(new UserWithPosts(id, rs.getString(2), posts));
                }
                long postId = rs.getLong(3);
                if (!rs.wasNull()) {
                    posts.add(new PostRow(postId, rs.getString(4), rs.getObject(5, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    /**
     * Sleet's relational query.
     *
     * @return the users with their posts
     */
    @Benchmark
    public List<UserWithPosts> sleetFindMany() {
        Users u = Users.USERS;
        Posts p = Posts.POSTS;
        return db.query(u).orderBy(asc(u.id))
                .with("posts", posts -> posts.columns(p.id, p.title, p.createdAt).orderBy(desc(p.createdAt)).limit(5))
                .findMany(UserWithPosts.class);
    }
}
