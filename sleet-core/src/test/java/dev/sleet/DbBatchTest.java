package dev.sleet;

import dev.sleet.exec.BatchException;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.fixtures.BlogSchema;
import dev.sleet.render.QueryPart;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.fixtures.BlogSchema.COUNTERS;
import static dev.sleet.fixtures.BlogSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PostgresTest
class DbBatchTest {

    private static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Db db;

    record NewUser(String email, String name) {
    }

    /** The columns of {@code counters} in the other order; a null value leaves the column's default. */
    record Count(Long value, String name) {
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

    private static QueryPart insertUser(String email) {
        return db.insert(USERS).values(new NewUser(email, "n"));
    }

    @Test
    void runsStatementsInOrderAndReturnsEachAffectedCount() {
        int[] counts = db.batch(
                insertUser("ann@example.com"),
                insertUser("bob@example.com"),
                insertUser("cy@example.com"),
                db.update(USERS).set(USERS.name, "Renamed").where(eq(USERS.email, "bob@example.com")),
                db.update(USERS).set(USERS.name, "All").all(),
                db.delete(USERS).where(eq(USERS.email, "cy@example.com")));

        assertThat(counts).containsExactly(1, 1, 1, 1, 3, 1);
        assertThat(db.select(USERS.email, USERS.name).from(USERS).orderBy(USERS.email).fetch())
                .extracting(r -> r.get(USERS.email) + "=" + r.get(USERS.name))
                .containsExactly("ann@example.com=All", "bob@example.com=All");
    }

    @Test
    void sendsConsecutiveStatementsWithTheSameSqlAsOneJdbcBatch() {
        db.batch(List.of(insertUser("a@example.com"), insertUser("b@example.com"), insertUser("c@example.com"),
                db.update(USERS).set(USERS.name, "x").all()));

        List<QueryEvent> statements = EVENTS.stream().filter(e -> !e.sql().startsWith("set ")).toList();
        assertThat(statements).hasSize(2);
        assertThat(statements.get(0).sql()).startsWith("insert into \"users\"");
        assertThat(statements.get(0).bindCount()).isEqualTo(6);
        assertThat(statements.get(0).rows()).isEqualTo(3);
        assertThat(statements.get(1).sql()).startsWith("update \"users\"");
    }

    private static QueryPart counter(String name, long value) {
        return db.insert(COUNTERS).set(COUNTERS.name, name).set(COUNTERS.value, value);
    }

    private static QueryPart upsertCounter(String name, long value) {
        return db.insert(COUNTERS).set(COUNTERS.name, name).set(COUNTERS.value, value)
                .onConflictDoUpdate(COUNTERS.name, set -> set.set(COUNTERS.value, excluded(COUNTERS.value)));
    }

    @Test
    void insertsOfOneShapeShareTheirSqlAndEachKeepsItsOwnValues() {
        int[] counts = db.batch(
                counter("a", 1),
                counter("b", 2),
                db.insert(COUNTERS).set(COUNTERS.name, "c"),            // another shape: value is the default
                counter("d", 4),
                upsertCounter("a", 10),                                  // on conflict: another shape again
                upsertCounter("e", 5),
                db.insert(COUNTERS).set(COUNTERS.name, "b").set(COUNTERS.value, 7L)
                        .onConflictDoUpdate(COUNTERS.name, set -> set.set(COUNTERS.value, 20L)),
                db.insert(COUNTERS).set(COUNTERS.name, "d").set(COUNTERS.value, 8L)
                        .onConflictDoUpdate(COUNTERS.name, set -> set.set(COUNTERS.value, 40L)));

        assertThat(counts).containsExactly(1, 1, 1, 1, 1, 1, 1, 1);
        assertThat(db.select(COUNTERS.name, COUNTERS.value).from(COUNTERS).orderBy(COUNTERS.name).fetch())
                .extracting(r -> r.get(COUNTERS.name) + "=" + r.get(COUNTERS.value))
                .containsExactly("a=10", "b=20", "c=0", "d=40", "e=5");
        List<QueryEvent> inserts = EVENTS.stream().filter(e -> e.sql().startsWith("insert into")).toList();
        assertThat(inserts).extracting(QueryEvent::rows).containsExactly(2L, 1L, 1L, 2L, 2L);
        assertThat(inserts.get(0).sql()).isEqualTo(inserts.get(2).sql());
        assertThat(inserts.get(3).bindCount()).isEqualTo(4);
        assertThat(inserts.get(4).sql()).contains("on conflict").endsWith("= ?");
        assertThat(inserts.get(4).bindCount()).isEqualTo(6);
    }

