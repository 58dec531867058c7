package dev.sleet.schema.column;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.Interval;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.PgLabel;
import dev.sleet.schema.SchemaDefinitionException;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import dev.sleet.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every column type of the contract survives an insert and a select through the Sleet API unchanged: values,
 * nulls, arrays, bounds and the awkward corners of each type.
 */
@PostgresTest
class ColumnTypeRoundTripTest {

    /** One label that is no Java name: it travels as its label, in values, filters, arrays and COPY. */
    public enum Color { red, green, @PgLabel("light blue") blue }

    public record Nested(double ratio, boolean ok) {
    }

    public record Payload(String name, int count, List<String> tags, Map<String, Integer> scores, Nested nested) {
    }

    /** The enum, apart from the table that uses it. */
    public static final class Enums {
        public static final PgEnum<Color> COLOR = PgEnum.of("rt_color", Color.class);

        private Enums() {
        }
    }

    public static final class Values extends Table {
        final Column<Long> id = bigint("id").primaryKey().generatedAlwaysAsIdentity();
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
        final Column<Color> enumCol = enumeration("enum_col", Enums.COLOR);

        final Column<List<String>> textArr = text("text_arr").array();
        final Column<List<String>> varcharArr = varchar("varchar_arr", 10).array();
        final Column<List<String>> charArr = character("char_arr", 3).array();
        final Column<List<Short>> smallintArr = smallint("smallint_arr").array();
        final Column<List<Integer>> integerArr = integer("integer_arr").array();
        final Column<List<Long>> bigintArr = bigint("bigint_arr").array();
        final Column<List<BigDecimal>> numericArr = numeric("numeric_arr", 10, 3).array();
        final Column<List<Float>> realArr = real("real_arr").array();
        final Column<List<Double>> doubleArr = doublePrecision("double_arr").array();
        final Column<List<Boolean>> boolArr = bool("bool_arr").array();
        final Column<List<UUID>> uuidArr = uuid("uuid_arr").array();
        final Column<List<LocalDate>> dateArr = date("date_arr").array();
        final Column<List<LocalTime>> timeArr = time("time_arr").array();
        final Column<List<LocalDateTime>> timestampArr = timestamp("timestamp_arr").array();
        final Column<List<OffsetDateTime>> timestamptzArr = timestamptz("timestamptz_arr").array();
        final Column<List<Interval>> intervalArr = interval("interval_arr").array();
        final Column<List<Payload>> jsonbArr = jsonb("jsonb_arr", Payload.class).array();
        final Column<List<byte[]>> byteaArr = bytea("bytea_arr").array();
        final Column<List<String>> inetArr = inet("inet_arr").array();
        final Column<List<Color>> enumArr = enumeration("enum_arr", Enums.COLOR).array();

        Values(String name) {
            super(name);
        }
    }

    /** A slice of a row, for {@code fetchInto}. */
    public record Slice(Long id, Payload jsonbCol, BigDecimal numericCol, OffsetDateTime timestamptzCol, Color enumCol,
                        List<String> textArr, byte[] byteaCol, Interval intervalCol) {
    }

    private static final Values V = new Values("rt_values");

    private static Db db;

    @BeforeAll
    static void createTable(TestDatabase database) {
        db = Sleet.connect(database.dataSource());
        create(db, V);
    }

    @AfterAll
    static void closeDb() {
        if (db != null) {
            db.close();
        }
    }

