package dev.sleet.query;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.SleetOptions;
import dev.sleet.exec.BatchException;
import dev.sleet.exec.QueryListener.QueryEvent;
import dev.sleet.exec.Row;
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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.excluded;
import static dev.sleet.Sql.lower;
import static dev.sleet.Sql.val;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inserts of plain values render once per shape (table, row count, columns, value types, conflict clause) and
 * later inserts of that shape take the same SQL text. Checked against each statement's own rendering, with
 * shapes that differ in one thing at a time run in turns, and against what the table holds.
 */
@PostgresTest
class InsertShapeTest {

    public static final class Items extends Table {
        static final Items ITEMS = new Items();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> name = text("name").notNull();
        final Column<Integer> qty = integer("qty").notNull().defaultValue(1);
        final Column<String> note = text("note");

        private Items() {
            super("shape_items");
        }
    }

    record Item(Long id, String name, Integer qty, String note) {
    }

    /** A table whose rows take values of other classes than its columns' (lists) and, in {@code doc}, any. */
    public static final class Docs extends Table {
        static final Docs DOCS = new Docs();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<List<String>> tags = text("tags").array();
        final Column<Object> doc = jsonb("doc", Object.class);
        final Column<Integer> qty = integer("qty").notNull().defaultValue(1);

        private Docs() {
            super("shape_docs");
        }
    }

    record Doc(Long id, List<String> tags, Object doc, Integer qty) {
    }

    /** Another record class over two of the columns, in another order than the table's. */
    record NameFirst(String name, Long id) {
    }

    private static final Items T = Items.ITEMS;
    private static final List<QueryEvent> EVENTS = new CopyOnWriteArrayList<>();
    private static Db db;

    @BeforeAll
    static void createTable(TestDatabase database) {
        db = Sleet.connect(database.url(), SleetOptions.defaults().listener(EVENTS::add));
        TestDatabase.create(db, new Schema(List.of(), List.of(T, Docs.DOCS)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.delete(T).all().execute();
        db.delete(Docs.DOCS).all().execute();
        EVENTS.clear();
    }

    /** One kind of insert: the statement for a key, and what it leaves in the table (the model). */
    private record Kind(String name, LongFunction<Query> statement, Model effect) {
    }

    @FunctionalInterface
    private interface Model {
        void apply(Map<Long, Item> rows, long id);
    }

    private static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("record, every column", id -> db.insert(T).values(new Item(id, "n" + id, 2, "x")),
                (rows, id) -> rows.put(id, new Item(id, "n" + id, 2, "x"))));
        kinds.add(new Kind("record, qty left to its default", id -> db.insert(T).values(new Item(id, "d" + id, null,
                null)), (rows, id) -> rows.put(id, new Item(id, "d" + id, 1, null))));
        kinds.add(new Kind("another record class", id -> db.insert(T).values(new NameFirst("f" + id, id)),
                (rows, id) -> rows.put(id, new Item(id, "f" + id, 1, null))));
        kinds.add(new Kind("map, keys in reverse order", id -> {
            Map<Column<?>, Object> row = new LinkedHashMap<>();
            row.put(T.note, "m");
            row.put(T.qty, 3);
            row.put(T.name, "m" + id);
            row.put(T.id, id);
            return db.insert(T).values(row);
        }, (rows, id) -> rows.put(id, new Item(id, "m" + id, 3, "m"))));
        kinds.add(new Kind("set(...) one column at a time", id -> db.insert(T).set(T.note, "s").set(T.id, id)
                .set(T.name, "s" + id), (rows, id) -> rows.put(id, new Item(id, "s" + id, 1, "s"))));
        kinds.add(new Kind("a value as an expression", id -> {
            Map<Column<?>, Object> row = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
            row.put(T.id, id);
            row.put(T.name, lower(val("LOWER", T.name)));
            return db.insert(T).values(row);
        }, (rows, id) -> rows.put(id, new Item(id, "lower", 1, null))));
        kinds.add(new Kind("upsert, name from excluded", id -> db.insert(T).values(new Item(id, "u" + id, 4, "u"))
                .onConflictDoUpdate(T.id, set -> set.set(T.name, excluded(T.name))),
                (rows, id) -> rows.merge(id, new Item(id, "u" + id, 4, "u"),
                        (old, row) -> new Item(id, row.name(), old.qty(), old.note()))));
        kinds.add(new Kind("upsert, note from excluded", id -> db.insert(T).values(new Item(id, "v" + id, 5, "v"))
                .onConflictDoUpdate(T.id, set -> set.set(T.note, excluded(T.note))),
                (rows, id) -> rows.merge(id, new Item(id, "v" + id, 5, "v"),
                        (old, row) -> new Item(id, old.name(), old.qty(), row.note()))));
        kinds.add(new Kind("upsert, a value in its where", id -> db.insert(T).values(new Item(id, "w" + id, 6, "w"))
                .onConflictDoUpdate(T.id, set -> set.set(T.note, excluded(T.note)).where(eq(T.qty, 2))),
                (rows, id) -> rows.merge(id, new Item(id, "w" + id, 6, "w"),
                        (old, row) -> old.qty() == 2 ? new Item(id, old.name(), old.qty(), row.note()) : old)));
        kinds.add(new Kind("upsert, do nothing", id -> db.insert(T).values(new Item(id, "z" + id, 7, "z"))
                .onConflictDoNothing(), (rows, id) -> rows.putIfAbsent(id, new Item(id, "z" + id, 7, "z"))));
        kinds.add(new Kind("two rows", id -> db.insert(T).values(List.of(new Item(id, "a" + id, 8, "a"),
                new Item(id + 1000, "b" + id, 8, "b"))), (rows, id) -> {
            rows.put(id, new Item(id, "a" + id, 8, "a"));
            rows.put(id + 1000, new Item(id + 1000, "b" + id, 8, "b"));
        }));
        kinds.add(new Kind("three rows", id -> db.insert(T).values(List.of(new Item(id, "a" + id, 9, "a"),
                new Item(id + 1000, "b" + id, 9, "b"), new Item(id + 2000, "c" + id, 9, "c"))), (rows, id) -> {
            rows.put(id, new Item(id, "a" + id, 9, "a"));
            rows.put(id + 1000, new Item(id + 1000, "b" + id, 9, "b"));
            rows.put(id + 2000, new Item(id + 2000, "c" + id, 9, "c"));
        }));
        kinds.add(new Kind("two rows, one leaving qty to its default", id -> db.insert(T).values(List.of(
                new Item(id, "a" + id, 10, "a"), new Item(id + 1000, "b" + id, null, "b"))), (rows, id) -> {
            rows.put(id, new Item(id, "a" + id, 10, "a"));
            rows.put(id + 1000, new Item(id + 1000, "b" + id, 1, "b"));
        }));
        return kinds;
    }

