package dev.sleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.exec.CopyException;
import dev.sleet.exec.NotNullViolationException;
import dev.sleet.exec.Row;
import dev.sleet.schema.Column;
import dev.sleet.schema.Interval;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code copyInto} and {@code copyOut}: every column type through PostgreSQL's COPY text format and back. */
@PostgresTest
class DbCopyTest {

    public enum Mood { happy, sad, meh }

    public record Payload(String name, int count, List<String> tags, Map<String, Integer> scores) {
    }

    /** The enum, apart from the table that uses it. */
    public static final class Enums {
        public static final PgEnum<Mood> MOOD = PgEnum.of("copy_mood", Mood.class);

        private Enums() {
        }
    }

    /** One column of every type of the schema DSL, and arrays of them. */
    public static final class Values extends Table {
        static final Values VALUES = new Values();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<Short> smallintCol = smallint("smallint_col");
        final Column<Integer> integerCol = integer("integer_col");
        final Column<Long> bigintCol = bigint("bigint_col");
        final Column<BigDecimal> numericCol = numeric("numeric_col", 12, 4);
        final Column<BigDecimal> rawNumeric = numeric("raw_numeric");
        final Column<Float> realCol = real("real_col");
        final Column<Double> doubleCol = doublePrecision("double_col");
        final Column<Boolean> boolCol = bool("bool_col");
        final Column<String> textCol = text("text_col");
        final Column<String> varcharCol = varchar("varchar_col", 10);
        final Column<String> charCol = character("char_col", 5);
        final Column<UUID> uuidCol = uuid("uuid_col");
        final Column<LocalDate> dateCol = date("date_col");
        final Column<LocalTime> timeCol = time("time_col");
        final Column<LocalDateTime> timestampCol = timestamp("timestamp_col");
        final Column<OffsetDateTime> timestamptzCol = timestamptz("timestamptz_col");
        final Column<Interval> intervalCol = interval("interval_col");
        final Column<Payload> jsonCol = json("json_col", Payload.class);
        final Column<Payload> jsonbCol = jsonb("jsonb_col", Payload.class);
        final Column<JsonNode> jsonbNode = jsonb("jsonb_node", JsonNode.class);
        final Column<byte[]> byteaCol = bytea("bytea_col");
        final Column<String> inetCol = inet("inet_col");
        final Column<String> cidrCol = cidr("cidr_col");
        final Column<String> macaddrCol = macaddr("macaddr_col");
        final Column<Mood> enumCol = enumeration("enum_col", Enums.MOOD);
        final Column<List<String>> textArr = text("text_arr").array();
        final Column<List<Integer>> integerArr = integer("integer_arr").array();
        final Column<List<BigDecimal>> numericArr = numeric("numeric_arr", 10, 3).array();
        final Column<List<Double>> doubleArr = doublePrecision("double_arr").array();
        final Column<List<Boolean>> boolArr = bool("bool_arr").array();
        final Column<List<UUID>> uuidArr = uuid("uuid_arr").array();
        final Column<List<LocalDate>> dateArr = date("date_arr").array();
        final Column<List<OffsetDateTime>> timestamptzArr = timestamptz("timestamptz_arr").array();
        final Column<List<Interval>> intervalArr = interval("interval_arr").array();
        final Column<List<Payload>> jsonbArr = jsonb("jsonb_arr", Payload.class).array();
        final Column<List<byte[]>> byteaArr = bytea("bytea_arr").array();
        final Column<List<String>> inetArr = inet("inet_arr").array();
        final Column<List<Mood>> enumArr = enumeration("enum_arr", Enums.MOOD).array();

        private Values() {
            super("copy_values");
        }
    }

    /** A whole row of {@link Values}. */
    public record ValueRow(Long id, Short smallintCol, Integer integerCol, Long bigintCol, BigDecimal numericCol,
                           BigDecimal rawNumeric, Float realCol, Double doubleCol, Boolean boolCol, String textCol,
                           String varcharCol, String charCol, UUID uuidCol, LocalDate dateCol, LocalTime timeCol,
                           LocalDateTime timestampCol, OffsetDateTime timestamptzCol, Interval intervalCol,
                           Payload jsonCol, Payload jsonbCol, JsonNode jsonbNode, byte[] byteaCol, String inetCol,
                           String cidrCol, String macaddrCol, Mood enumCol, List<String> textArr,
                           List<Integer> integerArr, List<BigDecimal> numericArr, List<Double> doubleArr,
                           List<Boolean> boolArr, List<UUID> uuidArr, List<LocalDate> dateArr,
                           List<OffsetDateTime> timestamptzArr, List<Interval> intervalArr, List<Payload> jsonbArr,
                           List<byte[]> byteaArr, List<String> inetArr, List<Mood> enumArr) {
    }

