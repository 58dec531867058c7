package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.Row;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.internal.SqlLexer;
import dev.sleet.schema.column.ByteaType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.asc;
import static dev.sleet.Sql.coalesce;
import static dev.sleet.Sql.count;
import static dev.sleet.Sql.cte;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.Sql.sql;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Cases a review of the advanced SQL found, each now rendering SQL that PostgreSQL runs. */
@PostgresTest
class ReviewRegressionTest {

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
        db.insert(USERS).values(List.of(Map.of(USERS.email, "ann@example.com", USERS.name, "Ann"),
                Map.of(USERS.email, "bob@example.com"))).execute();
    }

    @Test
    void aCteIsDeclaredOnceForEveryOperandOfASetOperation() {
        Cte named = cte("named").as(db.select(USERS.email).from(USERS).where(eq(USERS.name, "Ann")));

        Select first = db.with(named).select(named.field(USERS.email)).from(named);
        Select second = db.with(named).select(named.field(USERS.email)).from(named);

        assertThat(first.unionAll(second).fetch()).hasSize(2);
        assertThat(first.unionAll(second).toSql().sql()).startsWith("with \"named\" as (").containsOnlyOnce("with ");
    }

    @Test
    void orderingByASelectedExpressionUsesItsPosition() {
        Field<String> name = coalesce(USERS.name, "anon");

        List<Row> rows = db.select(name, count()).from(USERS).groupBy(name).orderBy(asc(name)).fetch();

        assertThat(rows).extracting(r -> r.get(0)).containsExactly("Ann", "anon");
        assertThat(db.select(name, count()).from(USERS).groupBy(name).orderBy(asc(name)).toSql().sql())
                .endsWith("group by 1 order by 1 asc");
    }

    @Test
    void aDerivedTableOfAnUnaliasedExpressionAsksForAnAlias() {
        Derived counts = db.select(USERS.name, count()).from(USERS).groupBy(USERS.name).as("counts");

        assertThatThrownBy(counts::fields)
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts").hasMessageContaining(".as(");
        Derived named = db.select(USERS.name, count().as("n")).from(USERS).groupBy(USERS.name).as("named");
        assertThat(db.select().from(named).fetch()).hasSize(2);
    }

    @Test
    void commentsEndAtACarriageReturnToo() {
        assertThat(sql("select 1 -- note\rwhere x = {0}", 1).toString()).contains("where x = $1");
        assertThat(SqlLexer.escapeQuestionMarks("select 1 -- ?\rwhere doc ? 'k'")).endsWith("doc ?? 'k'");
    }

    @Test
    void aHugePlaceholderNumberIsReportedAsMissing() {
        assertThatThrownBy(() -> sql("select {99999999999}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no argument");
    }

    @Test
    void escapeFormatByteaRejectsBadOctalWithoutQuotingTheValue() {
        assertThat(ByteaType.INSTANCE.readText("a\\101\\\\")).containsExactly('a', 'A', '\\');
        assertThatThrownBy(() -> ByteaType.INSTANCE.readText("\\9ab-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("9ab"));
    }

    @Test
    void aBatchStatementWithAnUnboundPlaceholderNamesTheStatementAndThePlaceholder() {
        assertThatThrownBy(() -> db.batch(db.update(USERS).set(USERS.name, "x").where(eq(USERS.id, 1L)),
                db.update(USERS).set(USERS.name, "y").where(eq(USERS.id, placeholder("id")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batch statement 1").hasMessageContaining("\"id\"");
        assertThat(db.select(USERS.name).from(USERS).where(eq(USERS.id, 1L)).fetchOne().get(USERS.name)).isEqualTo("Ann");
    }

    @Test
    void aChunkedInsertCountsTheWithClausesParameters() {
        Cte marker = cte("marker").as(db.select(sql(String.class, "{0}::text", "m").as("m")));
        List<Map<dev.sleet.schema.Column<?>, Object>> rows = new java.util.ArrayList<>();
        for (long i = 0; i < 21_845; i++) {     // 3 values a row: 65,535 parameters, plus one in the with clause
            rows.add(Map.of(POSTS.authorId, 1L, POSTS.title, "t" + i, POSTS.views, 1));
        }
        assertThat(db.with(marker).insert(POSTS).values(rows).execute()).isEqualTo(21_845);
    }
}
