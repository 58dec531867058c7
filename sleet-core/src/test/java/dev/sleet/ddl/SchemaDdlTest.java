package dev.sleet.ddl;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.exec.CheckViolationException;
import dev.sleet.exec.ForeignKeyViolationException;
import dev.sleet.exec.Row;
import dev.sleet.exec.SleetException;
import dev.sleet.exec.UniqueViolationException;
import dev.sleet.render.QueryPart;
import dev.sleet.schema.Column;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.Interval;
import dev.sleet.schema.OnDelete;
import dev.sleet.schema.OnUpdate;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.sleet.Sql.and;
import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.isNull;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A schema that uses every feature of the DSL is created on PostgreSQL by {@link SchemaDdl}; the catalog and the
 * behaviour of the created objects are then checked.
 */
@PostgresTest
class SchemaDdlTest {

    // ------------------------------------------------------------------ the schema

    public enum Mood { happy, sad, meh }

    public enum Level { low, high }

    public record Doc(String kind, int version) {
    }

    public static final class AllTypes extends Table {
        static final AllTypes ALL = new AllTypes();

        final Column<Long> id = bigint("id").primaryKey()
                .generatedAlwaysAsIdentity(IdentityOptions.startWith(1000).incrementBy(5));
        final Column<Short> small = smallint("small_col").defaultValue((short) 7);
        final Column<Integer> integerCol = integer("int_col").defaultValue(42);
        final Column<Long> bigintCol = bigint("big_col");
        final Column<Integer> serialCol = serial("serial_col");
        final Column<Long> bigserialCol = bigserial("bigserial_col");
        final Column<BigDecimal> amount = numeric("amount", 12, 4).defaultValue(new BigDecimal("1.5"));
        final Column<BigDecimal> rawNumeric = numeric("raw_numeric");
        final Column<Float> realCol = real("real_col");
        final Column<Double> doubleCol = doublePrecision("double_col").defaultValue(2.5);
        final Column<Boolean> flag = bool("flag").notNull().defaultValue(true);
        final Column<String> note = text("note").defaultValue("it's a \\ default");
        final Column<String> code = varchar("code", 40).unique();
        final Column<String> grade = character("grade", 3);
        final Column<UUID> token = uuid("token").notNull().defaultRandom();
        final Column<LocalDate> day = date("day_col").defaultValue(LocalDate.of(2024, 2, 29));
        final Column<LocalTime> timeCol = time("time_col").defaultValue(LocalTime.of(13, 14, 15));
        final Column<LocalDateTime> localTs = timestamp("local_ts").defaultSql("'2020-01-02 03:04:05'");
        final Column<OffsetDateTime> createdAt = timestamptz("created_at").notNull().defaultNow();
        final Column<Interval> period = interval("period").defaultValue(new Interval(1, 2, 3_000_000));
        final Column<JsonNode> meta = json("meta", JsonNode.class);
        final Column<Doc> doc = jsonb("doc", Doc.class).defaultValue(new Doc("default", 1));
        final Column<byte[]> blob = bytea("blob").defaultValue(new byte[] {0, 1, (byte) 0xff});
        final Column<String> ip = inet("ip");
        final Column<String> net = cidr("net");
        final Column<String> mac = macaddr("mac");
        final Column<Mood> mood = enumeration("mood", Enums.MOOD).notNull().defaultValue(Mood.meh);
        final Column<List<String>> tags = text("tags").array().defaultValue(List.of("a", "b'c"));
        final Column<List<Integer>> scores = integer("scores").array().defaultSql("'{}'::integer[]");
        final Column<List<Mood>> moods = enumeration("moods", Enums.MOOD).array();
        final Column<String> email = text("email");
        final Column<Integer> twiceInt = integer("twice_int").generatedAlwaysAs("int_col * 2");
        final Column<Integer> rank = integer("rank_col").check("ddl_all_types_rank_check", "rank_col >= 0");

        private AllTypes() {
            super("ddl_all_types");
            check("ddl_all_types_small_check", "small_col < 1000");
            uniqueIndex("ddl_all_types_email_idx").on(expression("lower(email)"));
            index("ddl_all_types_flagged_idx").on(createdAt).where("flag");
            index("ddl_all_types_doc_idx").on(doc).using("gin");
            index("ddl_all_types_tags_idx").on(tags).using("gin");
            index("ddl_all_types_rank_idx").on(desc(rank).nullsLast(), asc(grade).nullsFirst());
            index("ddl_all_types_note_idx").on(asc(note).opclass("text_pattern_ops"));
            index("ddl_all_types_token_idx").on(token).concurrently();
        }
    }

    /** Unique constraints whose nulls count as equal, apart so that other tables may hold many nulls. */
    public static final class Uniques extends Table {
        static final Uniques UNIQUES = new Uniques();