    @Test
    void everyInsertSendsItsOwnStatementWhateverShapesRanBefore() {
        List<Kind> kinds = kinds();
        Map<Long, Item> expected = new TreeMap<>();
        for (int round = 0; round < 4; round++) {
            // in turns, forwards and backwards, so that each shape follows several others; upserts land on keys
            // that the plain inserts of the round before wrote, and on new keys
            for (int k = 0; k < kinds.size(); k++) {
                Kind kind = kinds.get(round % 2 == 0 ? k : kinds.size() - 1 - k);
                long id = kind.name().startsWith("upsert") ? 1 + round * 3L + (k % 3) : 100 * (round + 1) + k;
                Query statement = kind.statement().apply(id);
                EVENTS.clear();
                statement.execute();
                assertThat(EVENTS).as(kind.name()).hasSize(1);
                assertThat(EVENTS.get(0).sql()).as(kind.name())
                        .isEqualTo(statement.toSql().sql().replaceAll("\\$\\d+", "?"));
                assertThat(EVENTS.get(0).bindCount()).as(kind.name()).isEqualTo(statement.toSql().binds().size());
                kind.effect().apply(expected, id);
            }
        }
        List<Item> stored = db.select(T.id, T.name, T.qty, T.note).from(T).orderBy(T.id).fetchInto(Item.class);
        assertThat(stored).containsExactlyElementsOf(expected.values());
    }

    @Test
    void insertsOfOneShapeSendOneSqlTextHoweverTheyRun() {
        db.insert(T).values(new Item(1L, "a", 2, "x")).execute();
        db.insert(T).values(Map.of(T.id, 2L, T.name, "b", T.qty, 3, T.note, "y")).execute();
        db.transaction(tx -> tx.insert(T).values(new Item(3L, "c", 4, "z")).execute());
        db.execute(db.insert(T).set(T.id, 4L).set(T.name, "d").set(T.qty, 5).set(T.note, "w"));
        db.batch(List.of(db.insert(T).values(new Item(5L, "e", 6, "v")), db.insert(T).values(new Item(6L, "f", 7,
                "u"))));

        List<String> inserts = EVENTS.stream().map(QueryEvent::sql).filter(s -> s.startsWith("insert")).toList();
        assertThat(inserts).hasSize(5);   // the batch's two inserts are one JDBC batch, reported once
        // the same String, not only equal text: pgjdbc's statement cache then finds it without hashing it again
        assertThat(inserts).allSatisfy(sql -> assertThat(sql).isSameAs(inserts.get(0)));
        assertThat(db.select(T.id, T.name, T.qty, T.note).from(T).orderBy(T.id).fetchInto(Item.class))
                .containsExactly(new Item(1L, "a", 2, "x"), new Item(2L, "b", 3, "y"), new Item(3L, "c", 4, "z"),
                        new Item(4L, "d", 5, "w"), new Item(5L, "e", 6, "v"), new Item(6L, "f", 7, "u"));
    }