    @Test
    void recordRowsOfOneShapeShareTheirSqlWhateverTheComponentOrder() {
        int[] counts = db.batch(
                db.insert(COUNTERS).values(new Count(3L, "c")),
                db.insert(COUNTERS).values(new Count(1L, "a")),
                db.insert(COUNTERS).values(new Count(null, "z")),          // another shape: value is the default
                db.insert(COUNTERS).values(new Count(null, "y")),
                db.insert(COUNTERS).values(new Count(2L, "b")),
                db.insert(COUNTERS).values(new Count(5L, "a")).onConflictDoUpdate(COUNTERS.name,
                        set -> set.set(COUNTERS.value, excluded(COUNTERS.value))));

        assertThat(counts).containsExactly(1, 1, 1, 1, 1, 1);
        assertThat(db.select(COUNTERS.name, COUNTERS.value).from(COUNTERS).orderBy(COUNTERS.name).fetch())
                .extracting(r -> r.get(COUNTERS.name) + "=" + r.get(COUNTERS.value))
                .containsExactly("a=5", "b=2", "c=3", "y=0", "z=0");
        List<QueryEvent> inserts = EVENTS.stream().filter(e -> e.sql().startsWith("insert into")).toList();
        assertThat(inserts).extracting(QueryEvent::rows).containsExactly(2L, 2L, 1L, 1L);
        assertThat(inserts.get(0).sql()).isEqualTo(inserts.get(2).sql())
                .isEqualTo("insert into \"counters\" (\"name\", \"value\") values (?, ?)");
        assertThat(inserts.get(1).sql()).isEqualTo("insert into \"counters\" (\"name\") values (?)");
        assertThat(inserts.get(1).bindCount()).isEqualTo(2);
    }

    record Clash(String name, String NAME) {
    }

    @Test
    void aRecordWithTwoComponentsForOneColumnIsRefused() {
        assertThatThrownBy(() -> db.insert(COUNTERS).values(new Clash("a", "b")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("insert into counters: Clash.name and NAME both match column name");
    }

    @Test
    void rollsBackTheWholeBatchAndNamesTheFailingStatementWhenOneFails() {
        assertThatThrownBy(() -> db.batch(
                insertUser("ann@example.com"),
                db.insert(COUNTERS).set(COUNTERS.name, "hits").set(COUNTERS.value, 1L),
                insertUser("bob@example.com"),
                insertUser("cy@example.com"),
                insertUser("bob@example.com"),
                insertUser("dee@example.com")))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(4);
                    assertThat(e.size()).isEqualTo(6);
                    assertThat(e.getMessage()).startsWith("batch statement 4 (of 6")
                            .contains("users_email_unique").doesNotContain("bob@example.com");
                    assertThat(e.sqlState()).isEqualTo("23505");
                    assertThat(e.getCause()).isInstanceOf(UniqueViolationException.class);
                });

        assertThat(db.count(USERS)).isZero();
        assertThat(db.count(COUNTERS)).isZero();
    }

    @Test
    void namesTheFirstStatementWhenItFails() {
        assertThatThrownBy(() -> db.batch(
                db.insert(COUNTERS).set(COUNTERS.name, "hits").setNull(COUNTERS.value),
                insertUser("ann@example.com")))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.index()).isZero();
                    assertThat(e.sqlState()).isEqualTo("23502");
                });

        assertThat(db.count(USERS)).isZero();
    }

    @Test
    void joinsTheSurroundingTransaction() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.batch(insertUser("ann@example.com"), insertUser("bob@example.com"));
            assertThat(tx.count(USERS)).isEqualTo(2);
            throw new IllegalStateException("changed my mind");
        })).hasMessage("changed my mind");

        assertThat(db.count(USERS)).isZero();
    }

    @Test
    void runsStatementsBuiltFromAnOfflineDb() {
        Db offline = Sleet.offline();

        int[] counts = db.batch(offline.insert(USERS).values(new NewUser("ann@example.com", "Ann")),
                offline.insert(COUNTERS).set(COUNTERS.name, "hits"));

        assertThat(counts).containsExactly(1, 1);
        assertThat(db.count(USERS)).isEqualTo(1);
        assertThat(db.select(COUNTERS.value).from(COUNTERS).fetchOne().get(COUNTERS.value)).isZero();
    }

    @Test
    void returnsNoCountsForAnEmptyBatch() {
        assertThat(db.batch()).isEmpty();
        assertThat(EVENTS).isEmpty();
    }
}