    /** Names only: a two-column slice. */
    public static final class Notes extends Table {
        static final Notes NOTES = new Notes();

        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
        final Column<String> body = text("body").notNull();
        final Column<String> code = varchar("code", 10);
        final Column<Integer> bodyLength = integer("body_length").generatedAlwaysAs("char_length(body)");

        private Notes() {
            super("copy_notes");
        }
    }

    record NewNote(String body, String code) {
    }

    record NoteRow(Long id, String body, String code, Integer bodyLength) {
    }

    record WithId(Long id, String body) {
    }

    private static final Values V = Values.VALUES;
    private static final Notes N = Notes.NOTES;
    private static final String AWKWARD_TEXT = "tab\there\nnew line\r\nback\\slash \\N \\. NULL \"quoted\" {a,b} "
            + "'single' é ü 日本 🎉";

    private static Db db;
    private static TestDatabase database;

    @BeforeAll
    static void createTables(TestDatabase testDatabase) {
        database = testDatabase;
        db = Sleet.connect(testDatabase.url());
        TestDatabase.create(db, new Schema(List.of(Enums.MOOD), List.of(V, N)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.delete(V).all().execute();
        db.execute(ctx -> ctx.sql("truncate table copy_notes restart identity"));
    }

    private static byte[] allBytes() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        return bytes;
    }

    private static List<ValueRow> awkwardRows() {
        Payload payload = new Payload("tab\t\"quote\" \\ back", 3, Arrays.asList("a,b", "{c}", null),
                Map.of("é", 1, "x\ny", 2));
        JsonNode node = new ObjectMapper().createObjectNode().put("k", "v\t\\").putNull("n");
        ValueRow full = new ValueRow(1L, Short.MIN_VALUE, Integer.MAX_VALUE, Long.MIN_VALUE,
                new BigDecimal("-12345678.1234"), new BigDecimal("0.000000000000000000001234567890123456789"),
                Float.NaN, Double.NEGATIVE_INFINITY, true, AWKWARD_TEXT, "a\tb\\c\nd", "a\\b c",
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), LocalDate.of(-43, 3, 15),
                LocalTime.of(23, 59, 59, 999_999_000), LocalDateTime.of(2024, 2, 29, 12, 0, 0, 123_456_000),
                OffsetDateTime.of(2024, 5, 1, 8, 30, 0, 500_000_000, ZoneOffset.UTC),
                Interval.of(java.time.Period.of(1, 2, 3), Duration.ofHours(-25).plusNanos(1_000)),
                payload, payload, node, allBytes(), "192.168.0.1/24", "10.0.0.0/8", "08:00:2b:01:02:03", Mood.sad,
                Arrays.asList("plain", "", "NULL", null, "with,comma", "{braces}", "\"quotes\"", "back\\slash",
                        " spaced ", "tab\tnew\nline", "日本"),
                Arrays.asList(1, null, -2), Arrays.asList(new BigDecimal("1.500"), null),
                Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, -0.5, 1e300),
                Arrays.asList(true, null, false), List.of(UUID.fromString("00000000-0000-0000-0000-000000000001")),
                Arrays.asList(LocalDate.of(2000, 1, 1), null, LocalDate.of(9_999, 12, 31)),
                List.of(OffsetDateTime.of(1999, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC)),
                List.of(Interval.ofDays(-3), Interval.ofMonths(14)), Arrays.asList(payload, null),
                Arrays.asList(new byte[] {0, '\\', '"', ',', (byte) 0xFF}, null, new byte[0]),
                List.of("::1", "10.1.2.3"), Arrays.asList(Mood.meh, null, Mood.happy));
        ValueRow empties = new ValueRow(2L, (short) 0, 0, 0L, BigDecimal.ZERO.setScale(4), BigDecimal.ONE, 0.5f,
                Double.NaN, false, "", "", "     ", UUID.randomUUID(), LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT,
                LocalDateTime.of(1, 1, 1, 0, 0), OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                Interval.ZERO, new Payload("", 0, List.of(), Map.of()), new Payload("", 0, List.of(), Map.of()),
                new ObjectMapper().createArrayNode(), new byte[0], "::ffff:1.2.3.4", "2001:db8::/32",
                "ff:ff:ff:ff:ff:ff", Mood.happy, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        ValueRow nulls = new ValueRow(3L, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        return List.of(full, empties, nulls);
    }

    private static void assertSameRows(List<ValueRow> actual, List<ValueRow> expected) {
        List<ValueRow> sorted = actual.stream().sorted(Comparator.comparing(ValueRow::id)).toList();
        assertThat(sorted).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(sorted.get(i)).usingRecursiveComparison()
                    .withComparatorForType(Comparator.nullsFirst(BigDecimal::compareTo), BigDecimal.class)
                    .withComparatorForType(Comparator.nullsFirst(Comparator.comparing(OffsetDateTime::toInstant)),
                            OffsetDateTime.class)
                    .withEqualsForFields(Objects::equals, "jsonbNode")
                    // exact, and NaN equals NaN (AssertJ's default compares with a tolerance, NaN never equal)
                    .withEqualsForType(Double::equals, Double.class)
                    .withEqualsForType(Float::equals, Float.class)
                    .isEqualTo(expected.get(i));
        }
    }

