package dev.sleet.schema;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.testing.PostgresTest;
import dev.sleet.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.sleet.Sql.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A wrong table declaration fails while the table class initialises, with a {@link SchemaDefinitionException}
 * naming the table and the column; a declaration after the table is in use fails the same way.
 */
@PostgresTest
class TableDefinitionTest {

    // ------------------------------------------------------------------ definitions, each wrong in one way

    static final class DuplicateColumn extends Table {
        final Column<Long> id = bigint("id");
        final Column<String> again = text("id");

        DuplicateColumn() {
            super("dup_table");
        }
    }

    static final class TwoColumnPrimaryKeys extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> other = bigint("other_id").primaryKey();

        TwoColumnPrimaryKeys() {
            super("two_pk_table");
        }
    }

    static final class ColumnAndCompositePrimaryKey extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> tenant = bigint("tenant_key");
        final Column<Long> seq = bigint("seq_no");

        ColumnAndCompositePrimaryKey() {
            super("mixed_pk_table");
            primaryKey(tenant, seq);
        }
    }

    static final class Elsewhere extends Table {
        final Column<String> foreignCol = text("foreign_col");

        Elsewhere() {
            super("elsewhere_table");
        }
    }

    static final class IndexOnOtherTable extends Table {
        final Column<Long> id = bigint("id");

        IndexOnOtherTable(Elsewhere other) {
            super("idx_owner_table");
            index("idx_owner_wrong_idx").on(other.foreignCol);
        }
    }

    static final class VarcharLength extends Table {
        final Column<String> code;

        VarcharLength(int length) {
            super("varchar_table");
            code = varchar("short_code", length);
        }
    }

    static final class WrongDefaultType extends Table {
        final Column<Long> counter;

        @SuppressWarnings({"unchecked", "rawtypes"})
        WrongDefaultType() {
            super("wrong_default_table");
            Column raw = bigint("counter_col");
            counter = raw.defaultValue("not a number");
        }
    }

    static final class DefaultNowOnText extends Table {
        final Column<String> stamp = text("stamp_col").defaultNow();

        DefaultNowOnText() {
            super("now_table");
        }
    }

    static final class DefaultRandomOnBigint extends Table {
        final Column<Long> token = bigint("token_col").defaultRandom();

        DefaultRandomOnBigint() {
            super("random_table");
        }
    }

    static final class IdentityOnText extends Table {
        final Column<String> id = text("text_id").generatedAlwaysAsIdentity();

        IdentityOnText() {
            super("identity_table");
        }
    }

    /** Fails through a static constant, the way schema classes are declared. */
    static final class StaticDuplicateColumn extends Table {
        static final StaticDuplicateColumn INSTANCE = new StaticDuplicateColumn();

        final Column<Long> id = bigint("id");
        final Column<Long> again = bigint("id");

        private StaticDuplicateColumn() {
            super("static_dup_table");
        }
    }

    static final class StaticBadVarchar extends Table {
        static final StaticBadVarchar INSTANCE = new StaticBadVarchar();

        final Column<String> code = varchar("zero_code", 0);

        private StaticBadVarchar() {
            super("static_varchar_table");
        }
    }

    static final class StaticTwoPrimaryKeys extends Table {
        static final StaticTwoPrimaryKeys INSTANCE = new StaticTwoPrimaryKeys();

        final Column<Long> id = bigint("id").primaryKey();
        final Column<Long> a = bigint("part_a");
        final Column<Long> b = bigint("part_b");

        private StaticTwoPrimaryKeys() {
            super("static_pk_table");
            primaryKey(a, b);
        }
    }

    /** A valid table that exposes its declaration methods, to try them after it is in use. */
    static final class Sealable extends Table {
        final Column<Long> id = bigint("id").primaryKey();
        final Column<String> label = text("label");

        Sealable() {
            super("sealable_table");
        }

        void lateIndex() {
            index("sealable_late_idx").on(label);
        }

        void lateColumn() {
            text("late_col");
        }

        void lateCheck() {
            check("sealable_late_check", "id > 0");
        }
    }

    // ------------------------------------------------------------------ direct construction

    @Test
    void rejectsAColumnNameDeclaredTwice() {
        assertThatThrownBy(DuplicateColumn::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("dup_table")
                .hasMessageContaining("\"id\"")
                .hasMessageContaining("declared twice");
    }

    @Test
    void rejectsTwoColumnLevelPrimaryKeys() {
        assertThatThrownBy(TwoColumnPrimaryKeys::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("two_pk_table")
                .hasMessageContaining("other_id")
                .hasMessageContaining("id")
                .hasMessageContaining("second primary key");
    }

    @Test
    void rejectsACompositePrimaryKeyNextToAColumnPrimaryKey() {
        assertThatThrownBy(ColumnAndCompositePrimaryKey::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("mixed_pk_table")
                .hasMessageContaining("tenant_key")
                .hasMessageContaining("seq_no")
                .hasMessageContaining("second primary key");
    }

    @Test
    void rejectsAnIndexOnAColumnOfAnotherTable() {
        Elsewhere other = new Elsewhere();
        assertThatThrownBy(() -> new IndexOnOtherTable(other))
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("idx_owner_table")
                .hasMessageContaining("idx_owner_wrong_idx")
                .hasMessageContaining("elsewhere_table.foreign_col")
                .hasMessageContaining("another table");
    }

    @Test
    void rejectsAVarcharLengthOfZeroOrBelow() {
        for (int length : new int[] {0, -1, Integer.MIN_VALUE}) {
            assertThatThrownBy(() -> new VarcharLength(length))
                    .as("varchar length %d", length)
                    .isInstanceOf(SchemaDefinitionException.class)
                    .hasMessageContaining("varchar_table")
                    .hasMessageContaining("short_code")
                    .hasMessageContaining(String.valueOf(length));
        }
    }

    @Test
    void acceptsAVarcharLengthOfOne() {
        assertThat(new VarcharLength(1).code.type().sqlName()).isEqualTo("varchar(1)");
    }

    @Test
    void rejectsADefaultOfTheWrongJavaType() {
        assertThatThrownBy(WrongDefaultType::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("wrong_default_table")
                .hasMessageContaining("counter_col")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("bigint");
    }

    @Test
    void rejectsDefaultNowOnANonTemporalColumn() {
        assertThatThrownBy(DefaultNowOnText::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("now_table")
                .hasMessageContaining("stamp_col")
                .hasMessageContaining("defaultNow()");
    }

    @Test
    void rejectsDefaultRandomOnANonUuidColumn() {
        assertThatThrownBy(DefaultRandomOnBigint::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("random_table")
                .hasMessageContaining("token_col")
                .hasMessageContaining("uuid");
    }

    @Test
    void rejectsIdentityOnATextColumn() {
        assertThatThrownBy(IdentityOnText::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("identity_table")
                .hasMessageContaining("text_id")
                .hasMessageContaining("identity");
    }

    // ------------------------------------------------------------------ through a static constant

    @Test
    void duplicateColumnFailsWhenTheStaticConstantIsFirstRead() {
        Throwable thrown = catchThrowable(() -> assertThat(StaticDuplicateColumn.INSTANCE).isNull());
        assertStaticInitFailure(thrown, "static_dup_table", "\"id\"");
    }

    @Test
    void badVarcharLengthFailsWhenTheStaticConstantIsFirstRead() {
        Throwable thrown = catchThrowable(() -> assertThat(StaticBadVarchar.INSTANCE).isNull());
        assertStaticInitFailure(thrown, "static_varchar_table", "zero_code");
    }

    @Test
    void secondPrimaryKeyFailsWhenTheStaticConstantIsFirstRead() {
        Throwable thrown = catchThrowable(() -> assertThat(StaticTwoPrimaryKeys.INSTANCE).isNull());
        assertStaticInitFailure(thrown, "static_pk_table", "part_a");
    }

    private static void assertStaticInitFailure(Throwable thrown, String table, String column) {
        assertThat(thrown).isInstanceOf(ExceptionInInitializerError.class);
        assertThat(thrown.getCause())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining(table)
                .hasMessageContaining(column);
    }

    // ------------------------------------------------------------------ after the table is in use

    @Test
    void refusesDeclarationsOnceTheTableIsInUse(TestDatabase database) {
        Sealable table = new Sealable();
        try (Db db = Sleet.connect(database.dataSource())) {
            createFresh(db, table);
            db.insert(table).set(table.id, 1L).set(table.label, "one").execute();
            List<Row> rows = db.select(table.label).from(table).where(eq(table.id, 1L)).fetch();
            assertThat(rows).extracting(r -> r.get(table.label)).containsExactly("one");
        }

        assertThatThrownBy(() -> table.label.notNull())
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("label")
                .hasMessageContaining("already in use");
        assertThatThrownBy(() -> table.label.defaultValue("x"))
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("label");
        assertThatThrownBy(() -> table.label.references(() -> table.label))
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("label");
        assertThatThrownBy(table::lateColumn)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("late_col");
        assertThatThrownBy(table::lateIndex)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("sealable_late_idx");
        assertThatThrownBy(table::lateCheck)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("sealable_table")
                .hasMessageContaining("sealable_late_check");
        // the refused declarations changed nothing
        assertThat(table.columns()).extracting(Column::name).containsExactly("id", "label");
        assertThat(table.label.isNotNull()).isFalse();
        assertThat(table.label.defaultValue()).isNull();
        assertThat(table.indexes()).isEmpty();
        assertThat(table.checks()).isEmpty();
    }

    @Test
    void aValidTableIsUsableAfterAFailedDeclarationOfAnother(TestDatabase database) {
        assertThatThrownBy(DuplicateColumn::new).isInstanceOf(SchemaDefinitionException.class);
        Sealable table = new Sealable();
        try (Db db = Sleet.connect(database.dataSource())) {
            createFresh(db, table);
            String label = UUID.randomUUID().toString();
            assertThat(db.insert(table).set(table.id, 2L).set(table.label, label).execute()).isEqualTo(1);
            assertThat(db.count(table, eq(table.label, label))).isEqualTo(1L);
        }
    }

    static final class ArrayAfterUnique extends Table {
        final Column<java.util.List<String>> codes = text("codes").unique().array();

        ArrayAfterUnique() {
            super("array_after_unique");
        }
    }

    static final class ArrayTwice extends Table {
        final Column<String> code = text("code");
        final Column<java.util.List<String>> codes = code.array();
        final Column<java.util.List<String>> again = code.array();

        ArrayTwice() {
            super("array_twice");
        }
    }

    @Test
    void arrayAfterUniqueFailsInsteadOfDroppingTheConstraint() {
        assertThatThrownBy(ArrayAfterUnique::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("array_after_unique").hasMessageContaining("codes")
                .hasMessageContaining("right after the column factory");
    }

    @Test
    void arrayOnAColumnAlreadyTurnedIntoAnArrayNamesIt() {
        assertThatThrownBy(ArrayTwice::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("array_twice").hasMessageContaining("code");
    }

    /** A 63-byte table name: the primary key's name must still fit PostgreSQL's limit. */
    static final class LongName extends Table {
        static final String NAME = "t".repeat(63);
        final Column<Long> id = bigint("id").primaryKey();

        LongName() {
            super(NAME);
        }
    }

    @Test
    void primaryKeyNamesOfLongTablesStayWithinPostgresLimitAndMatchTheDatabase(TestDatabase database) {
        LongName table = new LongName();
        String pk = table.primaryKey().name();
        assertThat(pk.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(63);
        assertThat(pk).endsWith("_pkey");
        try (Db db = Sleet.connect(database.dataSource())) {
            createFresh(db, table);
            dev.sleet.fixtures.SqlExpression<Long> found = new dev.sleet.fixtures.SqlExpression<>(
                    dev.sleet.schema.column.BigintType.INSTANCE, "found",
                    "(select count(*) from pg_constraint where conname = " + dev.sleet.render.RenderContext.quoteLiteral(pk) + ")");
            assertThat(db.select(found).fetchOne().get(found)).isEqualTo(1L);
        }
    }

    static final class Renamed extends Table {
        final Column<String> email = text("email").renamedFrom("mail");

        Renamed() {
            super("renamed_now");
            renamedFrom("renamed_before");
        }
    }

    static final class RenamedToItself extends Table {
        final Column<String> email = text("email").renamedFrom("email");

        RenamedToItself() {
            super("renamed_self");
        }
    }

    @Test
    void renameHintsAreKeptForTheMigrationsKitAndARenameToItselfIsRefused() {
        Renamed t = new Renamed();
        assertThat(t.previousName()).isEqualTo("renamed_before");
        assertThat(t.email.previousName()).isEqualTo("mail");
        assertThatThrownBy(RenamedToItself::new)
                .isInstanceOf(SchemaDefinitionException.class)
                .hasMessageContaining("renamed_self").hasMessageContaining("email");
    }

    private static void createFresh(Db db, Table table) {
        db.execute(ctx -> ctx.sql("drop table if exists ").visit(table));
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(table)))) {
            db.execute(statement);
        }
    }
}
