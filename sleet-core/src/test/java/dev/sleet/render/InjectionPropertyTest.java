package dev.sleet.render;

import dev.sleet.Db;
import dev.sleet.Sleet;
import dev.sleet.ddl.SchemaDdl;
import dev.sleet.exec.Row;
import dev.sleet.query.Query;
import dev.sleet.schema.Column;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.testing.TestDatabase;
import dev.sleet.testing.TestPostgres;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import static dev.sleet.Sql.eq;
import static dev.sleet.Sql.ne;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random strings full of SQL metacharacters travel as data, never as SQL: as bound values through select, insert,
 * update and delete, as literals in DDL defaults, and as table and column names through quoting.
 */
class InjectionPropertyTest {

    /** A table whose schema, name, column name and column default are chosen at run time. */
    static final class Dyn extends Table {
        final Column<String> value;

        Dyn(String schema, String table, String column, String defaultValue) {
            super(schema, table);
            value = text(column).defaultValue(defaultValue);
        }
    }

    private static TestDatabase database;
    private static Db db;

    private static synchronized Db db() {
        if (db == null) {
            database = TestPostgres.createDatabase("injection");
            db = Sleet.connect(database.url()); // pooled: a connection per statement would dominate the run time
        }
        return db;
    }

    @AfterContainer
    static synchronized void dropDatabase() {
        if (db != null) {
            db.close();
            db = null;
        }
        if (database != null) {
            TestPostgres.dropDatabase(database);
            database = null;
        }
    }

    @Property(tries = 150)
    void valuesAndIdentifiersRoundTripAsData(@ForAll("identifiers") String tableName,
                                             @ForAll("identifiers") String columnName,
                                             @ForAll("values") String value,
                                             @ForAll("values") String updated,
                                             @ForAll("values") String decoy,
                                             @ForAll("values") String defaultValue) {
        Assume.that(!value.equals(updated) && !value.equals(decoy) && !updated.equals(decoy)
                && !defaultValue.equals(value) && !defaultValue.equals(updated) && !defaultValue.equals(decoy));
        Db db = db();
        Dyn t = new Dyn(null, tableName, columnName, defaultValue);
        create(db, t);
        try {
            exercise(db, t, value, updated, decoy, defaultValue);
        } finally {
            db.execute(ctx -> ctx.sql("drop table ").visit(t));
        }
    }

    @Property(tries = 40)
    void tablesInRandomlyNamedSchemasRoundTripAsData(@ForAll("schemaNames") String schemaName,
                                                     @ForAll("identifiers") String tableName,
                                                     @ForAll("identifiers") String columnName,
                                                     @ForAll("values") String value,
                                                     @ForAll("values") String updated) {
        Assume.that(!value.equals(updated) && !value.equals("d") && !updated.equals("d"));
        Db db = db();
        Dyn t = new Dyn(schemaName, tableName, columnName, "d");
        create(db, t);
        try {
            assertThat(db.insert(t).set(t.value, value).execute()).isEqualTo(1);
            assertThat(db.select(t.value).from(t).where(eq(t.value, value)).fetch())
                    .extracting(r -> r.get(t.value)).containsExactly(value);
            assertThat(db.update(t).set(t.value, updated).where(eq(t.value, value)).execute()).isEqualTo(1);
            assertThat(db.delete(t).where(eq(t.value, updated)).execute()).isEqualTo(1);
            assertThat(db.count(t)).isZero();
            assertThat(tableExists(null, schemaName, tableName)).isTrue();
        } finally {
            db.execute(ctx -> ctx.sql("drop schema ").identifier(schemaName).sql(" cascade"));
        }
    }

