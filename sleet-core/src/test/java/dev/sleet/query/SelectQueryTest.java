package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.fixtures.BlogSchema.Role;
import dev.sleet.render.RenderedSql;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.arrayContained;
import static dev.sleet.Sql.arrayContains;
import static dev.sleet.Sql.arrayOverlaps;
import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.avg;
import static dev.sleet.Sql.between;
import static dev.sleet.Sql.coalesce;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.exists;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.gte;
import static dev.sleet.Sql.ilike;
import static dev.sleet.Sql.in;
import static dev.sleet.Sql.isNotNull;
import static dev.sleet.Sql.isNull;
import static dev.sleet.Sql.like;
import static dev.sleet.Sql.lt;
import static dev.sleet.Sql.lte;
import static dev.sleet.Sql.max;
import static dev.sleet.Sql.min;
import static dev.sleet.Sql.ne;
import static dev.sleet.Sql.not;
import static dev.sleet.Sql.notBetween;
import static dev.sleet.Sql.notExists;
import static dev.sleet.Sql.notIlike;
import static dev.sleet.Sql.notIn;
import static dev.sleet.Sql.notLike;
import static dev.sleet.Sql.or;
import static dev.sleet.Sql.sum;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class SelectQueryTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Db db;

    private long ann;
    private long bob;
    private long cat;
    private long dan;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /**
     * Four users (dan has no posts, cat has no name) and four posts:
     * Hello (ann, 10 views, [java, sql]), Second (ann, 5, [java], unpublished), Bob's post (bob, 0, []),
     * Cat (cat, 100, null tags).
     */
    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        ann = user("ann@example.com", "Ann", true, Role.admin);
        bob = user("bob@example.com", "Bob", true, Role.member);
        cat = user("cat@other.org", null, false, Role.viewer);
        dan = user("dan@example.com", "Dan", true, Role.member);
        post(ann, "Hello", 10, List.of("java", "sql"), T0.plusDays(1));
        post(ann, "Second", 5, List.of("java"), null);
        post(bob, "Bob's post", 0, List.of(), T0.plusDays(2));
        post(cat, "Cat", 100, null, T0);
    }

    private static long user(String email, String name, boolean active, Role role) {
        return db.insert(USERS).set(USERS.email, email).set(USERS.name, name).set(USERS.isActive, active)
                .set(USERS.role, role).returning(USERS.id).fetchOne().get(USERS.id);
    }

    private static void post(long author, String title, int views, List<String> tags, OffsetDateTime publishedAt) {
        db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, title).set(POSTS.views, views)
                .set(POSTS.tags, tags).set(POSTS.publishedAt, publishedAt).execute();
    }

    private static List<String> emails(Condition... where) {
        return db.select(USERS.email).from(USERS).where(where).orderBy(USERS.id).fetch().stream()
                .map(r -> r.get(USERS.email)).toList();
    }

    private static List<String> titles(Condition... where) {
        return db.select(POSTS.title).from(POSTS).where(where).orderBy(POSTS.id).fetch().stream()
                .map(r -> r.get(POSTS.title)).toList();
    }

    // ------------------------------------------------------------------------------------------ select lists

    @Test
    void selectWithoutColumnsReturnsEveryColumnOfTheTable() {
        List<Row> rows = db.select().from(USERS).orderBy(USERS.id).fetch();

        assertThat(rows).hasSize(4);
        Row first = rows.get(0);
        assertThat(first.size()).isEqualTo(USERS.columns().size());
        assertThat(first.get(USERS.id)).isEqualTo(ann);
        assertThat(first.get(USERS.email)).isEqualTo("ann@example.com");
        assertThat(first.get(USERS.name)).isEqualTo("Ann");
        assertThat(first.get(USERS.isActive)).isTrue();
        assertThat(first.get(USERS.role)).isEqualTo(Role.admin);
        assertThat(first.get(USERS.createdAt)).isNotNull();
        assertThat(rows.get(2).get(USERS.name)).isNull();
    }

    @Test
    void selectOfChosenColumnsReturnsOnlyThoseInOrder() {
        Row row = db.select(USERS.email, USERS.id).from(USERS).where(eq(USERS.id, bob)).fetchOne();

        assertThat(row.size()).isEqualTo(2);
        assertThat(row.get(0)).isEqualTo("bob@example.com");
        assertThat(row.get(1, Long.class)).isEqualTo(bob);
        assertThat(row.toMap()).containsOnlyKeys("email", "id");
    }

    @Test
    void selectedExpressionsAreReadableByTheirAlias() {
        Field<String> display = coalesce(USERS.name, "anonymous").as("display");

        List<Row> rows = db.select(USERS.id, display).from(USERS).orderBy(USERS.id).fetch();

        assertThat(rows).extracting(r -> r.get(display))
                .containsExactly("Ann", "Bob", "anonymous", "Dan");
        assertThat(rows.get(2).get("display")).isEqualTo("anonymous");
        assertThat(rows.get(0).toMap()).containsOnlyKeys("id", "display");
    }

    // ------------------------------------------------------------------------------------------ comparisons

    @Test
    void eqAndNeCompareWithBoundValues() {
        assertThat(emails(eq(USERS.name, "Ann"))).containsExactly("ann@example.com");
        assertThat(emails(eq(USERS.role, Role.member))).containsExactly("bob@example.com", "dan@example.com");
        assertThat(emails(ne(USERS.role, Role.member))).containsExactly("ann@example.com", "cat@other.org");
        assertThat(emails(eq(USERS.isActive, false))).containsExactly("cat@other.org");
    }

    @Test
    void orderingComparisonsFilterByBoundValues() {
        assertThat(titles(gt(POSTS.views, 5))).containsExactly("Hello", "Cat");
        assertThat(titles(gte(POSTS.views, 5))).containsExactly("Hello", "Second", "Cat");
        assertThat(titles(lt(POSTS.views, 5))).containsExactly("Bob's post");
        assertThat(titles(lte(POSTS.views, 5))).containsExactly("Second", "Bob's post");
        assertThat(titles(gt(POSTS.publishedAt, T0))).containsExactly("Hello", "Bob's post");
    }

    @Test
    void comparisonsBetweenTwoColumnsCompareRowValues() {
        // title_length: Hello 5, Second 6, Bob's post 10, Cat 3
        assertThat(titles(gt(POSTS.views, POSTS.titleLength))).containsExactly("Hello", "Cat");
        assertThat(titles(lt(POSTS.views, POSTS.titleLength))).containsExactly("Second", "Bob's post");
        assertThat(titles(gte(POSTS.views, POSTS.views))).hasSize(4);
        assertThat(titles(lte(POSTS.titleLength, POSTS.views))).containsExactly("Hello", "Cat");
        assertThat(titles(ne(POSTS.views, POSTS.views))).isEmpty();
        assertThat(titles(eq(POSTS.views, POSTS.views))).hasSize(4);
    }

    @Test
    void andOrAndNotCombineConditions() {
        assertThat(emails(and(eq(USERS.isActive, true), eq(USERS.role, Role.member))))
                .containsExactly("bob@example.com", "dan@example.com");
        assertThat(emails(or(eq(USERS.role, Role.admin), eq(USERS.role, Role.viewer))))
                .containsExactly("ann@example.com", "cat@other.org");
        assertThat(emails(not(eq(USERS.isActive, true)))).containsExactly("cat@other.org");
        assertThat(emails(or(and(eq(USERS.role, Role.member), ne(USERS.name, "Bob")), eq(USERS.role, Role.admin))))
                .containsExactly("ann@example.com", "dan@example.com");
        assertThat(emails(and())).hasSize(4);
        assertThat(emails(or())).isEmpty();
    }

    @Test
    void severalWhereConditionsAreJoinedWithAnd() {
        assertThat(emails(eq(USERS.isActive, true), like(USERS.email, "%@example.com"), ne(USERS.name, "Ann")))
                .containsExactly("bob@example.com", "dan@example.com");
    }

    @Test
    void likeAndIlikeMatchPatterns() {
        assertThat(emails(like(USERS.email, "%@example.com")))
                .containsExactly("ann@example.com", "bob@example.com", "dan@example.com");
        assertThat(emails(like(USERS.email, "%@EXAMPLE.COM"))).isEmpty();
        assertThat(emails(ilike(USERS.email, "%@EXAMPLE.COM")))
                .containsExactly("ann@example.com", "bob@example.com", "dan@example.com");
        assertThat(emails(notLike(USERS.email, "%@example.com"))).containsExactly("cat@other.org");
        assertThat(emails(notIlike(USERS.email, "ANN%")))
                .containsExactly("bob@example.com", "cat@other.org", "dan@example.com");
        assertThat(emails(like(USERS.email, "_at@%"))).containsExactly("cat@other.org");
    }

    @Test
    void inAndNotInMatchValueLists() {
        assertThat(emails(in(USERS.id, bob, dan))).containsExactly("bob@example.com", "dan@example.com");
        assertThat(emails(in(USERS.email, List.of("cat@other.org", "nobody@example.com"))))
                .containsExactly("cat@other.org");
        assertThat(emails(notIn(USERS.id, ann, cat))).containsExactly("bob@example.com", "dan@example.com");
        assertThat(emails(notIn(USERS.role, List.of(Role.member)))).containsExactly("ann@example.com", "cat@other.org");
    }

    @Test
    void emptyInMatchesNothingAndEmptyNotInMatchesEverything() {
        assertThat(emails(in(USERS.id, List.of()))).isEmpty();
        assertThat(emails(notIn(USERS.id, List.of()))).hasSize(4);
        assertThat(emails(eq(USERS.isActive, true), notIn(USERS.email, List.of()))).hasSize(3);
    }

    @Test
    void comparingWithNullIsRefusedPointingToIsNull() {
        assertThatThrownBy(() -> eq(USERS.name, (String) null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull(name)");
        assertThatThrownBy(() -> in(USERS.name, Arrays.asList("Ann", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isNull");
        // what the refusal protects against: "= null" silently matches nothing, while isNull finds cat
        assertThat(emails(isNull(USERS.name))).hasSize(1);
    }

    @Test
    void isNullAndIsNotNullTestForMissingValues() {
        assertThat(emails(isNull(USERS.name))).containsExactly("cat@other.org");
        assertThat(emails(isNotNull(USERS.name)))
                .containsExactly("ann@example.com", "bob@example.com", "dan@example.com");
        assertThat(titles(isNull(POSTS.publishedAt))).containsExactly("Second");
        assertThat(titles(isNull(POSTS.tags))).containsExactly("Cat");
    }

    @Test
    void betweenIncludesBothBoundsAndNotBetweenExcludesThem() {
        assertThat(titles(between(POSTS.views, 5, 10))).containsExactly("Hello", "Second");
        assertThat(titles(notBetween(POSTS.views, 5, 10))).containsExactly("Bob's post", "Cat");
        assertThat(titles(between(POSTS.publishedAt, T0, T0.plusDays(1)))).containsExactly("Hello", "Cat");
    }

    @Test
    void existsAndNotExistsUseCorrelatedSubqueries() {
        Select postsOfUser = db.select(POSTS.id).from(POSTS).where(eq(POSTS.authorId, USERS.id));

        assertThat(emails(exists(postsOfUser)))
                .containsExactly("ann@example.com", "bob@example.com", "cat@other.org");
        assertThat(emails(notExists(postsOfUser))).containsExactly("dan@example.com");
        assertThat(emails(exists(db.select(POSTS.id).from(POSTS)
                .where(eq(POSTS.authorId, USERS.id), gt(POSTS.views, 50))))).containsExactly("cat@other.org");
    }

    @Test
    void arrayOperatorsCompareArrayColumnsWithBoundLists() {
        assertThat(titles(arrayContains(POSTS.tags, List.of("java")))).containsExactly("Hello", "Second");
        assertThat(titles(arrayContains(POSTS.tags, List.of("java", "sql")))).containsExactly("Hello");
        assertThat(titles(arrayContained(POSTS.tags, List.of("java", "go"))))
                .containsExactly("Second", "Bob's post");
        assertThat(titles(arrayOverlaps(POSTS.tags, List.of("sql", "go")))).containsExactly("Hello");
        assertThat(titles(arrayOverlaps(POSTS.tags, List.of("rust")))).isEmpty();
    }

    @Test
    void arrayColumnsReadBackAsLists() {
        List<Row> rows = db.select(POSTS.title, POSTS.tags).from(POSTS).orderBy(POSTS.id).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.tags))
                .containsExactly(List.of("java", "sql"), List.of("java"), List.of(), null);
    }

    // ------------------------------------------------------------------------------------------ joins

    @Test
    void innerJoinReturnsOnlyMatchingPairs() {
        List<Row> rows = db.select(USERS.email, POSTS.title).from(USERS)
                .innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .orderBy(POSTS.id).fetch();

        assertThat(rows).extracting(r -> r.get(USERS.email) + " " + r.get(POSTS.title)).containsExactly(
                "ann@example.com Hello", "ann@example.com Second", "bob@example.com Bob's post", "cat@other.org Cat");
    }

    @Test
    void leftJoinFillsNullsWhereNoRowMatches() {
        List<Row> rows = db.select(USERS.email, POSTS.title, POSTS.views).from(USERS)
                .leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .orderBy(asc(USERS.id), asc(POSTS.id)).fetch();

        assertThat(rows).hasSize(5);
        Row last = rows.get(4);
        assertThat(last.get(USERS.email)).isEqualTo("dan@example.com");
        assertThat(last.get(POSTS.title)).isNull();
        assertThat(last.get(POSTS.views)).isNull();
    }

    @Test
    void selectAllOverAJoinReturnsTheColumnsOfBothTables() {
        List<Row> rows = db.select().from(USERS).leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .where(eq(USERS.id, dan)).fetch();

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).size()).isEqualTo(USERS.columns().size() + POSTS.columns().size());
        assertThat(rows.get(0).get(USERS.email)).isEqualTo("dan@example.com");
        assertThat(rows.get(0).get(POSTS.id)).isNull();
    }

    @Test
    void rightJoinKeepsEveryRowOfTheJoinedTable() {
        List<Row> rows = db.select(POSTS.title, USERS.email).from(POSTS)
                .rightJoin(USERS).on(eq(POSTS.authorId, USERS.id))
                .where(isNull(POSTS.id)).fetch();

        assertThat(rows).extracting(r -> r.get(USERS.email)).containsExactly("dan@example.com");
        assertThat(rows.get(0).get(POSTS.title)).isNull();
        assertThat(db.select(count()).from(POSTS).rightJoin(USERS).on(eq(POSTS.authorId, USERS.id))
                .fetchOne().get(0, Long.class)).isEqualTo(5L);
    }

    @Test
    void fullJoinKeepsUnmatchedRowsOfBothSides() {
        // Bob's post (0 views) fails the join condition, so it appears without a user, and bob without a post.
        List<Row> rows = db.select(USERS.email, POSTS.title).from(USERS)
                .fullJoin(POSTS).on(and(eq(POSTS.authorId, USERS.id), gt(POSTS.views, 1)))
                .fetch();

        assertThat(rows).extracting(r -> r.get(USERS.email) + " " + r.get(POSTS.title)).containsExactlyInAnyOrder(
                "ann@example.com Hello", "ann@example.com Second", "cat@other.org Cat",
                "null Bob's post", "bob@example.com null", "dan@example.com null");
    }

    @Test
    void crossJoinPairsEveryRowWithEveryRow() {
        List<Row> rows = db.select(USERS.id, POSTS.id).from(USERS).crossJoin(POSTS).fetch();

        assertThat(rows).hasSize(16);
        assertThat(rows.stream().map(r -> r.get(0) + "/" + r.get(1)).distinct()).hasSize(16);
    }

    // ------------------------------------------------------------------------------------------ aggregates

    @Test
    void groupByWithHavingComputesAggregatesPerGroup() {
        Field<Long> postCount = count(POSTS.id).as("post_count");
        Field<BigDecimal> totalViews = sum(POSTS.views).as("total_views");
        Field<BigDecimal> averageViews = avg(POSTS.views).as("average_views");
        Field<Integer> fewest = min(POSTS.views).as("fewest");
        Field<Integer> most = max(POSTS.views).as("most");

        List<Row> rows = db.select(USERS.email, postCount, totalViews, averageViews, fewest, most).from(USERS)
                .innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .groupBy(USERS.email)
                .having(gt(count(), 1L))
                .fetch();

        assertThat(rows).hasSize(1);
        Row row = rows.get(0);
        assertThat(row.get(USERS.email)).isEqualTo("ann@example.com");
        assertThat(row.get(postCount)).isEqualTo(2L);
        assertThat(row.get(totalViews)).isEqualByComparingTo("15");
        assertThat(row.get(averageViews)).isEqualByComparingTo("7.5");
        assertThat(row.get(fewest)).isEqualTo(5);
        assertThat(row.get(most)).isEqualTo(10);
    }

    @Test
    void groupByWithoutHavingReturnsOneRowPerGroup() {
        Field<Long> users = count().as("users");
        List<Row> rows = db.select(USERS.role, users).from(USERS).groupBy(USERS.role)
                .orderBy(desc(users), asc(USERS.role)).fetch();

        assertThat(rows).extracting(r -> r.get(USERS.role) + "=" + r.get(users))
                .containsExactly("member=2", "admin=1", "viewer=1");
    }

    @Test
    void aggregatesOverTheWholeTableWork() {
        Row row = db.select(count(), sum(POSTS.views), max(POSTS.publishedAt), min(POSTS.title)).from(POSTS)
                .fetchOne();

        assertThat(row.get(0, Long.class)).isEqualTo(4L);
        assertThat((BigDecimal) row.get(1)).isEqualByComparingTo("115");
        assertThat(((OffsetDateTime) row.get(2)).toInstant()).isEqualTo(T0.plusDays(2).toInstant());
        assertThat(row.get(3)).isEqualTo("Bob's post");
    }

    // ------------------------------------------------------------------------------------------ order, limit

    @Test
    void orderByAscAndDescPlaceNullsAsAsked() {
        List<String> ascNullsFirst = db.select(USERS.name).from(USERS).orderBy(asc(USERS.name).nullsFirst())
                .fetch().stream().map(r -> r.get(USERS.name)).toList();
        List<String> descNullsLast = db.select(USERS.name).from(USERS).orderBy(desc(USERS.name).nullsLast())
                .fetch().stream().map(r -> r.get(USERS.name)).toList();
        List<String> ascDefault = db.select(USERS.name).from(USERS).orderBy(asc(USERS.name))
                .fetch().stream().map(r -> r.get(USERS.name)).toList();
        List<String> descDefault = db.select(USERS.name).from(USERS).orderBy(desc(USERS.name))
                .fetch().stream().map(r -> r.get(USERS.name)).toList();

        assertThat(ascNullsFirst).containsExactly(null, "Ann", "Bob", "Dan");
        assertThat(descNullsLast).containsExactly("Dan", "Bob", "Ann", null);
        assertThat(ascDefault).containsExactly("Ann", "Bob", "Dan", null);
        assertThat(descDefault).containsExactly(null, "Dan", "Bob", "Ann");
    }

    @Test
    void orderByOnSeveralFieldsSortsByEachInTurn() {
        List<String> titles = db.select(POSTS.title).from(POSTS)
                .orderBy(asc(POSTS.authorId), desc(POSTS.views)).fetch().stream()
                .map(r -> r.get(POSTS.title)).toList();

        assertThat(titles).containsExactly("Hello", "Second", "Bob's post", "Cat");
    }

    @Test
    void limitAndOffsetPageThroughOrderedRows() {
        List<Row> page = db.select(USERS.email).from(USERS).orderBy(USERS.id).limit(2).offset(1).fetch();
        List<Row> limited = db.select(USERS.email).from(USERS).orderBy(desc(USERS.id)).limit(1).fetch();
        List<Row> beyond = db.select(USERS.email).from(USERS).orderBy(USERS.id).limit(10).offset(4).fetch();
        List<Row> none = db.select(USERS.email).from(USERS).limit(0).fetch();

        assertThat(page).extracting(r -> r.get(USERS.email)).containsExactly("bob@example.com", "cat@other.org");
        assertThat(limited).extracting(r -> r.get(USERS.email)).containsExactly("dan@example.com");
        assertThat(beyond).isEmpty();
        assertThat(none).isEmpty();
    }

    // ------------------------------------------------------------------------------------------ count

    @Test
    void countReturnsTheRowsOfATable() {
        assertThat(db.count(USERS)).isEqualTo(4L);
        assertThat(db.count(POSTS)).isEqualTo(4L);
    }

    @Test
    void countWithAConditionReturnsTheMatchingRows() {
        assertThat(db.count(USERS, eq(USERS.isActive, true))).isEqualTo(3L);
        assertThat(db.count(POSTS, eq(POSTS.authorId, ann))).isEqualTo(2L);
        assertThat(db.count(USERS, like(USERS.email, "%@nowhere.invalid"))).isZero();
    }

    // ------------------------------------------------------------------------------------------ rendering

    @Test
    void toSqlRendersNumberedPlaceholdersAndQuotedIdentifiers() {
        RenderedSql sql = db.select(USERS.id, USERS.email).from(USERS)
                .where(and(eq(USERS.isActive, true), like(USERS.email, "%@example.com")))
                .orderBy(desc(USERS.createdAt)).limit(10).offset(20)
                .toSql();

        assertThat(sql.sql()).isEqualTo("select \"users\".\"id\", \"users\".\"email\" from \"users\" "
                + "where (\"users\".\"is_active\" = $1 and \"users\".\"email\" like $2) "
                + "order by \"users\".\"created_at\" desc limit 10 offset 20");
        // limit and offset are numbers, not binds: bound, they make PostgreSQL plan the statement every time
        assertThat(sql.bindValues()).containsExactly(true, "%@example.com");
    }

    @Test
    void toSqlOfAJoinQualifiesEveryColumnAndBindsNoValueAsText() {
        RenderedSql sql = db.select(USERS.email, count(POSTS.id).as("n")).from(USERS)
                .leftJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .where(in(USERS.email, "x'); drop table users; --", "y"))
                .groupBy(USERS.email)
                .toSql();

        assertThat(sql.sql()).isEqualTo("select \"users\".\"email\", count(\"posts\".\"id\") as \"n\" from \"users\" "
                + "left join \"posts\" on \"posts\".\"author_id\" = \"users\".\"id\" "
                + "where \"users\".\"email\" in ($1, $2) group by \"users\".\"email\"");
        assertThat(sql.sql()).doesNotContain("drop table");
        assertThat(sql.bindValues()).containsExactly("x'); drop table users; --", "y");
    }

    @Test
    void renderedSqlRunsAndFindsTheSameRowsAsTheBuilderDescribes() {
        Select query = db.select(USERS.email).from(USERS).where(eq(USERS.role, Role.viewer));

        assertThat(query.toSql().bindValues()).containsExactly(Role.viewer);
        assertThat(query.fetch()).extracting(r -> r.get(USERS.email)).containsExactly("cat@other.org");
    }

    @Test
    void offlineDbRendersStatementsButRefusesToRunThem() {
        Db offline = Sleet.offline();
        Select select = offline.select(USERS.email).from(USERS).where(eq(USERS.id, 7L));

        assertThat(select.toSql().sql())
                .isEqualTo("select \"users\".\"email\" from \"users\" where \"users\".\"id\" = $1");
        assertThat(select.toSql().bindValues()).containsExactly(7L);
        assertThatThrownBy(select::fetch)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Sleet.offline()")
                .hasMessageContaining("toSql()");
        assertThatThrownBy(() -> offline.count(USERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Sleet.offline()");
        assertThatThrownBy(() -> offline.insert(USERS).set(USERS.email, "a@b.c").execute())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Sleet.offline()");
        assertThatThrownBy(() -> offline.transaction(tx -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Sleet.offline()");
        // nothing reached the real database
        assertThat(db.count(USERS)).isEqualTo(4L);
    }

    @Test
    void selectWithoutColumnsOrTableIsRejectedWithAnExplanation() {
        assertThatThrownBy(() -> db.select().fetch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("from(...)");
    }
}
