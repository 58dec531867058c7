package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.TextType;
import dev.sleet.schema.column.TimestampType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static dev.sleet.Sql.caseWhen;
import static dev.sleet.Sql.cast;
import static dev.sleet.Sql.charLength;
import static dev.sleet.Sql.coalesce;
import static dev.sleet.Sql.concat;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.dateTrunc;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.extract;
import static dev.sleet.Sql.gt;
import static dev.sleet.Sql.isNull;
import static dev.sleet.Sql.length;
import static dev.sleet.Sql.lower;
import static dev.sleet.Sql.now;
import static dev.sleet.Sql.nullif;
import static dev.sleet.Sql.substring;
import static dev.sleet.Sql.trim;
import static dev.sleet.Sql.upper;
import static dev.sleet.Sql.val;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class FunctionsTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2024, 3, 15, 13, 45, 30, 0, ZoneOffset.UTC);

    private static Db db;

    private long ann;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Ann ("  Ann Lee  "), Bob (no name); posts with 0, 5 and 500 views, published T0, T0 + 40 days, never. */
    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        ann = db.insert(USERS).set(USERS.email, "Ann@Example.com").set(USERS.name, "  Ann Lee  ")
                .returning(USERS.id).fetchOne().get(USERS.id);
        db.insert(USERS).set(USERS.email, "bob@example.com").execute();
        post("Quiet", 0, T0);
        post("Some", 5, T0.plusDays(40));
        post("Popular", 500, null);
    }

    private void post(String title, int views, OffsetDateTime publishedAt) {
        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, title).set(POSTS.views, views)
                .set(POSTS.publishedAt, publishedAt).execute();
    }

    private static <T> List<T> postColumn(Field<T> field) {
        return db.select(field).from(POSTS).orderBy(POSTS.id).fetch().stream().map(r -> r.get(field)).toList();
    }

    // ------------------------------------------------------------------------------------------ case, nullif, cast

    @Test
    void caseWhenPicksTheFirstMatchingBranchWithBoundValues() {
        Field<String> size = caseWhen(gt(POSTS.views, 100), val("hot", TextType.INSTANCE))
                .when(gt(POSTS.views, 0), "warm")
                .otherwise("cold").as("size");

        assertThat(postColumn(size)).containsExactly("cold", "warm", "hot");
        assertThat(db.select(size).from(POSTS).toSql().binds()).hasSize(5);
    }

    @Test
    void caseWhenWithoutOtherwiseIsNullAndBranchesMayBeExpressions() {
        Field<String> label = caseWhen(isNull(POSTS.publishedAt), POSTS.title)
                .when(gt(POSTS.views, 1), upper(POSTS.title)).as("label");

        assertThat(postColumn(label)).containsExactly(null, "SOME", "Popular");
    }

    @Test
    void caseWhenCanBeAggregatedAndGrouped() {
        Field<Integer> bucket = caseWhen(gt(POSTS.views, 10), val(1, IntegerType.INSTANCE)).otherwise(0).as("bucket");

        List<Row> rows = db.select(bucket, count().as("n")).from(POSTS).groupBy(bucket).orderBy(bucket).fetch();

        assertThat(rows).extracting(r -> r.get(bucket) + "=" + r.get("n")).containsExactly("0=2", "1=1");
    }

    @Test
    void nullifTurnsAValueIntoNullAndCoalesceBack() {
        Field<Integer> nonZero = nullif(POSTS.views, 0).as("non_zero");
        Field<Integer> back = coalesce(nullif(POSTS.views, 0), -1).as("back");

        assertThat(postColumn(nonZero)).containsExactly(null, 5, 500);
        assertThat(postColumn(back)).containsExactly(-1, 5, 500);
        assertThat(postColumn(nullif(POSTS.title, upper(POSTS.title)).as("t"))).containsExactly("Quiet", "Some", "Popular");
    }

    @Test
    void castConvertsBetweenTypesAndReadsWithTheTargetType() {
        Field<String> asText = cast(POSTS.views, TextType.INSTANCE).as("as_text");
        Field<BigDecimal> ratio = cast(POSTS.views, new NumericType(10, 2)).as("ratio");
        Field<Long> big = cast(POSTS.views, BigintType.INSTANCE).as("big");

        assertThat(postColumn(asText)).containsExactly("0", "5", "500");
        assertThat(postColumn(ratio)).containsExactly(new BigDecimal("0.00"), new BigDecimal("5.00"),
                new BigDecimal("500.00"));
        assertThat(postColumn(big)).containsExactly(0L, 5L, 500L);
        assertThat(db.select(ratio).from(POSTS).toSql().sql()).contains("cast(\"posts\".\"views\" as numeric(10, 2))");
        assertThatThrownBy(() -> cast(POSTS.views, BigintType.BIGSERIAL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bigserial");
    }

    // ------------------------------------------------------------------------------------------ strings

    @Test
    void stringFunctionsTransformText() {
        Row row = db.select(lower(USERS.email).as("l"), upper(USERS.email).as("u"), trim(USERS.name).as("t"),
                        length(USERS.name).as("len"), charLength(trim(USERS.name)).as("clen"),
                        substring(USERS.email, 5).as("s1"), substring(USERS.email, 1, 3).as("s2"),
                        concat(trim(USERS.name), " <", lower(USERS.email), ">").as("c"))
                .from(USERS).where(eq(USERS.id, ann)).fetchOne();

        assertThat(row.get("l")).isEqualTo("ann@example.com");
        assertThat(row.get("u")).isEqualTo("ANN@EXAMPLE.COM");
        assertThat(row.get("t")).isEqualTo("Ann Lee");
        assertThat(row.get("len")).isEqualTo(11);
        assertThat(row.get("clen")).isEqualTo(7);
        assertThat(row.get("s1")).isEqualTo("Example.com");
        assertThat(row.get("s2")).isEqualTo("Ann");
        assertThat(row.get("c")).isEqualTo("Ann Lee <ann@example.com>");
    }

    @Test
    void stringFunctionsWorkInWhere() {
        List<String> found = db.select(USERS.email).from(USERS).where(eq(lower(USERS.email), "ann@example.com"))
                .fetch().stream().map(r -> r.get(USERS.email)).toList();

        assertThat(found).containsExactly("Ann@Example.com");
    }

    @Test
    void concatSkipsNullsAndRefusesValuesThatAreNotText() {
        Row row = db.select(concat("[", USERS.name, "]").as("c")).from(USERS).where(isNull(USERS.name)).fetchOne();

        assertThat(row.get("c")).isEqualTo("[]");
        assertThatThrownBy(() -> concat(USERS.name, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("part 2");
    }

    @Test
    void concatBindsTextPartsAndNeverInlinesThem() {
        String hostile = "'); drop table users; --";
        Row row = db.select(concat(USERS.email, hostile).as("c")).from(USERS).where(eq(USERS.id, ann)).fetchOne();

        assertThat(row.get("c")).isEqualTo("Ann@Example.com" + hostile);
        assertThat(db.select(concat(USERS.email, hostile)).from(USERS).toSql().sql()).doesNotContain("drop");
    }

    // ------------------------------------------------------------------------------------------ dates

    /** Runs date arithmetic in a transaction whose session time zone is UTC, whatever the server's is. */
    private static <T> T inUtc(Db.TransactionalCallable<T> work) {
        return db.transactionResult(tx -> {
            tx.execute(ctx -> ctx.sql("set local time zone 'UTC'"));
            return work.run(tx);
        });
    }

    @Test
    void dateTruncGroupsTimestampsByUnit() {
        Field<OffsetDateTime> month = dateTrunc("month", POSTS.publishedAt).as("month");

        List<Row> rows = inUtc(tx -> tx.select(month, count().as("n")).from(POSTS).groupBy(month).orderBy(month)
                .fetch());

        assertThat(rows).extracting(r -> r.get(month) == null ? null : r.get(month).toInstant())
                .containsExactly(OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                        OffsetDateTime.of(2024, 4, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant(), null);
        assertThat(db.select(dateTrunc("DAY", POSTS.publishedAt)).from(POSTS).toSql().sql())
                .contains("date_trunc('day', \"posts\".\"published_at\")");
    }

    @Test
    void dateTruncWorksOnTimestampsWithoutTimeZone() {
        Field<LocalDateTime> local = cast(POSTS.publishedAt, TimestampType.INSTANCE);
        Field<LocalDateTime> hour = dateTrunc("hour", local).as("hour");

        List<LocalDateTime> hours = inUtc(tx -> tx.select(hour).from(POSTS).orderBy(POSTS.id).fetch().stream()
                .map(r -> r.get(hour)).toList());

        assertThat(hours).containsExactly(LocalDateTime.of(2024, 3, 15, 13, 0),
                LocalDateTime.of(2024, 4, 24, 13, 0), null);
    }

    @Test
    void dateTruncAndExtractRefuseUnknownUnitsInsteadOfWritingThemIntoSql() {
        assertThatThrownBy(() -> dateTrunc("day'); drop table users; --", POSTS.publishedAt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a unit date_trunc knows");
        assertThatThrownBy(() -> extract("fortnight", POSTS.publishedAt))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a field PostgreSQL can extract");
        assertThatThrownBy(() -> dateTrunc("day", POSTS.title))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timestamp");
    }

    @Test
    void extractReturnsTheNumericPart() {
        Row row = inUtc(tx -> tx.select(extract("year", POSTS.publishedAt).as("y"),
                        extract("month", POSTS.publishedAt).as("m"), extract("dow", POSTS.publishedAt).as("dow"),
                        extract("epoch", POSTS.publishedAt).as("e"))
                .from(POSTS).where(eq(POSTS.title, "Quiet")).fetchOne());

        assertThat(((BigDecimal) row.get("y")).intValue()).isEqualTo(2024);
        assertThat(((BigDecimal) row.get("m")).intValue()).isEqualTo(3);
        assertThat(((BigDecimal) row.get("dow")).intValue()).isEqualTo(5);   // a Friday
        assertThat(((BigDecimal) row.get("e")).longValue()).isEqualTo(T0.toEpochSecond());
    }

    @Test
    void nowIsTheTransactionStartTime() {
        OffsetDateTime before = OffsetDateTime.now().minusMinutes(5);
        List<Boolean> same = db.transactionResult(tx -> {
            OffsetDateTime first = tx.select(now().as("t")).fetchOne().get(0, OffsetDateTime.class);
            Thread.sleep(20);
            OffsetDateTime second = tx.select(now().as("t")).fetchOne().get(0, OffsetDateTime.class);
            return List.of(first.isEqual(second), first.isAfter(before));
        });

        assertThat(same).containsExactly(true, true);
        assertThat(db.select(count()).from(POSTS).where(gt(now(), POSTS.publishedAt)).fetchOne().get(0, Long.class))
                .isEqualTo(2L);
    }
}
