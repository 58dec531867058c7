package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.lte;
import static dev.sleet.Sql.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Inserts of more rows than the protocol's 65,535 bind parameters allow in one statement. */
@PostgresTest
class InsertChunkingTest {

    /** Ten columns, so 10,000 rows bind 100,000 values. */
    public static final class Readings extends Table {
        static final Readings READINGS = new Readings();

        final Column<Integer> id = integer("id").primaryKey();
        final Column<String> sensor = text("sensor").notNull();
        final Column<Long> value = bigint("value").notNull();
        final Column<Integer> c4 = integer("c4");
        final Column<Integer> c5 = integer("c5");
        final Column<Integer> c6 = integer("c6");
        final Column<Integer> c7 = integer("c7");
        final Column<Integer> c8 = integer("c8");
        final Column<String> c9 = text("c9");
        final Column<BigDecimal> c10 = numeric("c10", 12, 2);

        private Readings() {
            super("chunk_readings");
        }
    }

    record Reading(Integer id, String sensor, Long value, Integer c4, Integer c5, Integer c6, Integer c7, Integer c8,
                   String c9, BigDecimal c10) {
    }

    private static final Readings R = Readings.READINGS;
    private static final int ROWS = 10_000;
    private static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Db db;

    @BeforeAll
    static void createTable(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().listener(EVENTS::add));
        TestDatabase.create(db, new Schema(List.of(), List.of(R)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.delete(R).all().execute();
        EVENTS.clear();
    }

    private static List<Reading> readings(int count, int firstId) {
        List<Reading> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = firstId + i;
            out.add(new Reading(id, "s" + (id % 7), (long) id * 3, id, id + 1, id + 2, id + 3, id + 4, "t\t" + id,
                    BigDecimal.valueOf(id, 2)));
        }
        return out;
    }

    private static long insertStatements() {
        return EVENTS.stream().filter(e -> e.sql().startsWith("insert into")).count();
    }

    @Test
    void insertsTenThousandRowsOfTenColumnsInChunksThatFitTheProtocol() {
        int inserted = db.insert(R).values(readings(ROWS, 1)).execute();

        assertThat(inserted).isEqualTo(ROWS);
        assertThat(db.count(R)).isEqualTo(ROWS);
        long expectedValueSum = 3L * ROWS * (ROWS + 1) / 2;
        assertThat(db.select(sum(R.value)).from(R).fetchOne().get(0, BigDecimal.class))
                .isEqualByComparingTo(BigDecimal.valueOf(expectedValueSum));
        assertThat(db.select(sum(R.c10)).from(R).fetchOne().get(0, BigDecimal.class))
                .isEqualByComparingTo(BigDecimal.valueOf((long) ROWS * (ROWS + 1) / 2, 2));
        assertThat(insertStatements()).isEqualTo(2);
        assertThat(EVENTS).filteredOn(e -> e.sql().startsWith("insert into"))
                .allSatisfy(e -> assertThat(e.bindCount()).isLessThanOrEqualTo(65_535));
        // even chunks, 5,000 + 5,000 rows: one SQL text, which the server plans once
        assertThat(EVENTS).filteredOn(e -> e.sql().startsWith("insert into"))
                .extracting(e -> e.bindCount()).containsExactly(ROWS * 5, ROWS * 5);
        assertThat(EVENTS.stream().filter(e -> e.sql().startsWith("insert into")).map(e -> e.sql()).distinct())
                .hasSize(1);
    }

    @Test
    void aBatchSplitsAHugeInsertAsExecuteDoesAndCountsItAsOneStatement() {
        int[] counts = db.batch(db.insert(R).values(readings(ROWS, 1)), db.delete(R).where(lte(R.id, 10)));

        assertThat(counts).containsExactly(ROWS, 10);
        assertThat(db.count(R)).isEqualTo(ROWS - 10);
        // the two even chunks share their SQL text, so they go as one JDBC batch of two statements
        assertThat(insertStatements()).isEqualTo(1);
        assertThat(EVENTS).filteredOn(e -> e.sql().startsWith("insert into"))
                .extracting(e -> e.bindCount()).containsExactly(ROWS * 10);
    }

    @Test
    void aHugeInsertCannotBePreparedAndSaysWhatToDoInstead() {
        assertThatThrownBy(() -> db.insert(R).values(readings(ROWS, 1)).prepare())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 65535")
                .hasMessageContaining("execute it directly");
    }

    @Test
    void returnsTheRowsOfEveryChunkInOrder() {
        List<Integer> ids = db.insert(R).values(readings(ROWS, 1)).returning(R.id).fetch().stream()
                .map(r -> r.get(R.id)).toList();

        assertThat(ids).containsExactlyElementsOf(IntStream.rangeClosed(1, ROWS).boxed().toList());
        assertThat(insertStatements()).isEqualTo(2);
    }

    @Test
    void rollsBackEveryChunkWhenALaterChunkFails() {
        db.insert(R).values(readings(1, ROWS)).execute();

        assertThatThrownBy(() -> db.insert(R).values(readings(ROWS, 1)).execute())
                .isInstanceOf(UniqueViolationException.class);

        assertThat(db.count(R)).isEqualTo(1);
    }

    @Test
    void repeatsTheOnConflictClauseInEveryChunk() {
        db.insert(R).values(readings(100, 1)).execute();
        List<Reading> changed = readings(ROWS, 1).stream()
                .map(r -> new Reading(r.id(), "new", r.value(), r.c4(), r.c5(), r.c6(), r.c7(), r.c8(), r.c9(),
                        r.c10()))
                .toList();

        int affected = db.insert(R).values(changed)
                .onConflictDoUpdate(R.id, set -> set.set(R.sensor, excluded(R.sensor))).execute();

        assertThat(affected).isEqualTo(ROWS);
        assertThat(db.count(R, eq(R.sensor, "new"))).isEqualTo(ROWS);
    }

    @Test
    void joinsTheSurroundingTransaction() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.insert(R).values(readings(ROWS, 1)).execute();
            assertThat(tx.count(R)).isEqualTo(ROWS);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(db.count(R)).isZero();
    }

    @Test
    void rendersAHugeInsertAsOneStatement() {
        var rendered = Sleet.offline().insert(R).values(readings(ROWS, 1)).toSql();

        assertThat(rendered.binds()).hasSize(ROWS * 10);
        assertThat(rendered.sql()).startsWith("insert into \"chunk_readings\"").contains("$100000");
    }
}
