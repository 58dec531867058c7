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

import java.math.BigDecimal;
import java.util.List;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.avg;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.currentRow;
import static dev.sleet.Sql.denseRank;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.firstValue;
import static dev.sleet.Sql.following;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.gte;
import static dev.sleet.Sql.lag;
import static dev.sleet.Sql.lastValue;
import static dev.sleet.Sql.lead;
import static dev.sleet.Sql.max;
import static dev.sleet.Sql.min;
import static dev.sleet.Sql.ntile;
import static dev.sleet.Sql.orderBy;
import static dev.sleet.Sql.partitionBy;
import static dev.sleet.Sql.preceding;
import static dev.sleet.Sql.rank;
import static dev.sleet.Sql.rowNumber;
import static dev.sleet.Sql.sum;
import static dev.sleet.Sql.unboundedFollowing;
import static dev.sleet.Sql.unboundedPreceding;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class WindowFunctionTest {

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

    /** Ann's posts A1..A4 with 10, 30, 30, 5 views; Bob's B1, B2 with 7, 1 views (ids in that order). */
    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        ann = user("ann@example.com");
        bob = user("bob@example.com");
        post(ann, "A1", 10);
        post(ann, "A2", 30);
        post(ann, "A3", 30);
        post(ann, "A4", 5);
        post(bob, "B1", 7);
        post(bob, "B2", 1);
    }

    private static long user(String email) {
        return db.insert(USERS).set(USERS.email, email).returning(USERS.id).fetchOne().get(USERS.id);
    }

    private static void post(long author, String title, int views) {
        db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, title).set(POSTS.views, views).execute();
    }

    private static <T> List<T> column(List<Row> rows, Field<T> field) {
        return rows.stream().map(r -> r.get(field)).toList();
    }

    @Test
    void rowNumberRankAndDenseRankNumberRowsWithinEachPartition() {
        Window byViews = partitionBy(POSTS.authorId).orderBy(desc(POSTS.views));
        Field<Long> rowNumber = rowNumber().over(byViews.orderBy(asc(POSTS.id))).as("row_number");
        Field<Long> rank = rank().over(byViews).as("rank");
        Field<Long> dense = denseRank().over(byViews).as("dense_rank");

        List<Row> rows = db.select(POSTS.title, rowNumber, rank, dense).from(POSTS)
                .orderBy(POSTS.authorId, rowNumber).fetch();

        assertThat(column(rows, POSTS.title)).containsExactly("A2", "A3", "A1", "A4", "B1", "B2");
        assertThat(column(rows, rowNumber)).containsExactly(1L, 2L, 3L, 4L, 1L, 2L);
        assertThat(column(rows, rank)).containsExactly(1L, 1L, 3L, 4L, 1L, 2L);
        assertThat(column(rows, dense)).containsExactly(1L, 1L, 2L, 3L, 1L, 2L);
    }

    @Test
    void runningSumWithARowsFrameAddsUpToTheCurrentRow() {
        Field<BigDecimal> running = sum(POSTS.views)
                .over(partitionBy(POSTS.authorId).orderBy(POSTS.id).rowsBetween(unboundedPreceding(), currentRow()))
                .as("running");

        List<Row> rows = db.select(POSTS.title, running).from(POSTS).orderBy(POSTS.id).fetch();

        assertThat(column(rows, running)).extracting(BigDecimal::intValue).containsExactly(10, 40, 70, 75, 7, 8);
        assertThat(db.select(running).from(POSTS).toSql().sql()).contains(
                "sum(\"posts\".\"views\") over (partition by \"posts\".\"author_id\" order by \"posts\".\"id\" asc "
                        + "rows between unbounded preceding and current row)");
    }

    @Test
    void movingAverageWithBoundOffsetsUsesTheFrame() {
        Field<BigDecimal> moving = avg(POSTS.views)
                .over(orderBy(POSTS.id).rowsBetween(preceding(1), following(1))).as("moving");

        List<Row> rows = db.select(POSTS.id, moving).from(POSTS).where(eq(POSTS.authorId, ann))
                .orderBy(POSTS.id).fetch();

        // (10+30)/2, (10+30+30)/3, (30+30+5)/3, (30+5)/2
        assertThat(column(rows, moving)).extracting(v -> v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                .containsExactly("20.00", "23.33", "21.67", "17.50");
    }

    @Test
    void aggregateOverAnEmptyWindowGivesTheTotalOnEveryRow() {
        Field<Long> total = count().over().as("total");
        Field<Integer> most = max(POSTS.views).over(partitionBy(POSTS.authorId)).as("most");

        List<Row> rows = db.select(POSTS.title, total, most).from(POSTS).orderBy(POSTS.id).fetch();

        assertThat(column(rows, total)).containsOnly(6L);
        assertThat(column(rows, most)).containsExactly(30, 30, 30, 30, 7, 7);
    }

    @Test
    void rangeFrameTreatsPeersAsOneStep() {
        Field<BigDecimal> cumulative = sum(POSTS.views)
                .over(partitionBy(POSTS.authorId).orderBy(POSTS.views).rangeBetween(unboundedPreceding(), currentRow()))
                .as("cumulative");

        List<Row> rows = db.select(POSTS.title, cumulative).from(POSTS).where(eq(POSTS.authorId, ann))
                .orderBy(POSTS.views, POSTS.id).fetch();

        // 5, 5+10, and both 30s are peers: 15+30+30 on each
        assertThat(column(rows, cumulative)).extracting(BigDecimal::intValue).containsExactly(5, 15, 75, 75);
    }

    @Test
    void lagAndLeadReadNeighbouringRowsWithOffsetsAndDefaults() {
        Window byId = partitionBy(POSTS.authorId).orderBy(POSTS.id);
        Field<Integer> previous = lag(POSTS.views).over(byId).as("previous");
        Field<Integer> twoBack = lag(POSTS.views, 2, -1).over(byId).as("two_back");
        Field<Integer> next = lead(POSTS.views).over(byId).as("next");
        Field<String> nextTitle = lead(POSTS.title, 1, "none").over(byId).as("next_title");

        List<Row> rows = db.select(POSTS.title, previous, twoBack, next, nextTitle).from(POSTS)
                .orderBy(POSTS.id).fetch();

        assertThat(column(rows, previous)).containsExactly(null, 10, 30, 30, null, 7);
        assertThat(column(rows, twoBack)).containsExactly(-1, -1, 10, 30, -1, -1);
        assertThat(column(rows, next)).containsExactly(30, 30, 5, null, 1, null);
        assertThat(column(rows, nextTitle)).containsExactly("A2", "A3", "A4", "none", "B2", "none");
    }

    @Test
    void firstValueLastValueAndNtileFollowTheFrame() {
        Window whole = partitionBy(POSTS.authorId).orderBy(POSTS.id)
                .rowsBetween(unboundedPreceding(), unboundedFollowing());
        Field<String> first = firstValue(POSTS.title).over(whole).as("first");
        Field<String> last = lastValue(POSTS.title).over(whole).as("last");
        Field<Integer> half = ntile(2).over(partitionBy(POSTS.authorId).orderBy(POSTS.id)).as("half");

        List<Row> rows = db.select(first, last, half).from(POSTS).orderBy(POSTS.id).fetch();

        assertThat(column(rows, first)).containsExactly("A1", "A1", "A1", "A1", "B1", "B1");
        assertThat(column(rows, last)).containsExactly("A4", "A4", "A4", "A4", "B2", "B2");
        assertThat(column(rows, half)).containsExactly(1, 1, 2, 2, 1, 2);
    }

    @Test
    void aggregateFilterCountsOnlyMatchingRows() {
        Field<Long> all = count().as("all_posts");
        Field<Long> popular = count().filter(gte(POSTS.views, 10)).as("popular");
        Field<Integer> smallest = min(POSTS.views).filter(gt(POSTS.views, 5)).filter(gt(POSTS.views, 7)).as("smallest");

        List<Row> rows = db.select(POSTS.authorId, all, popular, smallest).from(POSTS).groupBy(POSTS.authorId)
                .orderBy(POSTS.authorId).fetch();

        assertThat(column(rows, all)).containsExactly(4L, 2L);
        assertThat(column(rows, popular)).containsExactly(3L, 0L);
        assertThat(column(rows, smallest)).containsExactly(10, null);
        assertThat(db.select(popular).from(POSTS).toSql().sql())
                .contains("count(*) filter (where \"posts\".\"views\" >= $1)");
    }

    @Test
    void filteredAggregateCanAlsoRunOverAWindow() {
        Field<Long> popularSoFar = count().filter(gte(POSTS.views, 10))
                .over(partitionBy(POSTS.authorId).orderBy(POSTS.id)).as("popular_so_far");

        List<Row> rows = db.select(popularSoFar).from(POSTS).orderBy(POSTS.id).fetch();

        assertThat(column(rows, popularSoFar)).containsExactly(1L, 2L, 3L, 3L, 0L, 0L);
    }

    @Test
    void windowFunctionsNeedAWindowAtCompileTimeAndFramesMustBeOrdered() {
        // rowNumber() is not a Field: only rowNumber().over(...) can be selected, so a missing over is a
        // compile error; a frame ending before it starts is refused when the window is built
        assertThatThrownBy(() -> Window.empty().rowsBetween(currentRow(), preceding(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows between current row and 1 preceding")
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> preceding(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ntile(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
