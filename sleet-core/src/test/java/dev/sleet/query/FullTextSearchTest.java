package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.concat;
import static dev.sleet.Sql.desc;
import static dev.sleet.Sql.matches;
import static dev.sleet.Sql.plainToTsquery;
import static dev.sleet.Sql.toTsquery;
import static dev.sleet.Sql.toTsvector;
import static dev.sleet.Sql.tsRank;
import static dev.sleet.Sql.websearchToTsquery;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class FullTextSearchTest {

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
        long ann = db.insert(USERS).set(USERS.email, "ann@example.com").returning(USERS.id).fetchOne().get(USERS.id);
        post(ann, "Cats", "The fat cats sat on the mats");
        post(ann, "Rats", "A rat ran past the running dogs");
        post(ann, "Dogs", "Dogs are running; dogs are barking; dogs everywhere");
        post(ann, "Quiet", null);
    }

    private static void post(long author, String title, String body) {
        db.insert(POSTS).set(POSTS.authorId, author).set(POSTS.title, title).set(POSTS.body, body).execute();
    }

    private static List<String> titles(Condition where) {
        return db.select(POSTS.title).from(POSTS).where(where).orderBy(POSTS.id).fetch().stream()
                .map(r -> r.get(POSTS.title)).toList();
    }

    @Test
    void toTsqueryMatchesStemmedWordsWithOperators() {
        Field<String> document = toTsvector("english", POSTS.body);

        assertThat(titles(matches(document, toTsquery("english", "cat")))).containsExactly("Cats");
        assertThat(titles(matches(document, toTsquery("english", "run & dog")))).containsExactly("Rats", "Dogs");
        assertThat(titles(matches(document, toTsquery("english", "rat | mat")))).containsExactly("Cats", "Rats");
        assertThat(titles(matches(document, toTsquery("english", "dog & !rat")))).containsExactly("Dogs");
    }

    @Test
    void plainAndWebsearchQueriesTakeUserTextWithoutSyntaxErrors() {
        Field<String> document = toTsvector("english", POSTS.body);

        assertThat(titles(matches(document, plainToTsquery("english", "running dogs!! & (")))).containsExactly("Rats", "Dogs");
        assertThat(titles(matches(document, websearchToTsquery("english", "dogs -rat")))).containsExactly("Dogs");
        assertThat(titles(matches(document, websearchToTsquery("english", "\"fat cats\" or barking"))))
                .containsExactly("Cats", "Dogs");
    }

    @Test
    void configurationChangesStemmingAndIsWrittenAsACheckedConstant() {
        Field<String> simple = toTsvector("simple", POSTS.body);

        assertThat(titles(matches(simple, toTsquery("simple", "cat")))).isEmpty();
        assertThat(titles(matches(simple, toTsquery("simple", "cats")))).containsExactly("Cats");
        assertThat(db.select(POSTS.id).from(POSTS).where(matches(simple, toTsquery("simple", "cats"))).toSql().sql())
                .contains("to_tsvector('simple'::regconfig, \"posts\".\"body\") @@ to_tsquery('simple'::regconfig, $1)");
        assertThat(titles(matches(toTsvector("pg_catalog.english", POSTS.body), plainToTsquery("english", "mat"))))
                .containsExactly("Cats");
    }

    @Test
    void configurationNamesThatAreNotPlainNamesAreRefused() {
        assertThatThrownBy(() -> toTsvector("english'::regconfig, body) or true --", POSTS.body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a text search configuration name");
        assertThatThrownBy(() -> toTsquery("en glish", "cat")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rankOrdersByRelevanceAndVectorsCanBeSelected() {
        Field<String> document = toTsvector("english", concat(POSTS.title, " ", POSTS.body));
        Field<String> query = plainToTsquery("english", "dog");
        Field<Float> rank = tsRank(document, query).as("rank");

        var rows = db.select(POSTS.title, rank).from(POSTS).where(matches(document, query)).orderBy(desc(rank)).fetch();

        assertThat(rows).extracting(r -> r.get(POSTS.title)).containsExactly("Dogs", "Rats");
        assertThat(rows.get(0).get(rank)).isGreaterThan(rows.get(1).get(rank));
        Field<String> vector = toTsvector("english", POSTS.title).as("v");
        assertThat(db.select(vector).from(POSTS).orderBy(POSTS.id).fetch().get(0).get(vector)).isEqualTo("'cat':1");
    }

    @Test
    void queryTextIsBoundNotWrittenIntoSql() {
        String hostile = "cat') or true --";
        assertThat(db.select(POSTS.id).from(POSTS)
                .where(matches(toTsvector("english", POSTS.body), plainToTsquery("english", hostile))).toSql().sql())
                .doesNotContain("or true");
        // the text is parsed as words: 'cat' & 'true', and no post mentions "true"
        assertThat(titles(matches(toTsvector("english", POSTS.body), plainToTsquery("english", hostile)))).isEmpty();
    }

    @Test
    void toTsvectorWithoutConfigurationUsesTheServerDefault() {
        // "sat" is the same lexeme under every configuration, so this holds whatever the default is
        assertThat(titles(matches(toTsvector(POSTS.body), plainToTsquery("simple", "sat")))).containsExactly("Cats");
        assertThat(db.select(toTsvector(POSTS.body)).from(POSTS).toSql().sql()).startsWith("select to_tsvector(\"posts\".\"body\")");
    }
}