    @Test
    void conflictSettersUsedAfterTheirLambdaAreRefused() {
        ConflictUpdate[] kept = new ConflictUpdate[1];
        db.insert(T).values(new Item(1L, "a", 2, "x")).onConflictDoUpdate(T.id, set -> {
            kept[0] = set;
            set.set(T.name, excluded(T.name));
        });

        assertThatThrownBy(() -> kept[0].set(T.note, "late"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shape_items")
                .hasMessageContaining("after their lambda returned");
    }

    @Test
    void aFailedInsertOfAKnownShapeReportsItsOwnValues() {
        db.insert(T).values(new Item(1L, "a", 2, "x")).execute();   // the shape is known from here on
        db.insert(T).values(new Item(2L, "b", 3, null)).execute();

        assertThatThrownBy(() -> db.insert(T).values(new Item(2L, "again", 4, "y")).execute())
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> {
                    assertThat(e.sql()).startsWith("insert into \"shape_items\"");
                    assertThat(e.bindValues()).containsExactly(2L, "again", 4, "y");
                    assertThat(e.getMessage()).doesNotContain("again");
                });
        assertThatThrownBy(() -> db.batch(List.of(db.insert(T).values(new Item(3L, "c", 5, "z")),
                db.insert(T).values(new Item(1L, "twice", 6, null)))))
                .isInstanceOfSatisfying(BatchException.class, e -> {
                    assertThat(e.index()).isEqualTo(1);
                    assertThat(e.getCause()).isInstanceOfSatisfying(UniqueViolationException.class,
                            cause -> assertThat(cause.bindValues()).containsExactly(1L, "twice", 6, null));
                });
        // a failed batch leaves nothing; the listener heard each statement with its number of values, the
        // batch's two as one JDBC batch
        assertThat(db.select(T.id).from(T).orderBy(T.id).fetch().stream().map(row -> row.get(T.id)))
                .containsExactly(1L, 2L);
        assertThat(EVENTS).filteredOn(event -> event.sql().startsWith("insert")).extracting(QueryEvent::bindCount)
                .containsExactly(4, 4, 4, 8);
    }

    @Test
    void recordRowsWithValuesOfOtherClassesAndExpressionsInsertAsGiven() {
        Docs d = Docs.DOCS;
        // a list of the JDK's own immutable class and a map for jsonb: values their columns take, of other
        // classes than the columns' own; a null qty is left to its default; twice, the second of a known shape
        for (long id = 1; id <= 2; id++) {
            db.insert(d).values(new Doc(id, List.of("a", "b" + id), Map.of("k", id), null)).execute();
        }
        // a value given as a field, and a placeholder, which only a prepared insert fills
        db.insert(d).values(new Doc(3L, new ArrayList<>(List.of("c")), val(Map.of("v", 3), d.doc), 7)).execute();
        Doc withPlaceholder = new Doc(4L, List.of(), dev.sleet.Sql.placeholder("doc"), null);
        assertThatThrownBy(() -> db.insert(d).values(withPlaceholder).execute())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("placeholder \"doc\" has no value");
        assertThatThrownBy(() -> db.batch(List.of(db.insert(d).values(withPlaceholder))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placeholder \"doc\"");
        db.insert(d).values(withPlaceholder).prepare().bind("doc", List.of(1, 2)).execute();

        List<Row> rows = db.select(d.id, d.tags, d.doc, d.qty).from(d).orderBy(d.id).fetch();
        assertThat(rows).extracting(row -> row.get(d.tags)).containsExactly(List.of("a", "b1"), List.of("a", "b2"),
                List.of("c"), List.of());
        assertThat(rows).extracting(row -> String.valueOf(row.get(d.doc))).containsExactly("{k=1}", "{k=2}",
                "{v=3}", "[1, 2]");
        assertThat(rows).extracting(row -> row.get(d.qty)).containsExactly(1, 1, 7, 1);
    }
}
