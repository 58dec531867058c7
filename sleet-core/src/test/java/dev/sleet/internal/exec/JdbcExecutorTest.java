package dev.sleet.internal.exec;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.MappingException;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.exec.SleetException;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Streams give their connection back on every failure; the listener hears of each statement once. */
@PostgresTest
class JdbcExecutorTest {

    private static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Db db;

    /** Fails on a null name. */
    record Named(Long id, String name) {
        Named {
            if (name == null) {
                throw new IllegalStateException("no name for " + id);
            }
        }
    }

    @BeforeAll
    static void createSchema(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().maxPoolSize(2).streamFetchSize(2)
                .listener(EVENTS::add));
        BlogSchema.create(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void seed() {
        BlogSchema.reset(db);
        for (int i = 0; i < 10; i++) {
            db.insert(USERS).set(USERS.email, "u" + i + "@example.com").set(USERS.name, i == 5 ? null : "U" + i)
                    .execute();
        }
        EVENTS.clear();
    }

    private static int active() {
        return ((DbImpl) db).pool().getHikariPoolMXBean().getActiveConnections();
    }

    @Test
    void aStreamWhoseConsumerThrowsGivesItsConnectionBack() {
        Stream<Named> stream = db.select(USERS.id, USERS.name).from(USERS).orderBy(USERS.id).streamInto(Named.class);

        assertThatThrownBy(() -> stream.forEach(n -> { }))       // no try-with-resources, on purpose
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no name");

        assertThat(active()).isZero();
        assertThat(db.count(USERS)).isEqualTo(10);
    }

    @Test
    void aStreamFailingInTheMiddleIsReportedOnceAsAFailure() {
        Stream<dev.sleet.exec.Row> stream = db.select(USERS.id, USERS.name).from(USERS).orderBy(USERS.id).stream();

        assertThatThrownBy(() -> stream.forEach(r -> {
            if (r.get(USERS.name) == null) {
                throw new MappingException("stop");
            }
        })).isInstanceOf(MappingException.class);

        assertThat(active()).isZero();
        assertThat(EVENTS).hasSize(1);
        assertThat(EVENTS.get(0).failure()).isNotNull();
        assertThat(EVENTS.get(0).rows()).isEqualTo(-1);
    }

    @Test
    void aStreamThatCannotOpenIsReportedOnce() {
        db.execute(ctx -> ctx.sql("create table if not exists doomed (id int)"));
        var select = db.select(USERS.id).from(new Doomed());
        db.execute(ctx -> ctx.sql("drop table doomed"));
        EVENTS.clear();

        assertThatThrownBy(select::stream).isInstanceOf(SleetException.class).hasMessageContaining("42P01");

        assertThat(active()).isZero();
        assertThat(EVENTS).singleElement().satisfies(e -> assertThat(e.failure()).isNotNull());
    }

    /** A table that is dropped before it is read. */
    static final class Doomed extends dev.sleet.schema.Table {
        Doomed() {
            super("doomed");
        }
    }

    /** A check constraint with jsonb's {@code ?} operator. */
    static final class Settings extends dev.sleet.schema.Table {
        static final Settings SETTINGS = new Settings();
        final dev.sleet.schema.Column<java.util.Map> doc = jsonb("doc", java.util.Map.class);

        private Settings() {
            super("settings");
            check("has_theme", "doc ? 'theme'");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void ddlWithAQuestionMarkOperatorIsNotTakenForAPlaceholder() {
        db.execute(new dev.sleet.ddl.CreateTable(Settings.SETTINGS));

        db.insert(Settings.SETTINGS).set(Settings.SETTINGS.doc, java.util.Map.of("theme", "dark")).execute();

        assertThatThrownBy(() -> db.insert(Settings.SETTINGS).set(Settings.SETTINGS.doc, java.util.Map.of()).execute())
                .isInstanceOf(dev.sleet.exec.CheckViolationException.class);
    }
}
