package dev.sleet.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sleet.Sql.eq;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The listener sees every statement: its SQL, bind count, rows and time, and failures; never the values. */
@PostgresTest
class QueryListenerTest {

    @Test
    void everyStatementIsReportedWithItsShapeButNotItsValues(TestDatabase database) {
        List<QueryEvent> events = new CopyOnWriteArrayList<>();
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().listener(events::add))) {
            BlogSchema.create(db);
            events.clear();

            db.insert(USERS).set(USERS.email, "secret-ann@example.com").set(USERS.name, "Ann").execute();
            db.select(USERS.id).from(USERS).where(eq(USERS.name, "Ann")).fetch();
            assertThatThrownBy(() -> db.insert(USERS).set(USERS.email, "secret-ann@example.com").execute())
                    .isInstanceOf(UniqueViolationException.class);

            assertThat(events).hasSize(3);
            assertThat(events.get(0).sql()).startsWith("insert into \"users\"");
            assertThat(events.get(0).bindCount()).isEqualTo(2);
            assertThat(events.get(0).rows()).isEqualTo(1);
            assertThat(events.get(1).rows()).isEqualTo(1);
            assertThat(events.get(1).nanos()).isPositive();
            assertThat(events.get(2).failure()).isInstanceOf(UniqueViolationException.class);
            assertThat(events.get(2).rows()).isEqualTo(-1);
            assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("secret-ann"));
        }
    }

    @Test
    void aThrowingListenerDoesNotBreakTheStatement(TestDatabase database) {
        try (Db db = Sleet.connect(database.url(), SleetOptions.defaults().listener(e -> {
            throw new IllegalStateException("listener bug");
        }))) {
            assertThat(db.fetch(dev.sleet.Sql.sql("select {0}::int as one", 1)).get(0).get("one")).isEqualTo(1);
        }
    }
}
