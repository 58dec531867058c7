package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.placeholder;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements rendered once and run many times with named placeholders. */
@PostgresTest
class PreparedStatementTest {

    private static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Db db;

    /** A users row. */
    record UserRow(Long id, String email, String name) {
    }

    /** A condition that counts how often it is rendered. */
    static final class CountingTrue implements Condition {
        final AtomicInteger renders = new AtomicInteger();

        @Override
        public ColumnType<Boolean> type() {
            return BooleanType.INSTANCE;
        }

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public void render(RenderContext ctx) {
            renders.incrementAndGet();
            ctx.sql("true");
        }
    }

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().listener(EVENTS::add));
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        BlogSchema.reset(db);
        EVENTS.clear();
    }

    @Test
    void anInsertIsRenderedOnceAndRunWithManyValues() {
        CountingTrue probe = new CountingTrue();
        PreparedQuery insert = db.insert(USERS).set(USERS.email, placeholder("email"))
                .set(USERS.name, placeholder("name")).prepare();
        PreparedResultQuery byEmail = db.select(USERS.id, USERS.email, USERS.name).from(USERS)
                .where(and(probe, eq(USERS.email, placeholder("email")))).prepare();

        for (int i = 0; i < 100; i++) {
            assertThat(insert.bind("email", "u" + i + "@example.com").bind("name", "User " + i).execute()).isEqualTo(1);
        }
        for (int i = 0; i < 100; i += 10) {
            UserRow row = byEmail.bind("email", "u" + i + "@example.com").fetchOneInto(UserRow.class);
            assertThat(row.name()).isEqualTo("User " + i);
        }

        assertThat(probe.renders).hasValue(1);
        assertThat(db.count(USERS)).isEqualTo(100);
        assertThat(EVENTS.stream().map(QueryEvent::sql).distinct().count()).isEqualTo(3);   // insert, select, count
    }

    @Test
    void aPreparedStatementIsImmutableAndSharable() {
        db.insert(USERS).set(USERS.email, "ann@example.com").set(USERS.name, "Ann").execute();
        PreparedQuery rename = db.update(USERS).set(USERS.name, placeholder("name"))
                .where(eq(USERS.email, placeholder("email"))).prepare();
        PreparedQuery forAnn = rename.bind("email", "ann@example.com");

        forAnn.bind("name", "Anne").execute();
        assertThat(db.select(USERS.name).from(USERS).fetchOne().get(USERS.name)).isEqualTo("Anne");
        forAnn.bind("name", null).execute();
        assertThat(db.select(USERS.name).from(USERS).fetchOne().get(USERS.name)).isNull();

        assertThatThrownBy(forAnn::execute)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"name\" was never bound");
    }

    @Test
    void badBindingsFailBeforeAnySqlIsSent() {
        PreparedResultQuery byId = db.select(USERS.email).from(USERS).where(eq(USERS.id, placeholder("id"))).prepare();
        EVENTS.clear();

        assertThatThrownBy(byId::fetch)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("\"id\" was never bound");
        assertThatThrownBy(() -> byId.bind("ident", 1L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[id]");
        assertThatThrownBy(() -> byId.bind("id", "one"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bigint");
        assertThatThrownBy(() -> db.select(USERS.email).from(USERS).where(eq(USERS.id, placeholder("id"))).fetch())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prepare()");
        assertThat(EVENTS).isEmpty();
    }
}
