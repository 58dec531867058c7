package dev.sleet.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.schema.Column;
import dev.sleet.schema.Table;
import dev.sleet.ddl.CreateTable;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sleet.Sql.count;
import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.POSTS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Looking up result columns, and caching mappers by result shape. */
@PostgresTest
class RowShapeTest {

    private static Db db;

    /** A record whose one component could be filled from a text[] or from a jsonb list. */
    record Tags(List<String> tags) {
    }

    /** Two tables with a column named {@code tags} of different types. */
    static final class ArrayTags extends Table {
        static final ArrayTags T = new ArrayTags();
        final Column<List<String>> tags = text("tags").array();

        private ArrayTags() {
            super("array_tags");
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static final class JsonTags extends Table {
        static final JsonTags T = new JsonTags();
        final Column<List> tags = jsonb("tags", List.class);

        private JsonTags() {
            super("json_tags");
        }
    }

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        BlogSchema.create(db);
        db.execute(new CreateTable(ArrayTags.T));
        db.execute(new CreateTable(JsonTags.T));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void aColumnThatWasNotSelectedIsNotFoundUnderItsName() {
        BlogSchema.reset(db);
        long ann = db.insert(USERS).set(USERS.email, "ann@example.com").returning(USERS.id).fetchOne().get(USERS.id);
        db.insert(POSTS).set(POSTS.authorId, ann).set(POSTS.title, "t").execute();

        Row row = db.select(USERS.id, USERS.email).from(USERS).innerJoin(POSTS).on(eq(POSTS.authorId, USERS.id))
                .fetchOne();

        assertThat(row.get(USERS.id)).isEqualTo(ann);
        assertThatThrownBy(() -> row.get(POSTS.id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("posts.id").hasMessageContaining("not part of this result");
    }

    @Test
    void anExpressionBuiltAgainIsFoundByItsName() {
        Row row = db.select(count()).from(USERS).fetchOne();

        assertThat(row.get(count())).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void recordsMapCorrectlyFromColumnsOfTheSameNameAndJavaClassButAnotherType() {
        db.insert(ArrayTags.T).set(ArrayTags.T.tags, List.of("a", "b")).execute();
        db.insert(JsonTags.T).set(JsonTags.T.tags, List.of("x", "y")).execute();

        List<Tags> fromArray = db.select(ArrayTags.T.tags).from(ArrayTags.T).fetchInto(Tags.class);
        List<Tags> fromJson = db.select(JsonTags.T.tags).from(JsonTags.T).fetchInto(Tags.class);

        assertThat(fromArray).containsExactly(new Tags(List.of("a", "b")));
        assertThat(fromJson).containsExactly(new Tags(List.of("x", "y")));
    }
}
