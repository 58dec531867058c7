package dev.sleet.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.jsonContains;
import static dev.sleet.Sql.jsonGet;
import static dev.sleet.Sql.jsonGetText;
import static dev.sleet.Sql.jsonHasKey;
import static dev.sleet.Sql.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class JsonOperatorsTest {

    /** {@code events}: a jsonb payload and a plain json copy. */
    static final class Events extends Table {
        static final Events EVENTS = new Events();

        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<JsonNode> payload = jsonb("payload", JsonNode.class).notNull();
        final Column<JsonNode> raw = json("raw", JsonNode.class);
        final Column<String> name = text("name");

        private Events() {
            super("events");
        }
    }

    private static final Events EVENTS = Events.EVENTS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Db db;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url());
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(EVENTS)))) {
            db.execute(statement);
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seed() throws Exception {
        db.execute(ctx -> ctx.sql("truncate table events restart identity"));
        event("signup", "{\"kind\":\"signup\",\"user\":{\"id\":7,\"name\":\"Ann\"},\"tags\":[\"web\",\"eu\"]}");
        event("login", "{\"kind\":\"login\",\"user\":{\"id\":8},\"tags\":[\"app\"],\"beta\":true}");
        event("odd", "{\"kind\":\"signup\",\"user\":\"anonymous\"}");
    }

    private static void event(String name, String json) throws Exception {
        JsonNode node = JSON.readTree(json);
        db.insert(EVENTS).set(EVENTS.name, name).set(EVENTS.payload, node).set(EVENTS.raw, node).execute();
    }

    private static List<String> names(Condition where) {
        return db.select(EVENTS.name).from(EVENTS).where(where).orderBy(EVENTS.id).fetch().stream()
                .map(r -> r.get(EVENTS.name)).toList();
    }

    @Test
    void arrowReturnsJsonAndChains() {
        Field<JsonNode> user = jsonGet(EVENTS.payload, "user").as("user");
        Field<JsonNode> userId = jsonGet(jsonGet(EVENTS.payload, "user"), "id").as("user_id");
        Field<JsonNode> firstTag = jsonGet(jsonGet(EVENTS.payload, "tags"), 0).as("first_tag");

        var rows = db.select(user, userId, firstTag).from(EVENTS).orderBy(EVENTS.id).fetch();

        assertThat(rows.get(0).get(user).get("name").asText()).isEqualTo("Ann");
        assertThat(rows.get(0).get(userId).asInt()).isEqualTo(7);
        assertThat(rows.get(1).get(firstTag).asText()).isEqualTo("app");
        assertThat(rows.get(2).get(user).isTextual()).isTrue();
        assertThat(rows.get(2).get(userId)).isNull();
        assertThat(rows.get(2).get(firstTag)).isNull();
    }

    @Test
    void doubleArrowReturnsTextUsableInWhere() {
        Field<String> kind = jsonGetText(EVENTS.payload, "kind");

        assertThat(names(eq(kind, "signup"))).containsExactly("signup", "odd");
        assertThat(names(eq(jsonGetText(jsonGet(EVENTS.payload, "user"), "name"), "Ann"))).containsExactly("signup");
        assertThat(db.select(jsonGetText(jsonGet(EVENTS.payload, "tags"), 1).as("t")).from(EVENTS)
                .where(eq(EVENTS.name, "signup")).fetchOne().get("t")).isEqualTo("eu");
    }

    @Test
    void arrowOnJsonAlsoWorksAndStaysJson() {
        Field<String> kind = jsonGetText(EVENTS.raw, "kind");
        Field<JsonNode> user = jsonGet(EVENTS.raw, "user");

        assertThat(names(eq(kind, "login"))).containsExactly("login");
        assertThat(user.type().sqlName()).isEqualTo("json");
        assertThat(jsonGet(EVENTS.payload, "user").type().sqlName()).isEqualTo("jsonb");
    }

    @Test
    void containsMatchesSubDocumentsBoundAsJsonb() {
        assertThat(names(jsonContains(EVENTS.payload, Map.of("kind", "signup")))).containsExactly("signup", "odd");
        assertThat(names(jsonContains(EVENTS.payload, Map.of("user", Map.of("id", 8))))).containsExactly("login");
        assertThat(names(jsonContains(EVENTS.payload, Map.of("tags", List.of("eu"))))).containsExactly("signup");
        assertThat(names(jsonContains(jsonGet(EVENTS.payload, "tags"), List.of("web", "eu")))).containsExactly("signup");
        assertThat(db.select(EVENTS.id).from(EVENTS).where(jsonContains(EVENTS.payload, Map.of("a", 1))).toSql().sql())
                .contains("\"events\".\"payload\" @> $1::jsonb");
    }

    @Test
    void questionMarkTestsKeysAndRendersDoubledForJdbc() {
        assertThat(names(jsonHasKey(EVENTS.payload, "beta"))).containsExactly("login");
        assertThat(names(and(jsonHasKey(EVENTS.payload, "tags"), not(jsonHasKey(EVENTS.payload, "beta")))))
                .containsExactly("signup");
        assertThat(names(jsonHasKey(jsonGet(EVENTS.payload, "tags"), "app"))).containsExactly("login");

        Condition hasBeta = jsonHasKey(EVENTS.payload, "beta");
        assertThat(RenderContext.render(hasBeta, ParamStyle.JDBC).sql()).isEqualTo("\"events\".\"payload\" ?? ?");
        assertThat(RenderContext.render(hasBeta, ParamStyle.POSITIONAL).sql()).isEqualTo("\"events\".\"payload\" ? $1");
    }

    @Test
    void keysAreBoundNeverWrittenIntoSql() {
        String hostile = "kind'; drop table events; --";
        Field<String> value = jsonGetText(EVENTS.payload, hostile);

        assertThat(db.select(value.as("v")).from(EVENTS).orderBy(EVENTS.id).fetch()).extracting(r -> r.get("v"))
                .containsOnlyNulls();
        assertThat(db.select(value).from(EVENTS).toSql().sql()).doesNotContain("drop");
        assertThat(names(jsonHasKey(EVENTS.payload, hostile))).isEmpty();
    }

    @Test
    void operatorsThatNeedJsonbRefuseJsonAndOtherTypes() {
        assertThatThrownBy(() -> jsonContains(EVENTS.raw, Map.of("kind", "login")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs jsonb");
        assertThatThrownBy(() -> jsonHasKey(EVENTS.raw, "kind"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs jsonb");
        assertThatThrownBy(() -> jsonGet(EVENTS.name, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("json or jsonb");
    }
}