    private static void create(Db target, Values table) {
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(Enums.COLOR), List.of(table)))) {
            target.execute(statement);
        }
    }

    /** Inserts {@code value} into a fresh row, then selects it back by the row's id. */
    private static <T> T roundTrip(Db target, Values table, Column<T> column, T value) {
        Long id = target.insert(table).set(column, value).returning(table.id).fetchOne().get(table.id);
        List<Row> rows = target.select(table.id, column).from(table).where(eq(table.id, id)).fetch();
        assertThat(rows).hasSize(1);
        return rows.get(0).get(column);
    }

    private static <T> T roundTrip(Column<T> column, T value) {
        return roundTrip(db, V, column, value);
    }

    // ------------------------------------------------------------------ nulls

    @Test
    void everyColumnRoundTripsNull() {
        for (Column<?> c : V.columns()) {
            if (c == V.id) {
                continue;
            }
            assertThat(roundTrip(c, null)).as("null in %s (%s)", c.name(), c.type().sqlName()).isNull();
        }
    }

    @Test
    void aRowOfNullsReadsBackIntoARecordOfNulls() {
        Long id = db.insert(V).set(V.textCol, "only text").returning(V.id).fetchOne().get(V.id);
        Slice slice = db.select(V.id, V.jsonbCol, V.numericCol, V.timestamptzCol, V.enumCol, V.textArr, V.byteaCol,
                        V.intervalCol).from(V).where(eq(V.id, id)).fetchOneInto(Slice.class);
        assertThat(slice).isEqualTo(new Slice(id, null, null, null, null, null, null, null));
    }

    // ------------------------------------------------------------------ integers and floats

    @Test
    void integersKeepTheirBounds() {
        for (short s : new short[] {Short.MIN_VALUE, -1, 0, 1, Short.MAX_VALUE}) {
            assertThat(roundTrip(V.smallintCol, s)).isEqualTo(s);
        }
        for (int i : new int[] {Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE}) {
            assertThat(roundTrip(V.integerCol, i)).isEqualTo(i);
        }
        for (long l : new long[] {Long.MIN_VALUE, -1L, 0L, 1L, Long.MAX_VALUE}) {
            assertThat(roundTrip(V.bigintCol, l)).isEqualTo(l);
        }
    }

    @Test
    void floatingPointValuesRoundTripExactlyIncludingSpecialValues() {
        for (float f : new float[] {0f, -0f, 1.1f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE,
                Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
            assertThat(roundTrip(V.realCol, f)).as("real %s", f).isEqualTo(f);
        }
        assertThat(roundTrip(V.realCol, Float.NaN)).isNaN();
        for (double d : new double[] {0d, 0.1, Math.PI, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThat(roundTrip(V.doubleCol, d)).as("double %s", d).isEqualTo(d);
        }
        assertThat(roundTrip(V.doubleCol, Double.NaN)).isNaN();
        // NaN is a value PostgreSQL can compare: it equals itself there
        Long id = db.insert(V).set(V.doubleCol, Double.NaN).returning(V.id).fetchOne().get(V.id);
        assertThat(db.count(V, eq(V.doubleCol, Double.NaN))).isPositive();
        assertThat(db.select(V.doubleCol).from(V).where(eq(V.id, id)).fetchOne().get(V.doubleCol)).isNaN();
    }

    @Test
    void booleansRoundTrip() {
        assertThat(roundTrip(V.boolCol, true)).isTrue();
        assertThat(roundTrip(V.boolCol, false)).isFalse();
    }

    // ------------------------------------------------------------------ numeric

    @Test
    void numericKeepsItsDeclaredScale() {
        BigDecimal back = roundTrip(V.numericCol, new BigDecimal("1.5"));
        assertThat(back).isEqualByComparingTo("1.5");
        assertThat(back.scale()).isEqualTo(4);

        BigDecimal max = new BigDecimal("99999999.9999");
        assertThat(roundTrip(V.numericCol, max)).isEqualByComparingTo(max).satisfies(b -> assertThat(b.scale()).isEqualTo(4));
        assertThat(roundTrip(V.numericCol, max.negate())).isEqualByComparingTo(max.negate());
        assertThat(roundTrip(V.numericCol, new BigDecimal("0.00005"))).isEqualByComparingTo("0.0001");
        assertThat(roundTrip(V.numericCol, BigDecimal.ZERO)).isEqualByComparingTo("0")
                .satisfies(b -> assertThat(b.scale()).isEqualTo(4));

        assertThatThrownBy(() -> roundTrip(V.numericCol, new BigDecimal("100000000")))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("numeric");
    }

    @Test
    void unconstrainedNumericKeepsPrecisionAndScale() {
        for (String s : new String[] {"123456789012345678901234567890.000100", "-0.000000000000000000001", "0",
                "1e-30", "42"}) {
            BigDecimal value = new BigDecimal(s);
            BigDecimal back = roundTrip(V.rawNumeric, value);
            assertThat(back).as(s).isEqualByComparingTo(value);
            assertThat(back.scale()).as("scale of %s", s).isEqualTo(Math.max(0, value.scale()));
        }
    }

    // ------------------------------------------------------------------ text types

    @Test
    void textRoundTripsQuotesBackslashesAndUnicode() {
        for (String s : new String[] {"", " ", "it's", "\"quoted\"", "back\\slash", "\\x00", "$1 ? -- ; /* */",
                "line\nbreak\ttab\r", "日本語 😀 Ωμέγα", "\u00e9\u0301", "e\u0301", "'; drop table rt_values; --"}) {
            assertThat(roundTrip(V.textCol, s)).isEqualTo(s);
        }
        assertThat(roundTrip(V.textCol, "x".repeat(100_000))).hasSize(100_000);
    }

    @Test
    void varcharRefusesValuesLongerThanItsLength() {
        assertThat(roundTrip(V.varcharCol, "0123456789")).isEqualTo("0123456789");
        assertThat(roundTrip(V.varcharCol, "😀😀😀😀😀😀😀😀😀😀")).isEqualTo("😀😀😀😀😀😀😀😀😀😀");
        assertThatThrownBy(() -> roundTrip(V.varcharCol, "0123456789x"))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("character varying(10)");
    }

    @Test
    void characterPadsWithSpacesToItsLength() {
        assertThat(roundTrip(V.charCol, "ab")).isEqualTo("ab   ");
        assertThat(roundTrip(V.charCol, "abcde")).isEqualTo("abcde");
        assertThat(roundTrip(V.charCol, "")).isEqualTo("     ");
        // trailing spaces beyond the length are dropped, other characters are not
        assertThat(roundTrip(V.charCol, "abc      ")).isEqualTo("abc  ");
        assertThatThrownBy(() -> roundTrip(V.charCol, "abcdef")).isInstanceOf(SleetException.class);
    }

    // ------------------------------------------------------------------ uuid, enum, bytea, network

    @Test
    void uuidsRoundTrip() {
        UUID random = UUID.randomUUID();
        assertThat(roundTrip(V.uuidCol, random)).isEqualTo(random);
        assertThat(roundTrip(V.uuidCol, new UUID(0, 0))).isEqualTo(new UUID(0, 0));
        assertThat(roundTrip(V.uuidCol, new UUID(-1, -1))).isEqualTo(new UUID(-1, -1));
    }

    @Test
    void enumsRoundTripAndFilter() {
        for (Color c : Color.values()) {
            assertThat(roundTrip(V.enumCol, c)).isEqualTo(c);
        }
        long greens = db.count(V, eq(V.enumCol, Color.green));
        db.insert(V).set(V.enumCol, Color.green).execute();
        assertThat(db.count(V, eq(V.enumCol, Color.green))).isEqualTo(greens + 1);
    }

    @Test
    void anEnumConstantTravelsAsItsLabel() {
        Long id = db.insert(V).set(V.enumCol, Color.blue).returning(V.id).fetchOne().get(V.id);

        List<Row> rows = db.fetch(sql("select {0}::text as label from {1} where {2} = {3}", V.enumCol, V, V.id, id));
        assertThat(rows).extracting(r -> r.get("label")).containsExactly("light blue");
        assertThat(roundTrip(V.enumCol, Color.blue)).isEqualTo(Color.blue);
        assertThat(Enums.COLOR.labels()).containsExactly("red", "green", "light blue");
        assertThat(Enums.COLOR.constant("light blue")).isEqualTo(Color.blue);
        assertThat(Enums.COLOR.label(Color.red)).isEqualTo("red");
    }

    /** Two constants with one label. */
    public enum Clash { a, @PgLabel("a") b }

    @Test
    void twoConstantsWithOneLabelAreRefusedWhenTheEnumIsDeclared() {
        assertThatThrownBy(() -> PgEnum.of("clash", Clash.class)).isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("Clash.a and b both have the label 'a'");
    }

    @Test
    void byteaRoundTripsEveryByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertThat(roundTrip(V.byteaCol, all)).containsExactly(all);
        assertThat(roundTrip(V.byteaCol, new byte[] {0x00})).containsExactly(0x00);
        assertThat(roundTrip(V.byteaCol, new byte[] {(byte) 0xFF, 0x00, (byte) 0xFF})).containsExactly(0xFF, 0x00, 0xFF);
        assertThat(roundTrip(V.byteaCol, new byte[0])).isEmpty();
    }

    @Test
    void networkTypesRoundTripInTheirCanonicalTextForm() {
        assertThat(roundTrip(V.inetCol, "192.168.0.1")).isEqualTo("192.168.0.1");
        assertThat(roundTrip(V.inetCol, "192.168.0.1/32")).isEqualTo("192.168.0.1");
        assertThat(roundTrip(V.inetCol, "10.1.2.3/8")).isEqualTo("10.1.2.3/8");
        assertThat(roundTrip(V.inetCol, "::1")).isEqualTo("::1");
        assertThat(roundTrip(V.inetCol, "2001:DB8::1/64")).isEqualTo("2001:db8::1/64");
        assertThat(roundTrip(V.cidrCol, "10.0.0.0/8")).isEqualTo("10.0.0.0/8");
        assertThat(roundTrip(V.cidrCol, "10.1")).isEqualTo("10.1.0.0/16");
        assertThat(roundTrip(V.cidrCol, "2001:db8::/32")).isEqualTo("2001:db8::/32");
        assertThat(roundTrip(V.macaddrCol, "08:00:2b:01:02:03")).isEqualTo("08:00:2b:01:02:03");
        assertThat(roundTrip(V.macaddrCol, "08-00-2B-01-02-03")).isEqualTo("08:00:2b:01:02:03");
        assertThatThrownBy(() -> roundTrip(V.inetCol, "not an address"))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("inet");
        assertThatThrownBy(() -> roundTrip(V.cidrCol, "10.1.2.3/8")).isInstanceOf(SleetException.class);
    }

    // ------------------------------------------------------------------ date and time

    @Test
    void timestamptzKeepsTheInstantToTheMicrosecondAndReadsBackInUtc() {
        OffsetDateTime leap = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123456000, ZoneOffset.ofHours(5));
        OffsetDateTime back = roundTrip(V.timestamptzCol, leap);
        assertThat(back).isAtSameInstantAs(leap);
        assertThat(back.getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(back).isEqualTo(OffsetDateTime.of(2024, 2, 29, 18, 59, 59, 123456000, ZoneOffset.UTC));

        OffsetDateTime negative = OffsetDateTime.of(1969, 12, 31, 23, 59, 59, 999999000, ZoneOffset.ofHoursMinutes(-9, -30));
        assertThat(roundTrip(V.timestamptzCol, negative)).isAtSameInstantAs(negative);
        OffsetDateTime early = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 1000, ZoneOffset.UTC);
        assertThat(roundTrip(V.timestamptzCol, early)).isAtSameInstantAs(early);
        OffsetDateTime late = OffsetDateTime.of(9999, 12, 31, 23, 59, 59, 999999000, ZoneOffset.UTC);
        assertThat(roundTrip(V.timestamptzCol, late)).isAtSameInstantAs(late);
    }

    @Test
    void timestampDateAndTimeRoundTripUnchanged() {
        for (LocalDateTime t : new LocalDateTime[] {LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123456000),
                LocalDateTime.of(1970, 1, 1, 0, 0), LocalDateTime.of(1, 1, 1, 0, 0, 0, 1000),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999999000)}) {
            assertThat(roundTrip(V.timestampCol, t)).isEqualTo(t);
        }
        for (LocalDate d : new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(1900, 1, 1),
                LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31)}) {
            assertThat(roundTrip(V.dateCol, d)).isEqualTo(d);
        }
        for (LocalTime t : new LocalTime[] {LocalTime.MIDNIGHT, LocalTime.NOON, LocalTime.of(23, 59, 59, 999999000),
                LocalTime.of(0, 0, 0, 1000)}) {
            assertThat(roundTrip(V.timeCol, t)).isEqualTo(t);
        }
    }

    @Test
    void intervalsKeepMonthsDaysAndMicrosecondsApart() {
        for (Interval i : new Interval[] {Interval.ZERO, new Interval(14, 3, 3_723_000_456L),
                new Interval(-14, -3, -1_234_567L), new Interval(1, -1, 1), new Interval(0, 0, -1),
                new Interval(-1, 40, 90_000_000_000L), Interval.ofMonths(1200), Interval.ofDays(-365)}) {
            assertThat(roundTrip(V.intervalCol, i)).as("interval %s", i).isEqualTo(i);
        }
    }

    // ------------------------------------------------------------------ json

    @Test
    void jsonAndJsonbRoundTripRecordsThroughJackson() throws Exception {
        Payload p = new Payload("it's \"json\" \\ 😀", 7, List.of("a", "b"), Map.of("x", 1, "y", -2), new Nested(0.5, true));
        assertThat(roundTrip(V.jsonCol, p)).isEqualTo(p);
        assertThat(roundTrip(V.jsonbCol, p)).isEqualTo(p);
        Payload empty = new Payload("", 0, List.of(), Map.of(), null);
        assertThat(roundTrip(V.jsonbCol, empty)).isEqualTo(empty);

        JsonNode node = new ObjectMapper().readTree("{\"a\":[1,2,{\"b\":null}],\"c\":\"\\u00e9 \\\" \\\\\",\"d\":1.5}");
        assertThat(roundTrip(V.jsonbNode, node)).isEqualTo(node);
    }

    @Test
    void selectedColumnsMapIntoARecordByName() {
        Payload p = new Payload("mapped", 1, List.of("t"), Map.of(), new Nested(1.25, false));
        OffsetDateTime at = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123456000, ZoneOffset.ofHours(5));
        Long id = db.insert(V).set(V.jsonbCol, p).set(V.numericCol, new BigDecimal("12.3"))
                .set(V.timestamptzCol, at).set(V.enumCol, Color.blue).set(V.textArr, List.of("x", "y"))
                .set(V.byteaCol, new byte[] {0, (byte) 0xff}).set(V.intervalCol, new Interval(1, 2, 3))
                .returning(V.id).fetchOne().get(V.id);

        List<Slice> slices = db.select(V.id, V.jsonbCol, V.numericCol, V.timestamptzCol, V.enumCol, V.textArr,
                V.byteaCol, V.intervalCol).from(V).where(eq(V.id, id)).fetchInto(Slice.class);

        assertThat(slices).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(id);
            assertThat(s.jsonbCol()).isEqualTo(p);
            assertThat(s.numericCol()).isEqualByComparingTo("12.3");
            assertThat(s.numericCol().scale()).isEqualTo(4);
            assertThat(s.timestamptzCol()).isAtSameInstantAs(at);
            assertThat(s.enumCol()).isEqualTo(Color.blue);
            assertThat(s.textArr()).containsExactly("x", "y");
            assertThat(s.byteaCol()).containsExactly(0x00, 0xff);
            assertThat(s.intervalCol()).isEqualTo(new Interval(1, 2, 3));
        });
    }

    // ------------------------------------------------------------------ arrays

    @Test
    void arraysOfEveryElementTypeRoundTripWithNullsAndEmptiness() {
        assertArray(V.textArr, Arrays.asList("a", null, "it's", "\"q\"", "back\\slash", "{}", ",", "NULL", "", "😀"));
        assertArray(V.varcharArr, Arrays.asList("short", null, ""));
        assertArray(V.charArr, Arrays.asList("abc", null));
        assertThat(roundTrip(V.charArr, List.of("a"))).containsExactly("a  ");
        assertArray(V.smallintArr, Arrays.asList(Short.MIN_VALUE, null, Short.MAX_VALUE));
        assertArray(V.integerArr, Arrays.asList(Integer.MIN_VALUE, null, 0, Integer.MAX_VALUE));
        assertArray(V.bigintArr, Arrays.asList(Long.MIN_VALUE, null, Long.MAX_VALUE));
        assertArray(V.realArr, Arrays.asList(1.5f, null, Float.NEGATIVE_INFINITY));
        assertArray(V.doubleArr, Arrays.asList(Math.E, null, Double.MAX_VALUE));
        assertArray(V.boolArr, Arrays.asList(true, null, false));
        assertArray(V.uuidArr, Arrays.asList(UUID.randomUUID(), null, new UUID(0, 0)));
        assertArray(V.dateArr, Arrays.asList(LocalDate.of(2024, 2, 29), null, LocalDate.of(1, 1, 1)));
        assertArray(V.timeArr, Arrays.asList(LocalTime.of(23, 59, 59, 999999000), null, LocalTime.MIDNIGHT));
        assertArray(V.timestampArr, Arrays.asList(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123456000), null));
        assertArray(V.intervalArr, Arrays.asList(new Interval(14, -3, -1_234_567L), null, Interval.ZERO));
        assertArray(V.inetArr, Arrays.asList("10.0.0.1", null, "::1"));
        assertArray(V.enumArr, Arrays.asList(Color.red, null, Color.blue, Color.red));

        List<BigDecimal> numerics = roundTrip(V.numericArr, Arrays.asList(new BigDecimal("1.5"), null,
                new BigDecimal("-9999999.999")));
        assertThat(numerics).hasSize(3);
        assertThat(numerics.get(0)).isEqualByComparingTo("1.5");
        assertThat(numerics.get(0).scale()).isEqualTo(3);
        assertThat(numerics.get(1)).isNull();
        assertThat(numerics.get(2)).isEqualByComparingTo("-9999999.999");

        OffsetDateTime at = OffsetDateTime.of(2024, 2, 29, 23, 59, 59, 123456000, ZoneOffset.ofHours(5));
        List<OffsetDateTime> stamps = roundTrip(V.timestamptzArr, Arrays.asList(at, null));
        assertThat(stamps).hasSize(2);
        assertThat(stamps.get(0)).isAtSameInstantAs(at);
        assertThat(stamps.get(0).getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(stamps.get(1)).isNull();

        Payload p = new Payload("in array, with \"quotes\" and {braces}", 2, List.of(), Map.of("k", 1), null);
        assertArray(V.jsonbArr, Arrays.asList(p, null, new Payload("second", 3, List.of("z"), Map.of(), null)));

        List<byte[]> blobs = roundTrip(V.byteaArr, Arrays.asList(new byte[] {0, (byte) 0xff}, null, new byte[0]));
        assertThat(blobs).hasSize(3);
        assertThat(blobs.get(0)).containsExactly(0x00, 0xff);
        assertThat(blobs.get(1)).isNull();
        assertThat(blobs.get(2)).isEmpty();
    }

    @Test
    void emptyArraysRoundTripAsEmptyLists() {
        assertThat(roundTrip(V.textArr, List.of())).isEmpty();
        assertThat(roundTrip(V.integerArr, List.of())).isEmpty();
        assertThat(roundTrip(V.enumArr, List.of())).isEmpty();
        assertThat(roundTrip(V.jsonbArr, List.of())).isEmpty();
        assertThat(roundTrip(V.uuidArr, List.of())).isEmpty();
    }

    private static <T> void assertArray(Column<List<T>> column, List<T> value) {
        assertThat(roundTrip(column, value)).as("%s (%s)", column.name(), column.type().sqlName())
                .containsExactlyElementsOf(value);
    }

    // ------------------------------------------------------------------ properties (jqwik: its own database)

    private static volatile TestDatabase propertyDatabase;
    private static volatile Db propertyDb;
    private static final Values P = new Values("rt_property_values");

    private static synchronized Db propertyDb() {
        if (propertyDb == null) {
            propertyDatabase = TestPostgres.createDatabase("column_type_round_trip_property");
            propertyDb = Sleet.connect(propertyDatabase.dataSource());
            create(propertyDb, P);
        }
        return propertyDb;
    }

    @AfterContainer
    static synchronized void dropPropertyDatabase() {
        if (propertyDb != null) {
            propertyDb.close();
            propertyDb = null;
        }
        if (propertyDatabase != null) {
            TestPostgres.dropDatabase(propertyDatabase);
            propertyDatabase = null;
        }
    }

    @Property(tries = 50)
    void anyTextWithoutNulRoundTrips(@ForAll("texts") String text) {
        assertThat(roundTrip(propertyDb(), P, P.textCol, text)).isEqualTo(text);
    }

    @Property(tries = 50)
    void anyByteArrayRoundTrips(@ForAll byte[] bytes) {
        assertThat(roundTrip(propertyDb(), P, P.byteaCol, bytes)).containsExactly(bytes);
    }

    @Property(tries = 50)
    void anyNumericThatFitsRoundTripsWithTheColumnScale(@ForAll("numerics") BigDecimal value) {
        BigDecimal back = roundTrip(propertyDb(), P, P.numericCol, value);
        assertThat(back).isEqualByComparingTo(value);
        assertThat(back.scale()).isEqualTo(4);
    }

    @Property(tries = 50)
    void anyUnconstrainedNumericRoundTripsWithItsScale(@ForAll("rawNumerics") BigDecimal value) {
        BigDecimal back = roundTrip(propertyDb(), P, P.rawNumeric, value);
        assertThat(back).isEqualByComparingTo(value);
        assertThat(back.scale()).isEqualTo(value.scale());
    }

    @Property(tries = 50)
    void anyTextListRoundTripsAsAnArray(@ForAll("textLists") List<String> values) {
        assertThat(roundTrip(propertyDb(), P, P.textArr, values)).containsExactlyElementsOf(values);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> codePoints = Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                        net.jqwik.api.Tuple.of(2, Arbitraries.integers().between(0x01, 0xD7FF)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                        net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)))
                .list().ofMaxSize(20)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
        Arbitrary<String> nasty = Arbitraries.of("'", "\"", "\\", "$1", "?", "--", ";", "/*", "*/", "\n", "E'",
                "''", "\\'", "😀", "%", "_", "{", "}", ",", "NULL");
        return Arbitraries.oneOf(codePoints, nasty).list().ofMaxSize(8).map(parts -> String.join("", parts));
    }

    @Provide
    Arbitrary<List<String>> textLists() {
        return texts().injectNull(0.1).list().ofMaxSize(6);
    }

    @Provide
    Arbitrary<BigDecimal> numerics() {
        Arbitrary<BigDecimal> fitting = Arbitraries.bigDecimals()
                .between(new BigDecimal("-99999999.9999"), new BigDecimal("99999999.9999")).ofScale(4);
        return net.jqwik.api.Combinators.combine(fitting, Arbitraries.integers().between(0, 4))
                .as((b, scale) -> b.setScale(scale, java.math.RoundingMode.DOWN));
    }

    @Provide
    Arbitrary<BigDecimal> rawNumerics() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers()
                .between(new BigInteger("-" + "9".repeat(40)), new BigInteger("9".repeat(40)));
        return net.jqwik.api.Combinators.combine(unscaled, Arbitraries.integers().between(0, 30))
                .as(BigDecimal::new);
    }
}