        final Column<Integer> id = serial("id").primaryKey();
        final Column<String> code = varchar("code", 20).unique();
        final Column<String> altCode = varchar("alt_code", 20).uniqueNullsNotDistinct();
        final Column<String> pairA = text("pair_a");
        final Column<String> pairB = text("pair_b");
        final Column<Long> big = bigint("big_col");

        private Uniques() {
            super("ddl_uniques");
            unique("ddl_uniques_pair_unique", pairA, pairB).nullsNotDistinct();
            uniqueIndex("ddl_uniques_big_idx").on(big).nullsNotDistinct();
        }
    }

    public static final class Authors extends Table {
        static final Authors AUTHORS = new Authors();

        final Column<Long> id = bigint("id").primaryKey().generatedByDefaultAsIdentity();
        final Column<String> name = text("name").notNull();

        private Authors() {
            super("ddl_authors");
        }
    }

    public static final class Books extends Table {
        static final Books BOOKS = new Books();

        final Column<Long> id = bigserial("id").primaryKey();
        final Column<Long> authorId = bigint("author_id").notNull()
                .references(() -> Authors.AUTHORS.id, OnDelete.CASCADE, OnUpdate.CASCADE);
        final Column<Long> editorId = bigint("editor_id").references(() -> Authors.AUTHORS.id, OnDelete.SET_NULL);
        final Column<Long> reviewerId = bigint("reviewer_id").references(() -> Authors.AUTHORS.id, OnDelete.RESTRICT);
        final Column<Long> translatorId = bigint("translator_id").defaultValue(0L)
                .references(() -> Authors.AUTHORS.id, OnDelete.SET_DEFAULT, OnUpdate.NO_ACTION);
        final Column<String> title = text("title").notNull();

        private Books() {
            super("ddl_books");
        }
    }

    public static final class Alpha extends Table {
        static final Alpha ALPHA = new Alpha();

        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> betaId = integer("beta_id").references(() -> Beta.BETA.id, OnDelete.SET_NULL);

        private Alpha() {
            super("ddl_alpha");
        }
    }

    public static final class Beta extends Table {
        static final Beta BETA = new Beta();

        final Column<Integer> id = integer("id").primaryKey();
        final Column<Integer> alphaId = integer("alpha_id").references(() -> Alpha.ALPHA.id, OnDelete.CASCADE);

        private Beta() {
            super("ddl_beta");
        }
    }

    public static final class Orders extends Table {
        static final Orders ORDERS = new Orders();

        final Column<Integer> tenant = integer("tenant");
        final Column<Integer> orderNo = integer("order_no");
        final Column<String> note = text("note");

        private Orders() {
            super("ddl_orders");
            primaryKey(tenant, orderNo);
        }
    }

    public static final class OrderLines extends Table {
        static final OrderLines LINES = new OrderLines();

        final Column<Integer> tenant = integer("tenant");
        final Column<Integer> orderNo = integer("order_no");
        final Column<Short> lineNo = smallint("line_no");
        final Column<Integer> qty = integer("qty").notNull();

        private OrderLines() {
            super("ddl_order_lines");
            primaryKey(tenant, orderNo, lineNo);
            foreignKey("ddl_order_lines_order_fk").columns(tenant, orderNo)
                    .references(() -> List.of(Orders.ORDERS.tenant, Orders.ORDERS.orderNo))
                    .onDelete(OnDelete.CASCADE).onUpdate(OnUpdate.CASCADE);
            check("ddl_order_lines_qty_check", "qty > 0");
        }
    }

    public static final class Things extends Table {
        static final Things THINGS = new Things();

        final Column<UUID> id = uuid("id").primaryKey().defaultRandom();
        final Column<Level> level = enumeration("level", Enums.LEVEL).notNull().defaultValue(Level.high);
        final Column<List<Level>> history = enumeration("history", Enums.LEVEL).array();
        final Column<Integer> alphaId = integer("alpha_id").references(() -> Alpha.ALPHA.id);

        private Things() {
            super("app", "things");
            index("things_level_idx").on(level);
        }
    }

    /** The enums, in a class of their own so that tables and the schema class may both read them. */
    public static final class Enums {
        public static final PgEnum<Mood> MOOD = PgEnum.of("ddl_mood", Mood.class);
        public static final PgEnum<Level> LEVEL = PgEnum.of("app", "ddl_level", Level.class);

        private Enums() {
        }
    }

    /** The schema class, read by {@link Schema#of}. */
    public static final class DdlSchema {
        public static final PgEnum<Mood> MOOD = Enums.MOOD;
        public static final PgEnum<Level> LEVEL = Enums.LEVEL;
        public static final AllTypes ALL = AllTypes.ALL;
        public static final Uniques UNIQUES = Uniques.UNIQUES;
        public static final Authors AUTHORS = Authors.AUTHORS;
        public static final Books BOOKS = Books.BOOKS;
        public static final Alpha ALPHA = Alpha.ALPHA;
        public static final Beta BETA = Beta.BETA;
        public static final Orders ORDERS = Orders.ORDERS;
        public static final OrderLines LINES = OrderLines.LINES;
        public static final Things THINGS = Things.THINGS;

