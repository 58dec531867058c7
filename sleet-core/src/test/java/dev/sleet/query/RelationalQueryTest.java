package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.MappingException;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.RelationalSchema;
import dev.sleet.fixtures.RelationalSchema.Tier;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.lower;
import static dev.sleet.Sql.not;
import static dev.sleet.Sql.related;
import static dev.sleet.Sql.scalar;
import static dev.sleet.fixtures.RelationalSchema.COMMENTS;
import static dev.sleet.fixtures.RelationalSchema.EMPLOYEES;
import static dev.sleet.fixtures.RelationalSchema.POSTS;
import static dev.sleet.fixtures.RelationalSchema.POST_TAGS;
import static dev.sleet.fixtures.RelationalSchema.PROFILES;
import static dev.sleet.fixtures.RelationalSchema.TAGS;
import static dev.sleet.fixtures.RelationalSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code db.query(table)}: nested results in one statement, typed, shaped and checked. */
@PostgresTest
class RelationalQueryTest {

    private static final List<String> STATEMENTS = new CopyOnWriteArrayList<>();
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC);
    private static final BigDecimal BIG = new BigDecimal("12345678901234.123456");
    private static final UUID EXTERNAL = UUID.fromString("4f0c3b8e-9d1a-4c55-8f7e-2b6a1d3c9e01");
    private static final byte[] AVATAR = {0, 1, (byte) 0xff, '"', '\\', 10};
    private static Db db;

    record CommentRow(Long id, String body, Integer score) {
    }

    record PostRow(Long id, String title, Boolean published, OffsetDateTime createdAt, List<CommentRow> comments) {
    }

    record UserWithPosts(Long id, String name, List<PostRow> posts) {
    }

    record Author(Long id, String name, Tier tier, BigDecimal balance, UUID externalId, byte[] avatar,
                  OffsetDateTime createdAt, List<String> labels, Map<String, Object> settings) {
    }

    record PostWithPeople(Long id, Author author, Optional<Author> editor) {
    }

    record Boss(Long id, String name, Boss manager) {
    }

    record TagRow(Long id, String name) {
    }

    @BeforeAll
    static void schema(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().relations(RelationalSchema.RELATIONS)
                .listener(e -> STATEMENTS.add(e.sql())));
        RelationalSchema.create(db);
        db.execute(ctx -> ctx.sql("""
                insert into rq_users values
                  (1, 'Ann', 'pro', 12345678901234.123456, '4f0c3b8e-9d1a-4c55-8f7e-2b6a1d3c9e01', '\\x0001ff225c0a',
                   '2026-01-02 03:04:05.123456+00', '{"a,b","quote\\"d",NULL,"x y"}', '{"n": 9007199254740993, "s": "é", "nested": {"k": [1, 2.5]}}'),
                  (2, 'Bob', 'free', null, null, null, '2026-01-03 00:00:00+00', '{}', null),
                  (3, 'Cid', 'enterprise', 0.000001, null, null, '2026-01-04 00:00:00+00', null, '{}');
                insert into rq_profiles values (1, 1, 'Ann''s bio');
                insert into rq_posts values
                  (10, 1, 2, 'First', true, 5, '2026-02-01 00:00:00+00'),
                  (11, 1, null, 'Second', false, 50, '2026-02-02 00:00:00+00'),
                  (12, 1, null, 'Third', true, 7, '2026-02-03 00:00:00+00'),
                  (13, 2, 1, 'Bob''s', true, 1, '2026-02-04 00:00:00+00');
                insert into rq_comments values
                  (100, 10, 2, 'nice', 3), (101, 10, 3, 'meh', -1), (102, 12, 2, 'more', 8), (103, 13, 1, 'hi', 0);
                insert into rq_tags values (1, 'java'), (2, 'sql'), (3, 'unused');
                insert into rq_post_tags values (10, 1), (10, 2), (12, 2), (13, 1);
                insert into rq_employees values (1, 'CEO', null), (2, 'CTO', 1), (3, 'Dev', 2), (4, 'Dev2', 2)
                """));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void clear() {
        STATEMENTS.clear();
    }

    @Test
    void nestedRecordsInOneStatementWithOrderAndLimitPerParent() {
        List<UserWithPosts> users = db.query(USERS)
                .orderBy(USERS.id)
                .with("posts", posts -> posts.orderBy(desc(POSTS.createdAt)).limit(2)
                        .with("comments", comments -> comments.orderBy(desc(COMMENTS.score))))
                .findMany(UserWithPosts.class);

        assertThat(STATEMENTS).hasSize(1);
        assertThat(STATEMENTS.get(0)).contains("left join lateral").contains("json_agg");
        assertThat(users).extracting(UserWithPosts::name).containsExactly("Ann", "Bob", "Cid");
        UserWithPosts ann = users.get(0);
        assertThat(ann.posts()).extracting(PostRow::title).containsExactly("Third", "Second");
        assertThat(ann.posts().get(0).comments()).extracting(CommentRow::body).containsExactly("more");
        assertThat(ann.posts().get(0).createdAt()).isEqualTo(OffsetDateTime.parse("2026-02-03T00:00Z"));
        assertThat(ann.posts().get(1).comments()).isEmpty();
        assertThat(users.get(1).posts()).extracting(PostRow::title).containsExactly("Bob's");
        assertThat(users.get(2).posts()).isEmpty();
    }

    @Test
    void nestedValuesKeepTheTypesOfTheirColumns() {
        Author direct = db.select().from(USERS).where(eq(USERS.id, 1L)).fetchOneInto(Author.class);
        List<PostWithPeople> posts = db.query(POSTS).where(eq(POSTS.id, 13L)).with("author").with("editor")
                .findMany(PostWithPeople.class);
        Author nested = posts.get(0).editor().orElseThrow();

        assertThat(nested.balance()).isEqualTo(BIG).isEqualTo(direct.balance());
        assertThat(nested.externalId()).isEqualTo(EXTERNAL);
        assertThat(nested.avatar()).isEqualTo(AVATAR).isEqualTo(direct.avatar());
        assertThat(nested.createdAt()).isEqualTo(T0).isEqualTo(direct.createdAt());
        assertThat(nested.tier()).isEqualTo(Tier.pro);
        assertThat(nested.labels()).containsExactly("a,b", "quote\"d", null, "x y").isEqualTo(direct.labels());
        assertThat(nested.settings()).isEqualTo(direct.settings());
        assertThat(((Number) nested.settings().get("n")).longValue()).isEqualTo(9007199254740993L);
        assertThat(posts.get(0).author().name()).isEqualTo("Bob");
        assertThat(posts.get(0).author().labels()).isEmpty();
        assertThat(posts.get(0).author().balance()).isNull();

        List<PostWithPeople> noEditor = db.query(POSTS).where(eq(POSTS.id, 11L)).with("author").with("editor")
                .findMany(PostWithPeople.class);
        assertThat(noEditor.get(0).editor()).isEmpty();
    }

    @Test
    void selfRelationsAtEveryDepth() {
        List<Boss> chain = db.query(EMPLOYEES).where(eq(EMPLOYEES.name, "Dev"))
                .with("manager", m -> m.with("manager", mm -> mm.with("manager")))
                .findMany(Boss.class);
        Boss dev = chain.get(0);
        assertThat(dev.manager().name()).isEqualTo("CTO");
        assertThat(dev.manager().manager().name()).isEqualTo("CEO");
        assertThat(dev.manager().manager().manager()).isNull();

        List<Row> reports = db.query(EMPLOYEES).where(eq(EMPLOYEES.name, "CEO"))
                .with("reports", r -> r.orderBy(EMPLOYEES.name).where(gt(EMPLOYEES.id, 0L))
                        .with("reports", rr -> rr.orderBy(desc(EMPLOYEES.name))))
                .findMany();
        List<Row> cto = reports.get(0).rows("reports");
        assertThat(cto).extracting(r -> r.get("name")).containsExactly("CTO");
        assertThat(cto.get(0).rows("reports")).extracting(r -> r.get("name")).containsExactly("Dev2", "Dev");
        assertThat(STATEMENTS).hasSize(2);
    }

    @Test
    void manyToManyBothWaysAndTwoRelationsToOneTable() {
        record PostTagsRow(Long id, List<TagRow> tags) {
        }
        List<PostTagsRow> posts = db.query(POSTS).orderBy(POSTS.id)
                .with("tags", t -> t.orderBy(TAGS.name)).findMany(PostTagsRow.class);
        assertThat(posts).extracting(p -> p.tags().stream().map(TagRow::name).toList())
                .containsExactly(List.of("java", "sql"), List.of(), List.of("sql"), List.of("java"));

        List<Row> tags = db.query(TAGS).orderBy(TAGS.id).with("posts", p -> p.orderBy(POSTS.id).columns(POSTS.id))
                .findMany();
        assertThat(tags.get(0).rows("posts")).extracting(r -> r.get("id")).containsExactly(10L, 13L);
        assertThat(tags.get(2).rows("posts")).isEmpty();

        Row bobs = db.query(POSTS).where(eq(POSTS.id, 13L)).with("author").with("editor").findFirst().orElseThrow();
        assertThat(bobs.row("author").get("name")).isEqualTo("Bob");
        assertThat(bobs.row("editor").get("name")).isEqualTo("Ann");
    }

    @Test
    void oneToOneIsARowOrNull() {
        List<Row> users = db.query(USERS).columns(USERS.id).orderBy(USERS.id).with("profile").findMany();
        assertThat(users.get(0).row("profile").get("bio")).isEqualTo("Ann's bio");
        assertThat(users.get(1).row("profile")).isNull();
    }

    @Test
    void columnsExcludeAndExtrasAtEveryLevel() {
        Field<Long> commentCount = scalar(db.select(count()).from(COMMENTS).where(eq(COMMENTS.postId, POSTS.id)));
        List<Row> users = db.query(USERS)
                .columns(USERS.id, USERS.name)
                .extras(lower(USERS.name).as("lowerName"))
                .where(eq(USERS.id, 1L))
                .with("posts", p -> p.exclude(POSTS.authorId, POSTS.editorId, POSTS.createdAt)
                        .extras(commentCount.as("commentCount")).orderBy(POSTS.id))
                .findMany();
        Row ann = users.get(0);
        assertThat(ann.toMap().keySet()).containsExactly("id", "name", "lowerName", "posts");
        assertThat(ann.get("lowerName")).isEqualTo("ann");
        Row first = ann.rows("posts").get(0);
        assertThat(first.toMap().keySet()).containsExactly("id", "title", "published", "views", "commentCount");
        assertThat(ann.rows("posts")).extracting(r -> r.get("commentCount")).containsExactly(2L, 0L, 1L);
    }

    @Test
    void whereOverRelatedRows() {
        List<Row> withPublishedPopular = db.query(USERS).columns(USERS.name).orderBy(USERS.id)
                .where(related("posts", eq(POSTS.published, true)))
                .findMany();
        assertThat(withPublishedPopular).extracting(r -> r.get("name")).containsExactly("Ann", "Bob");

        List<Row> noPosts = db.query(USERS).columns(USERS.name).where(not(related("posts"))).findMany();
        assertThat(noPosts).extracting(r -> r.get("name")).containsExactly("Cid");

        // two hops: users with a post that has a comment scoring above 5; then the same filter on a nested level
        List<Row> deep = db.query(USERS).columns(USERS.name)
                .where(related("posts", related("comments", gt(COMMENTS.score, 5))))
                .findMany();
        assertThat(deep).extracting(r -> r.get("name")).containsExactly("Ann");
        List<Row> nested = db.query(USERS).columns(USERS.id).where(eq(USERS.id, 1L))
                .with("posts", p -> p.columns(POSTS.id).orderBy(POSTS.id).where(related("tags", eq(TAGS.name, "sql"))))
                .findMany();
        assertThat(nested.get(0).rows("posts")).extracting(r -> r.get("id")).containsExactly(10L, 12L);
        assertThat(STATEMENTS).hasSize(4);
    }

    @Test
    void rootLimitOffsetAndFindFirst() {
        List<Row> page = db.query(USERS).columns(USERS.id).orderBy(asc(USERS.id)).limit(1).offset(1)
                .with("posts", p -> p.columns(POSTS.title)).findMany();
        assertThat(page).hasSize(1);
        assertThat(page.get(0).get("id")).isEqualTo(2L);
        assertThat(page.get(0).rows("posts")).extracting(r -> r.get("title")).containsExactly("Bob's");

        Optional<UserWithPosts> first = db.query(USERS).orderBy(desc(USERS.id)).with("posts", p -> p.with("comments"))
                .findFirst(UserWithPosts.class);
        assertThat(first).map(UserWithPosts::name).contains("Cid");
        assertThat(db.query(USERS).where(eq(USERS.id, 99L)).findFirst()).isEmpty();
    }

    @Test
    void mapsAllTheWayDown() {
        @SuppressWarnings({"rawtypes", "unchecked"})
        List<Map<String, Object>> users = (List) db.query(USERS).columns(USERS.id).where(eq(USERS.id, 2L))
                .with("posts", p -> p.columns(POSTS.title).with("comments", c -> c.columns(COMMENTS.body)))
                .findMany(Map.class);
        assertThat(users).containsExactly(Map.of("id", 2L,
                "posts", List.of(Map.of("title", "Bob's", "comments", List.of(Map.of("body", "hi"))))));
    }

    @Test
    void badInputFailsBeforeAnythingIsSent() {
        assertThatThrownBy(() -> db.query(USERS).with("postz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rq_users has no relation named postz")
                .hasMessageContaining("[posts, profile, comments]");
        assertThatThrownBy(() -> db.query(USERS).with("author"))
                .hasMessageContaining("author is a relation of rq_posts, rq_comments");
        assertThatThrownBy(() -> db.query(USERS).with("posts", p -> p.with("manager")))
                .hasMessageContaining("rq_posts has no relation named manager");
        record Missing(Long id, String nickname) {
        }
        assertThatThrownBy(() -> db.query(USERS).findMany(Missing.class))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("Missing.nickname has no matching column");
        record NotLoaded(Long id, List<PostRow> posts) {
        }
        assertThatThrownBy(() -> db.query(USERS).findMany(NotLoaded.class))
                .hasMessageContaining("relation posts of rq_users, which the query does not load; add with(\"posts\")");
        record WrongShape(Long id, String posts) {
        }
        assertThatThrownBy(() -> db.query(USERS).with("posts").findMany(WrongShape.class))
                .hasMessageContaining("WrongShape.posts is java.lang.String, but relation posts loads a list");
        record NestedMissing(Long id, List<Missing> posts) {
        }
        assertThatThrownBy(() -> db.query(USERS).with("posts").findMany(NestedMissing.class))
                .hasMessageContaining("the rows of rq_users.posts: Missing.nickname has no matching column")
                .isInstanceOf(MappingException.class);
        assertThatThrownBy(() -> db.query(USERS).columns(POSTS.title))
                .hasMessageContaining("rq_posts.title is not a column of rq_users");
        assertThatThrownBy(() -> db.query(USERS).extras(lower(USERS.name).as("name")).findMany())
                .hasMessageContaining("extra name of the rq_users rows has the name of its column");
        assertThatThrownBy(() -> db.select(USERS.id).from(USERS).where(related("posts")).fetch())
                .hasMessageContaining("related(\"posts\") names a relation");
        assertThat(STATEMENTS).isEmpty();
    }

    @Test
    void aDbWithoutRelationsSaysHowToDeclareThem(TestDatabase database) {
        try (Db plain = Sleet.connect(database.url())) {
            assertThatThrownBy(() -> plain.query(USERS).with("posts"))
                    .hasMessageContaining("no relations are declared: pass them with SleetOptions.relations(...)");
            assertThat(plain.query(USERS).columns(USERS.id).orderBy(USERS.id).findMany()).hasSize(3);
        }
    }

    @Test
    void everyCallIsOneStatementAtEveryDepth() {
        List<Integer> counts = new ArrayList<>();
        for (int depth = 0; depth <= 6; depth++) {
            STATEMENTS.clear();
            int d = depth;
            RelationalQuery q = depth == 0 ? db.query(USERS) : db.query(USERS).with("posts", p -> posts(p, d - 1));
            assertThat(q.findMany()).hasSize(3);
            q.findFirst();
            counts.add(STATEMENTS.size());
        }
        assertThat(counts).containsOnly(2);
    }

    /** posts → comments → post → comments → ...: {@code depth} more levels beneath. */
    private static RelationalQuery.Nested posts(RelationalQuery.Nested level, int depth) {
        return depth == 0 ? level : level.with("comments", c -> comments(c, depth - 1));
    }

    private static RelationalQuery.Nested comments(RelationalQuery.Nested level, int depth) {
        return depth == 0 ? level : level.with("post", p -> posts(p, depth - 1));
    }
}