    private static void exercise(Db db, Dyn t, String value, String updated, String decoy, String defaultValue) {
        Column<String> c = t.value;

        // the identifiers made it into the catalog unchanged
        assertThat(tableExists(null, null, t.name())).isTrue();

        // insert: bound values
        Query insert = db.insert(t).set(c, value);
        assertValueIsBound(insert.toSql(), db.insert(t).set(c, "neutral").toSql(), value);
        assertThat(insert.execute()).isEqualTo(1);
        assertThat(db.insert(t).set(c, decoy).execute()).isEqualTo(1);
        // insert: the literal default written into DDL
        assertThat(db.insert(t).values(java.util.Map.of()).execute()).isEqualTo(1);
        assertThat(db.count(t)).isEqualTo(3L);
        assertThat(db.count(t, eq(c, defaultValue))).isEqualTo(1L);

        // select by value
        assertValueIsBound(db.select(c).from(t).where(eq(c, value)).toSql(),
                db.select(c).from(t).where(eq(c, "neutral")).toSql(), value);
        List<Row> found = db.select(c).from(t).where(eq(c, value)).fetch();
        assertThat(found).extracting(r -> r.get(c)).containsExactly(value);
        assertThat(db.select(c).from(t).where(ne(c, value)).fetch()).extracting(r -> r.get(c))
                .containsExactlyInAnyOrder(decoy, defaultValue);

        // update by value
        assertValueIsBound(db.update(t).set(c, updated).where(eq(c, value)).toSql(),
                db.update(t).set(c, "neutral").where(eq(c, "neutral")).toSql(), value, updated);
        assertThat(db.update(t).set(c, updated).where(eq(c, value)).execute()).isEqualTo(1);
        assertThat(db.count(t, eq(c, value))).isZero();
        assertThat(db.select(c).from(t).where(eq(c, updated)).fetch()).extracting(r -> r.get(c))
                .containsExactly(updated);

        // delete by value
        assertValueIsBound(db.delete(t).where(eq(c, updated)).toSql(),
                db.delete(t).where(eq(c, "neutral")).toSql(), updated);
        assertThat(db.delete(t).where(eq(c, updated)).execute()).isEqualTo(1);
        assertThat(db.select(c).from(t).fetch()).extracting(r -> r.get(c))
                .containsExactlyInAnyOrder(decoy, defaultValue);
        assertThat(db.delete(t).where(eq(c, decoy)).execute()).isEqualTo(1);
        assertThat(db.count(t)).isEqualTo(1L);
    }

    /**
     * The SQL text of a statement does not depend on its values (it equals the text of the same statement built
     * with a neutral value), the values travel as binds, and the text never holds a value that the neutral text
     * does not already hold by chance (a value like {@code "e"}).
     */
    private static void assertValueIsBound(RenderedSql rendered, RenderedSql neutral, String... values) {
        assertThat(rendered.sql()).isEqualTo(neutral.sql());
        assertThat(rendered.bindValues()).contains((Object[]) values);
        for (String v : values) {
            if (!neutral.sql().contains(v)) {
                assertThat(rendered.sql()).doesNotContain(v);
            }
        }
    }

    private static void create(Db db, Dyn t) {
        for (QueryPart statement : SchemaDdl.create(new Schema(List.of(), List.of(t)))) {
            db.execute(statement);
        }
    }

    /** Looks the table up in the catalog over plain JDBC, the names bound as values. */
    private static boolean tableExists(Object unused, String schema, String table) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "select count(*) from pg_catalog.pg_tables where schemaname = ? and tablename = ?")) {
            ps.setString(1, schema == null ? "public" : schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ generators

    private static final List<String> NASTY = List.of("'", "\"", "\\", "$1", "$$", "?", "??", "--", ";", "/*", "*/",
            "\n", "\r\n", "\t", "E'", "''", "\\'", "\\\"", "😀", "👩‍👩‍👧", "%", "_", "{", "}", ",", "NULL", "null",
            " or 1=1", "'); drop table x; --", "\u00e9", "e\u0301", "\u202e", "日本", "U&\"", "\\x00", "::text", "(", ")");

    private static Arbitrary<String> fragments(int maxCodePoints) {
        Arbitrary<String> codePoints = Arbitraries.frequencyOf(
                        Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                        Tuple.of(2, Arbitraries.integers().between(0x01, 0xD7FF)),
                        Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
                        Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)))
                .list().ofMinSize(1).ofMaxSize(maxCodePoints)
                .map(cps -> cps.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
        return Arbitraries.oneOf(codePoints, Arbitraries.of(NASTY));
    }

    @Provide
    Arbitrary<String> values() {
        return fragments(12).list().ofMaxSize(6).map(parts -> String.join("", parts))
                .filter(s -> s.indexOf('\0') < 0);
    }

    @Provide
    Arbitrary<String> identifiers() {
        return fragments(8).list().ofMinSize(1).ofMaxSize(5).map(parts -> truncate(String.join("", parts)))
                .filter(s -> !s.isEmpty() && s.indexOf('\0') < 0);
    }

    @Provide
    Arbitrary<String> schemaNames() {
        // pg_ is reserved for system schemas; public would be dropped at the end
        return identifiers().filter(s -> !s.toLowerCase(Locale.ROOT).startsWith("pg_")
                && !s.equals("public") && !s.equals("information_schema"));
    }

    /** Cuts to PostgreSQL's 63-byte identifier limit at a code point boundary. */
    private static String truncate(String s) {
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            String ch = new String(Character.toChars(cp));
            int n = ch.getBytes(StandardCharsets.UTF_8).length;
            if (bytes + n > 63) {
                break;
            }
            out.append(ch);
            bytes += n;
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