        private DdlSchema() {
        }
    }

    private static final AllTypes ALL = AllTypes.ALL;
    private static final Uniques UNIQUES = Uniques.UNIQUES;
    private static final Authors AUTHORS = Authors.AUTHORS;
    private static final Books BOOKS = Books.BOOKS;
    private static final Alpha ALPHA = Alpha.ALPHA;
    private static final Beta BETA = Beta.BETA;
    private static final Orders ORDERS = Orders.ORDERS;
    private static final OrderLines LINES = OrderLines.LINES;
    private static final Things THINGS = Things.THINGS;

    private static Db db;
    private static DataSource dataSource;

    @BeforeAll
    static void createSchema(TestDatabase database) {
        dataSource = database.dataSource();
        db = Sleet.connect(dataSource);
        for (QueryPart statement : SchemaDdl.create(Schema.of(DdlSchema.class))) {
            db.execute(statement);
        }
    }

    @AfterAll
    static void close() {
        if (db != null) {
            db.close();
        }
    }

    // ------------------------------------------------------------------ columns and types

    @Test
    void createsEveryColumnWithItsPostgresType() throws SQLException {
        Map<String, String> types = new LinkedHashMap<>();
        for (Map<String, Object> row : query("select a.attname, format_type(a.atttypid, a.atttypmod) as type "
                + "from pg_attribute a where a.attrelid = 'public.ddl_all_types'::regclass and a.attnum > 0 "
                + "and not a.attisdropped order by a.attnum")) {
            types.put((String) row.get("attname"), (String) row.get("type"));
        }
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "bigint");
        expected.put("small_col", "smallint");
        expected.put("int_col", "integer");
        expected.put("big_col", "bigint");
        expected.put("serial_col", "integer");
        expected.put("bigserial_col", "bigint");
        expected.put("amount", "numeric(12,4)");
        expected.put("raw_numeric", "numeric");
        expected.put("real_col", "real");
        expected.put("double_col", "double precision");
        expected.put("flag", "boolean");
        expected.put("note", "text");
        expected.put("code", "character varying(40)");
        expected.put("grade", "character(3)");
        expected.put("token", "uuid");
        expected.put("day_col", "date");
        expected.put("time_col", "time without time zone");
        expected.put("local_ts", "timestamp without time zone");
        expected.put("created_at", "timestamp with time zone");
        expected.put("period", "interval");
        expected.put("meta", "json");
        expected.put("doc", "jsonb");
        expected.put("blob", "bytea");
        expected.put("ip", "inet");
        expected.put("net", "cidr");
        expected.put("mac", "macaddr");
        expected.put("mood", "ddl_mood");
        expected.put("tags", "text[]");
        expected.put("scores", "integer[]");
        expected.put("moods", "ddl_mood[]");
        expected.put("email", "text");
        expected.put("twice_int", "integer");
        expected.put("rank_col", "integer");
        assertThat(types).containsExactlyEntriesOf(expected);
        assertThat(ALL.columns()).extracting(Column::name).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void marksNotNullColumnsAndLeavesTheOthersNullable() throws SQLException {
        Map<String, Object> notNull = new LinkedHashMap<>();
        for (Map<String, Object> row : query("select attname, attnotnull from pg_attribute "
                + "where attrelid = 'public.ddl_all_types'::regclass and attnum > 0 and not attisdropped")) {
            notNull.put((String) row.get("attname"), row.get("attnotnull"));
        }
        assertThat(notNull).containsEntry("id", true).containsEntry("flag", true).containsEntry("token", true)
                .containsEntry("created_at", true).containsEntry("mood", true).containsEntry("serial_col", true)
                .containsEntry("bigserial_col", true)
                .containsEntry("note", false).containsEntry("code", false).containsEntry("big_col", false);

        assertThatThrownBy(() -> db.insert(AUTHORS).set(AUTHORS.name, (String) null).execute())
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("name");
    }