    @Test
    void copiesEveryColumnTypeInAndReadsItBackWithSelect() {
        List<ValueRow> rows = awkwardRows();

        long copied = db.copyInto(V).from(rows);

        assertThat(copied).isEqualTo(3);
        assertSameRows(db.select().from(V).fetchInto(ValueRow.class), rows);
    }

    @Test
    void copiesEveryColumnTypeOutAndParsesItBack() {
        List<ValueRow> rows = awkwardRows();
        db.insert(V).values(rows).execute();

        List<ValueRow> out = db.copyOut(V).fetchInto(ValueRow.class);

        assertSameRows(out, rows);
        assertSameRows(out, db.select().from(V).fetchInto(ValueRow.class));
    }

    @Test
    void copiesRowsGivenAsMapsOfColumns() {
        Map<Column<?>, Object> first = new LinkedHashMap<>();
        first.put(V.id, 10L);
        first.put(V.textCol, AWKWARD_TEXT);
        first.put(V.textArr, Arrays.asList("x", null));
        Map<Column<?>, Object> second = new LinkedHashMap<>();
        second.put(V.textArr, null);
        second.put(V.id, 11L);
        second.put(V.textCol, null);

        assertThat(db.copyInto(V).from(List.of(first, second))).isEqualTo(2);

        List<Row> back = db.copyOut(V).columns(V.id, V.textCol, V.textArr).fetch();
        assertThat(back).extracting(r -> r.get(V.textCol)).containsExactly(AWKWARD_TEXT, null);
        assertThat(back.get(0).get(V.textArr)).containsExactly("x", null);
        assertThat(back.get(1).get(V.textArr)).isNull();
    }

    @Test
    void leavesGeneratedAndUnmatchedColumnsToPostgres() {
        long copied = db.copyInto(N).from(Stream.of(new NewNote("first", "a"), new NewNote("sëcond", null)));

        assertThat(copied).isEqualTo(2);
        assertThat(db.select().from(N).orderBy(N.id).fetchInto(NoteRow.class)).containsExactly(
                new NoteRow(1L, "first", "a", 5), new NoteRow(2L, "sëcond", null, 6));
    }

    @Test
    void copiesOnlyTheChosenColumns() {
        db.copyInto(N).columns(N.body).from(List.of(new NewNote("only body", "ignored")));

        assertThat(db.select().from(N).fetchOneInto(NoteRow.class)).isEqualTo(new NoteRow(1L, "only body", null, 9));
    }

    @Test
    void reportsProgressEveryGivenNumberOfRows() {
        List<Long> reports = new ArrayList<>();

        long copied = db.copyInto(N).onProgress(10_000, reports::add)
                .from(IntStream.range(0, 25_000).mapToObj(i -> new NewNote("note " + i, null)));

        assertThat(copied).isEqualTo(25_000);
        assertThat(reports).containsExactly(10_000L, 20_000L);
        assertThat(db.count(N)).isEqualTo(25_000);
    }