    @Test
    void fillsEveryDeclaredDefaultOnInsert() {
        Row row = db.insert(ALL).set(ALL.email, "defaults@example.com").returning().fetchOne();

        assertThat(row.get(ALL.small)).isEqualTo((short) 7);
        assertThat(row.get(ALL.integerCol)).isEqualTo(42);
        assertThat(row.get(ALL.amount)).isEqualByComparingTo("1.5");
        assertThat(row.get(ALL.amount).scale()).isEqualTo(4);
        assertThat(row.get(ALL.doubleCol)).isEqualTo(2.5);
        assertThat(row.get(ALL.flag)).isTrue();
        assertThat(row.get(ALL.note)).isEqualTo("it's a \\ default");
        assertThat(row.get(ALL.token)).isNotNull();
        assertThat(row.get(ALL.day)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get(ALL.timeCol)).isEqualTo(LocalTime.of(13, 14, 15));
        assertThat(row.get(ALL.localTs)).isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4, 5));
        assertThat(row.get(ALL.createdAt)).isCloseTo(OffsetDateTime.now(ZoneOffset.UTC), within(5, java.time.temporal.ChronoUnit.MINUTES));
        assertThat(row.get(ALL.period)).isEqualTo(new Interval(1, 2, 3_000_000));
        assertThat(row.get(ALL.doc)).isEqualTo(new Doc("default", 1));
        assertThat(row.get(ALL.blob)).containsExactly(0, 1, 0xff);
        assertThat(row.get(ALL.mood)).isEqualTo(Mood.meh);
        assertThat(row.get(ALL.tags)).containsExactly("a", "b'c");
        assertThat(row.get(ALL.scores)).isEmpty();
        assertThat(row.get(ALL.serialCol)).isPositive();
        assertThat(row.get(ALL.bigserialCol)).isPositive();
        assertThat(row.get(ALL.meta)).isNull();
        assertThat(row.get(ALL.moods)).isNull();

        Row second = db.insert(ALL).set(ALL.email, "defaults2@example.com").returning().fetchOne();
        assertThat(second.get(ALL.token)).isNotEqualTo(row.get(ALL.token));
        assertThat(second.get(ALL.serialCol)).isEqualTo(row.get(ALL.serialCol) + 1);
    }

    @Test
    void identityStartsAndIncrementsAsDeclared() throws SQLException {
        List<Map<String, Object>> identity = query("select attidentity::text as kind from pg_attribute "
                + "where attrelid = 'public.ddl_all_types'::regclass and attname = 'id'");
        assertThat(identity).singleElement().extracting(r -> r.get("kind")).isEqualTo("a");
        List<Map<String, Object>> sequence = query("select s.seqstart, s.seqincrement from pg_sequence s "
                + "where s.seqrelid = pg_get_serial_sequence('public.ddl_all_types', 'id')::regclass");
        assertThat(sequence).singleElement().satisfies(r -> {
            assertThat(r.get("seqstart")).isEqualTo(1000L);
            assertThat(r.get("seqincrement")).isEqualTo(5L);
        });

        Long first = db.insert(ALL).set(ALL.email, "identity1@example.com").returning(ALL.id).fetchOne().get(ALL.id);
        Long next = db.insert(ALL).set(ALL.email, "identity2@example.com").returning(ALL.id).fetchOne().get(ALL.id);
        assertThat(first).isGreaterThanOrEqualTo(1000L);
        assertThat((first - 1000L) % 5).isZero();
        assertThat(next).isEqualTo(first + 5);

        // GENERATED ALWAYS refuses a given value
        assertThatThrownBy(() -> db.insert(ALL).set(ALL.id, 1L).set(ALL.email, "identity3@example.com").execute())
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("id");

        List<Map<String, Object>> byDefault = query("select attidentity::text as kind from pg_attribute "
                + "where attrelid = 'public.ddl_authors'::regclass and attname = 'id'");
        assertThat(byDefault).singleElement().extracting(r -> r.get("kind")).isEqualTo("d");
        assertThat(db.insert(AUTHORS).set(AUTHORS.id, 9_000_001L).set(AUTHORS.name, "given id")
                .returning(AUTHORS.id).fetchOne().get(AUTHORS.id)).isEqualTo(9_000_001L);
    }

    @Test
    void storedGeneratedColumnFollowsItsExpression() throws SQLException {
        assertThat(query("select attgenerated::text as g from pg_attribute where attrelid = "
                + "'public.ddl_all_types'::regclass and attname = 'twice_int'"))
                .singleElement().extracting(r -> r.get("g")).isEqualTo("s");

        Long id = db.insert(ALL).set(ALL.integerCol, 21).set(ALL.email, "generated@example.com")
                .returning(ALL.id).fetchOne().get(ALL.id);
        assertThat(db.select(ALL.twiceInt).from(ALL).where(eq(ALL.id, id)).fetchOne().get(ALL.twiceInt)).isEqualTo(42);

        db.update(ALL).set(ALL.integerCol, -8).where(eq(ALL.id, id)).execute();
        assertThat(db.select(ALL.twiceInt).from(ALL).where(eq(ALL.id, id)).fetchOne().get(ALL.twiceInt)).isEqualTo(-16);
    }

    // ------------------------------------------------------------------ constraints

    @Test
    void primaryKeysCoverTheirColumns() throws SQLException {
        assertThat(constraintDefinitions("public.ddl_all_types", 'p')).containsEntry("ddl_all_types_pkey", "PRIMARY KEY (id)");
        assertThat(constraintDefinitions("public.ddl_orders", 'p'))
                .containsExactly(Map.entry("ddl_orders_pkey", "PRIMARY KEY (tenant, order_no)"));
        assertThat(constraintDefinitions("public.ddl_order_lines", 'p'))
                .containsExactly(Map.entry("ddl_order_lines_pkey", "PRIMARY KEY (tenant, order_no, line_no)"));

        db.insert(ORDERS).set(ORDERS.tenant, 100).set(ORDERS.orderNo, 1).execute();
        db.insert(ORDERS).set(ORDERS.tenant, 100).set(ORDERS.orderNo, 2).execute();
        assertThatThrownBy(() -> db.insert(ORDERS).set(ORDERS.tenant, 100).set(ORDERS.orderNo, 1).execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_orders_pkey");
    }

    @Test
    void uniqueConstraintsTreatNullsAsDeclared() throws SQLException {
        assertThat(constraintDefinitions("public.ddl_all_types", 'u'))
                .containsExactly(Map.entry("ddl_all_types_code_unique", "UNIQUE (code)"));
        assertThat(constraintDefinitions("public.ddl_uniques", 'u'))
                .containsEntry("ddl_uniques_code_unique", "UNIQUE (code)")
                .containsEntry("ddl_uniques_alt_code_unique", "UNIQUE NULLS NOT DISTINCT (alt_code)")
                .containsEntry("ddl_uniques_pair_unique", "UNIQUE NULLS NOT DISTINCT (pair_a, pair_b)");

        db.insert(ALL).set(ALL.code, "unique-code").set(ALL.email, "u1@example.com").execute();
        assertThatThrownBy(() -> db.insert(ALL).set(ALL.code, "unique-code").set(ALL.email, "u2@example.com").execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_all_types_code_unique");

        // plain unique: nulls are distinct, so many rows may hold null
        db.insert(UNIQUES).set(UNIQUES.altCode, "a1").set(UNIQUES.pairA, "p").set(UNIQUES.pairB, "1")
                .set(UNIQUES.big, 1L).execute();
        db.insert(UNIQUES).set(UNIQUES.altCode, "a2").set(UNIQUES.pairA, "p").set(UNIQUES.pairB, "2")
                .set(UNIQUES.big, 2L).execute();
        assertThat(db.count(UNIQUES, isNull(UNIQUES.code))).isEqualTo(2L);

        // nulls not distinct: a null counts as a value
        db.insert(UNIQUES).set(UNIQUES.code, "c3").set(UNIQUES.pairA, "p").set(UNIQUES.big, 3L).execute();
        assertThatThrownBy(() -> db.insert(UNIQUES).set(UNIQUES.code, "c4").set(UNIQUES.pairA, "q")
                .set(UNIQUES.big, 4L).execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_uniques_alt_code_unique");
        assertThatThrownBy(() -> db.insert(UNIQUES).set(UNIQUES.code, "c5").set(UNIQUES.altCode, "a5")
                .set(UNIQUES.pairA, "p").set(UNIQUES.big, 5L).execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_uniques_pair_unique");
        db.insert(UNIQUES).set(UNIQUES.code, "c6").set(UNIQUES.altCode, "a6").set(UNIQUES.pairA, "p")
                .set(UNIQUES.pairB, "6").execute();
        assertThatThrownBy(() -> db.insert(UNIQUES).set(UNIQUES.code, "c7").set(UNIQUES.altCode, "a7")
                .set(UNIQUES.pairA, "p").set(UNIQUES.pairB, "7").execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_uniques_big_idx");
        assertThat(db.count(UNIQUES)).isEqualTo(4L);
    }

    @Test
    void checkConstraintsRejectViolatingRows() throws SQLException {
        Map<String, String> checks = constraintDefinitions("public.ddl_all_types", 'c');
        assertThat(checks).containsEntry("ddl_all_types_rank_check", "CHECK ((rank_col >= 0))")
                .containsEntry("ddl_all_types_small_check", "CHECK ((small_col < 1000))");
        assertThat(constraintDefinitions("public.ddl_order_lines", 'c'))
                .containsEntry("ddl_order_lines_qty_check", "CHECK ((qty > 0))");

        assertThatThrownBy(() -> db.insert(ALL).set(ALL.rank, -1).set(ALL.email, "check1@example.com").execute())
                .isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("ddl_all_types_rank_check");
        assertThatThrownBy(() -> db.insert(ALL).set(ALL.small, (short) 1000).set(ALL.email, "check2@example.com")
                .execute())
                .isInstanceOf(CheckViolationException.class)
                .hasMessageContaining("ddl_all_types_small_check");
        assertThat(db.insert(ALL).set(ALL.rank, 0).set(ALL.small, (short) 999).set(ALL.email, "check3@example.com")
                .execute()).isEqualTo(1);
    }

    @Test
    void foreignKeyActionsRunWhenTheParentChanges() throws SQLException {
        Map<String, String> fks = constraintDefinitions("public.ddl_books", 'f');
        assertThat(fks.values()).containsExactlyInAnyOrder(
                "FOREIGN KEY (author_id) REFERENCES ddl_authors(id) ON UPDATE CASCADE ON DELETE CASCADE",
                "FOREIGN KEY (editor_id) REFERENCES ddl_authors(id) ON DELETE SET NULL",
                "FOREIGN KEY (reviewer_id) REFERENCES ddl_authors(id) ON DELETE RESTRICT",
                "FOREIGN KEY (translator_id) REFERENCES ddl_authors(id) ON DELETE SET DEFAULT");

        long placeholder = db.insert(AUTHORS).set(AUTHORS.id, 0L).set(AUTHORS.name, "placeholder")
                .onConflictDoNothing(AUTHORS.id).execute();
        assertThat(placeholder).isBetween(0L, 1L);
        long author = newAuthor("author");
        long editor = newAuthor("editor");
        long reviewer = newAuthor("reviewer");
        long translator = newAuthor("translator");
        long book = db.insert(BOOKS).set(BOOKS.authorId, author).set(BOOKS.editorId, editor)
                .set(BOOKS.reviewerId, reviewer).set(BOOKS.translatorId, translator).set(BOOKS.title, "Sleet")
                .returning(BOOKS.id).fetchOne().get(BOOKS.id);

        // SET NULL
        assertThat(db.delete(AUTHORS).where(eq(AUTHORS.id, editor)).execute()).isEqualTo(1);
        assertThat(bookRow(book).get(BOOKS.editorId)).isNull();
        // SET DEFAULT (0, the placeholder author)
        assertThat(db.delete(AUTHORS).where(eq(AUTHORS.id, translator)).execute()).isEqualTo(1);
        assertThat(bookRow(book).get(BOOKS.translatorId)).isEqualTo(0L);
        // RESTRICT
        assertThatThrownBy(() -> db.delete(AUTHORS).where(eq(AUTHORS.id, reviewer)).execute())
                .isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("ddl_books");
        // ON UPDATE CASCADE
        long moved = author + 1_000_000L;
        assertThat(db.update(AUTHORS).set(AUTHORS.id, moved).where(eq(AUTHORS.id, author)).execute()).isEqualTo(1);
        assertThat(bookRow(book).get(BOOKS.authorId)).isEqualTo(moved);
        // ON DELETE CASCADE
        assertThat(db.delete(AUTHORS).where(eq(AUTHORS.id, moved)).execute()).isEqualTo(1);
        assertThat(db.count(BOOKS, eq(BOOKS.id, book))).isZero();
        // NO ACTION / a missing parent
        assertThatThrownBy(() -> db.insert(BOOKS).set(BOOKS.authorId, -42L).set(BOOKS.title, "orphan").execute())
                .isInstanceOf(ForeignKeyViolationException.class);
    }

    @Test
    void circularReferencesBetweenTwoTablesAreCreatedAndEnforced() throws SQLException {
        assertThat(constraintDefinitions("public.ddl_alpha", 'f').values())
                .containsExactly("FOREIGN KEY (beta_id) REFERENCES ddl_beta(id) ON DELETE SET NULL");
        assertThat(constraintDefinitions("public.ddl_beta", 'f').values())
                .containsExactly("FOREIGN KEY (alpha_id) REFERENCES ddl_alpha(id) ON DELETE CASCADE");

        db.insert(ALPHA).set(ALPHA.id, 1).execute();
        db.insert(BETA).set(BETA.id, 10).set(BETA.alphaId, 1).execute();
        assertThat(db.update(ALPHA).set(ALPHA.betaId, 10).where(eq(ALPHA.id, 1)).execute()).isEqualTo(1);
        assertThatThrownBy(() -> db.update(ALPHA).set(ALPHA.betaId, 11).where(eq(ALPHA.id, 1)).execute())
                .isInstanceOf(ForeignKeyViolationException.class);

        // deleting alpha cascades to beta, whose deletion sets alpha.beta_id to null on the other rows
        db.insert(ALPHA).set(ALPHA.id, 2).set(ALPHA.betaId, 10).execute();
        assertThat(db.delete(ALPHA).where(eq(ALPHA.id, 1)).execute()).isEqualTo(1);
        assertThat(db.count(BETA, eq(BETA.id, 10))).isZero();
        assertThat(db.select(ALPHA.betaId).from(ALPHA).where(eq(ALPHA.id, 2)).fetchOne().get(ALPHA.betaId)).isNull();
    }

    @Test
    void multiColumnForeignKeyCascadesOverBothColumns() throws SQLException {
        assertThat(constraintDefinitions("public.ddl_order_lines", 'f')).containsExactly(Map.entry(
                "ddl_order_lines_order_fk",
                "FOREIGN KEY (tenant, order_no) REFERENCES ddl_orders(tenant, order_no) ON UPDATE CASCADE ON DELETE CASCADE"));

        db.insert(ORDERS).set(ORDERS.tenant, 7).set(ORDERS.orderNo, 1).set(ORDERS.note, "first").execute();
        db.insert(ORDERS).set(ORDERS.tenant, 8).set(ORDERS.orderNo, 1).set(ORDERS.note, "other tenant").execute();
        db.insert(LINES).set(LINES.tenant, 7).set(LINES.orderNo, 1).set(LINES.lineNo, (short) 1).set(LINES.qty, 3)
                .execute();
        db.insert(LINES).set(LINES.tenant, 7).set(LINES.orderNo, 1).set(LINES.lineNo, (short) 2).set(LINES.qty, 4)
                .execute();
        db.insert(LINES).set(LINES.tenant, 8).set(LINES.orderNo, 1).set(LINES.lineNo, (short) 1).set(LINES.qty, 5)
                .execute();
        // (7, 2) does not exist even though tenant 7 and order 2 each do somewhere
        db.insert(ORDERS).set(ORDERS.tenant, 9).set(ORDERS.orderNo, 2).execute();
        assertThatThrownBy(() -> db.insert(LINES).set(LINES.tenant, 7).set(LINES.orderNo, 2)
                .set(LINES.lineNo, (short) 1).set(LINES.qty, 1).execute())
                .isInstanceOf(ForeignKeyViolationException.class)
                .hasMessageContaining("ddl_order_lines_order_fk");
        assertThatThrownBy(() -> db.insert(LINES).set(LINES.tenant, 8).set(LINES.orderNo, 1)
                .set(LINES.lineNo, (short) 2).set(LINES.qty, 0).execute())
                .isInstanceOf(CheckViolationException.class);

        db.update(ORDERS).set(ORDERS.orderNo, 5).where(and(eq(ORDERS.tenant, 7), eq(ORDERS.orderNo, 1))).execute();
        assertThat(db.count(LINES, and(eq(LINES.tenant, 7), eq(LINES.orderNo, 5)))).isEqualTo(2L);

        db.delete(ORDERS).where(and(eq(ORDERS.tenant, 7), eq(ORDERS.orderNo, 5))).execute();
        assertThat(db.count(LINES, eq(LINES.tenant, 7))).isZero();
        assertThat(db.count(LINES, eq(LINES.tenant, 8))).isEqualTo(1L);
    }

    // ------------------------------------------------------------------ indexes

    @Test
    void createsEveryIndexAsDeclared() throws SQLException {
        Map<String, String> defs = new LinkedHashMap<>();
        for (Map<String, Object> row : query("select indexname, indexdef from pg_indexes where schemaname = 'public' "
                + "and tablename = 'ddl_all_types'")) {
            defs.put((String) row.get("indexname"), (String) row.get("indexdef"));
        }
        assertThat(defs).containsEntry("ddl_all_types_email_idx",
                        "CREATE UNIQUE INDEX ddl_all_types_email_idx ON public.ddl_all_types USING btree (lower(email))")
                .containsEntry("ddl_all_types_flagged_idx",
                        "CREATE INDEX ddl_all_types_flagged_idx ON public.ddl_all_types USING btree (created_at) WHERE flag")
                .containsEntry("ddl_all_types_doc_idx",
                        "CREATE INDEX ddl_all_types_doc_idx ON public.ddl_all_types USING gin (doc)")
                .containsEntry("ddl_all_types_tags_idx",
                        "CREATE INDEX ddl_all_types_tags_idx ON public.ddl_all_types USING gin (tags)")
                .containsEntry("ddl_all_types_rank_idx",
                        "CREATE INDEX ddl_all_types_rank_idx ON public.ddl_all_types USING btree "
                                + "(rank_col DESC NULLS LAST, grade NULLS FIRST)")
                .containsEntry("ddl_all_types_note_idx",
                        "CREATE INDEX ddl_all_types_note_idx ON public.ddl_all_types USING btree (note text_pattern_ops)")
                .containsEntry("ddl_all_types_token_idx",
                        "CREATE INDEX ddl_all_types_token_idx ON public.ddl_all_types USING btree (token)")
                .containsKeys("ddl_all_types_pkey", "ddl_all_types_code_unique");
        assertThat(query("select indexdef from pg_indexes where indexname = 'ddl_uniques_big_idx'"))
                .singleElement().extracting(r -> r.get("indexdef"))
                .isEqualTo("CREATE UNIQUE INDEX ddl_uniques_big_idx ON public.ddl_uniques USING btree (big_col) "
                        + "NULLS NOT DISTINCT");
        assertThat(query("select indexdef from pg_indexes where schemaname = 'app' and indexname = 'things_level_idx'"))
                .singleElement().extracting(r -> r.get("indexdef"))
                .isEqualTo("CREATE INDEX things_level_idx ON app.things USING btree (level)");
    }

    @Test
    void expressionUniqueIndexRejectsCaseVariants() {
        db.insert(ALL).set(ALL.email, "Index@Example.com").execute();
        assertThatThrownBy(() -> db.insert(ALL).set(ALL.email, "INDEX@example.COM").execute())
                .isInstanceOf(UniqueViolationException.class)
                .hasMessageContaining("ddl_all_types_email_idx");
    }

    // ------------------------------------------------------------------ enums and PostgreSQL schemas

    @Test
    void createsEnumsWithTheirLabelsInTheirSchemas() throws SQLException {
        List<Map<String, Object>> enums = query("select n.nspname, t.typname, "
                + "array_to_string(array(select e.enumlabel from pg_enum e where e.enumtypid = t.oid "
                + "order by e.enumsortorder), ',') as labels "
                + "from pg_type t join pg_namespace n on n.oid = t.typnamespace "
                + "where t.typname in ('ddl_mood', 'ddl_level') order by t.typname");
        assertThat(enums).hasSize(2);
        assertThat(enums.get(0)).containsEntry("nspname", "app").containsEntry("typname", "ddl_level")
                .containsEntry("labels", "low,high");
        assertThat(enums.get(1)).containsEntry("nspname", "public").containsEntry("typname", "ddl_mood")
                .containsEntry("labels", "happy,sad,meh");
    }

    @Test
    void tableInAPostgresSchemaWorksThroughTheApi() throws SQLException {
        assertThat(query("select table_schema from information_schema.tables where table_name = 'things'"))
                .extracting(r -> r.get("table_schema")).containsExactly("app");
        assertThat(query("select format_type(atttypid, atttypmod) as type from pg_attribute "
                + "where attrelid = 'app.things'::regclass and attname in ('level', 'history') order by attnum"))
                .extracting(r -> r.get("type")).containsExactly("app.ddl_level", "app.ddl_level[]");
        assertThat(constraintDefinitions("app.things", 'f').values())
                .containsExactly("FOREIGN KEY (alpha_id) REFERENCES ddl_alpha(id)");

        db.insert(ALPHA).set(ALPHA.id, 500).execute();
        UUID id = db.insert(THINGS).set(THINGS.alphaId, 500).set(THINGS.history, List.of(Level.low, Level.high))
                .returning(THINGS.id).fetchOne().get(THINGS.id);
        Row row = db.select(THINGS.level, THINGS.history, THINGS.alphaId).from(THINGS).where(eq(THINGS.id, id)).fetchOne();
        assertThat(row.get(THINGS.level)).isEqualTo(Level.high);
        assertThat(row.get(THINGS.history)).containsExactly(Level.low, Level.high);
        assertThat(db.update(THINGS).set(THINGS.level, Level.low).where(eq(THINGS.id, id)).execute()).isEqualTo(1);
        assertThat(db.count(THINGS, eq(THINGS.level, Level.low))).isEqualTo(1L);
    }

    @Test
    void enumColumnsRefuseUnknownLabelsAndAcceptArrays() {
        Long id = db.insert(ALL).set(ALL.email, "enum@example.com").set(ALL.mood, Mood.sad)
                .set(ALL.moods, List.of(Mood.happy, Mood.meh)).returning(ALL.id).fetchOne().get(ALL.id);
        Row row = db.select(ALL.mood, ALL.moods).from(ALL).where(eq(ALL.id, id)).fetchOne();
        assertThat(row.get(ALL.mood)).isEqualTo(Mood.sad);
        assertThat(row.get(ALL.moods)).containsExactly(Mood.happy, Mood.meh);
        assertThatThrownBy(() -> db.execute(ctx -> ctx.sql("insert into ddl_all_types (email, mood) "
                + "values ('enum2@example.com', 'angry')")))
                .isInstanceOf(SleetException.class)
                .hasMessageContaining("ddl_mood");
    }

    // ------------------------------------------------------------------ helpers

    private static long newAuthor(String name) {
        return db.insert(AUTHORS).set(AUTHORS.name, name).returning(AUTHORS.id).fetchOne().get(AUTHORS.id);
    }

    private static Row bookRow(long id) {
        return db.select().from(BOOKS).where(eq(BOOKS.id, id)).fetchOne();
    }

    private static Map<String, String> constraintDefinitions(String table, char type) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map<String, Object> row : query("select conname, pg_get_constraintdef(oid) as def from pg_constraint "
                + "where conrelid = ?::regclass and contype = ? order by conname", table, String.valueOf(type))) {
            out.put((String) row.get("conname"), (String) row.get("def"));
        }
        return out;
    }

    private static List<Map<String, Object>> query(String sql, Object... params) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

}