    @Test
    void failsOnANotNullViolationNamingTableAndLineAndStoresNothing() {
        db.copyInto(N).from(List.of(new NewNote("kept", null)));
        Db onePool = Sleet.connect(database.url(), SleetOptions.defaults().maxPoolSize(1));
        try {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> onePool.copyInto(N).from(List.of(
                        new NewNote("secret-one", "s1"), new NewNote("secret-two", "s2"), new NewNote(null, "s3"))))
                        .isInstanceOfSatisfying(CopyException.class, e -> {
                            assertThat(e.getMessage()).contains("copy into \"copy_notes\"").contains("line 3")
                                    .doesNotContain("secret").doesNotContain("s1");
                            assertThat(e.line()).isEqualTo(3);
                            assertThat(e.sqlState()).isEqualTo("23502");
                            assertThat(e.column()).isEqualTo("body");
                            assertThat(e.getCause()).isInstanceOf(NotNullViolationException.class);
                        });
            }
            // the single pooled connection came back every time
            assertThat(onePool.count(N)).isEqualTo(1);
        } finally {
            onePool.close();
        }
    }

    @Test
    void failsOnABadValueNamingLineAndColumnButNotTheValue() {
        assertThatThrownBy(() -> db.copyInto(N).from(List.of(
                new NewNote("ok", "short"), new NewNote("too long", "secret-code-too-long"))))
                .isInstanceOfSatisfying(CopyException.class, e -> {
                    assertThat(e.getMessage()).contains("line 2").contains("column code")
                            .doesNotContain("secret-code");
                    assertThat(e.sqlState()).isEqualTo("22001");
                });

        assertThat(db.count(N)).isZero();
    }

    @Test
    void cancelsTheCopyWhenTheInputFails() {
        Stream<NewNote> failing = IntStream.range(0, 100_000).mapToObj(i -> {
            if (i == 90_000) {
                throw new IllegalStateException("input broke");
            }
            return new NewNote("n" + i, null);
        });

        assertThatThrownBy(() -> db.copyInto(N).from(failing)).hasMessage("input broke");

        assertThat(db.count(N)).isZero();
    }

    @Test
    void refusesARowThatDoesNotFitTheTableBeforeStoringAnything() {
        Map<Column<?>, Object> wrongType = Map.of(N.body, 42);

        assertThatThrownBy(() -> db.copyInto(N).from(List.of(Map.of(N.body, "fine"), wrongType)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2, column body");

        assertThat(db.count(N)).isZero();
    }

    @Test
    void refusesAValueForAGeneratedColumn() {
        assertThatThrownBy(() -> db.copyInto(N).from(List.of(new WithId(5L, "x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WithId.id has a value");
    }

    @Test
    void joinsTheSurroundingTransaction() {
        assertThatThrownBy(() -> db.transaction(tx -> {
            tx.copyInto(N).from(List.of(new NewNote("in tx", null)));
            assertThat(tx.count(N)).isEqualTo(1);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(db.count(N)).isZero();
    }

    @Test
    void writesPostgresTextFormatToAWriterAndAStream() {
        db.copyInto(N).from(List.of(new NewNote("a\tb\\c\nd", null), new NewNote("é", "x")));
        String expected = "a\\tb\\\\c\\nd\t\\N\né\tx\n";

        StringWriter writer = new StringWriter();
        long written = db.copyOut(N).columns(N.body, N.code).to(writer);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        long streamed = db.copyOut(N).columns(N.body, N.code).to(bytes);

        assertThat(written).isEqualTo(2);
        assertThat(streamed).isEqualTo(2);
        assertThat(writer.toString()).isEqualTo(expected);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void copiesOutWhatItCopiedIn() {
        List<NewNote> notes = IntStream.range(0, 1_000)
                .mapToObj(i -> new NewNote(AWKWARD_TEXT + i, i % 3 == 0 ? null : "c" + i)).toList();
        db.copyInto(N).from(notes);

        List<NewNote> back = db.copyOut(N).columns(N.body, N.code).fetchInto(NewNote.class);

        assertThat(back).containsExactlyElementsOf(notes);
    }
}
