package dev.sleet.kit.introspect;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts a snapshot built from Java ({@link dev.sleet.kit.snapshot.SnapshotBuilder}) into the printing
 * {@link Introspector} reads from the catalog, so that the two can be compared with
 * {@link Diff#between(Snapshot, Snapshot)} and a schema created from Sleet's own DDL shows no differences.
 *
 * <p>The approach, in two parts:
 * <ul>
 *     <li><b>Decided in Java</b>, because the rule is fixed: type aliases ({@code varchar(255)} is
 *     {@code character varying(255)}, {@code timestamptz} is {@code timestamp with time zone},
 *     {@code numeric(10, 2)} is {@code numeric(10,2)}, {@code serial} is {@code integer} with a
 *     {@code nextval('t_id_seq'::regclass)} default and {@code NOT NULL}); sequence and identity options equal to
 *     PostgreSQL's defaults become {@code null}; rename hints and {@code concurrently} are cleared, since the
 *     catalog does not record them.</li>
 *     <li><b>Printed by the server</b>, because only PostgreSQL knows how it prints an expression (casts it
 *     adds, parentheses, {@code CURRENT_USER} for {@code current_user}, a view's query rewritten in full):
 *     column defaults, generated expressions, check expressions, index elements and predicates, policy
 *     expressions and view definitions. Each table is created again as a temporary table ({@code pg_temp})
 *     with the same column types and the expressions as declared, views as temporary views, all in one
 *     transaction that is always rolled back; then the temporary objects are read back with the same catalog
 *     queries as {@link Introspector}. Nothing outside the session's temporary schema is created.</li>
 * </ul>
 *
 * <p>The types and objects the expressions name (enum types, sequences in {@code nextval(...)}, functions) must
 * exist on the connection, so normalise against the database being compared or one migrated to the same
 * schema. Unqualified table names in view definitions resolve to the temporary copies, which are searched
 * first; a view that names a table with its schema reads the real table.
 */
public final class SnapshotNormalizer {

    private static final Pattern VARCHAR = Pattern.compile("varchar(\\(\\d+\\))?");
    private static final Pattern CHAR = Pattern.compile("(?:char|character|bpchar)(\\(\\d+\\))?");
    private static final Pattern NUMERIC = Pattern.compile("(?:numeric|decimal)\\((\\d+)\\s*(?:,\\s*(\\d+))?\\)");
    private static final Pattern TIME = Pattern.compile("(timestamp|time)(\\(\\d\\))?(tz| with time zone| without time zone)?");

    /** Printing a printing again settles in two rounds for every case known; a bound keeps a bad one finite. */
    private static final int SETTLE_ROUNDS = 4;

    private SnapshotNormalizer() {
    }

    /**
     * Normalises a snapshot.
     *
     * @param snapshot   a snapshot built from Java schema classes
     * @param connection a connection to a database where the snapshot's enum types and sequences exist; nothing
     *                   is left behind on it
     * @return the snapshot as {@link Introspector} would read it from a database built from it
     * @throws SQLException when an expression is not valid SQL or names something the database lacks; the
     *                      message has the statement
     */
    public static Snapshot normalize(Snapshot snapshot, Connection connection) throws SQLException {
        return settle(inJava(snapshot), connection);
    }

    /**
     * Prints a snapshot's expressions again until the printing stops changing. PostgreSQL does not always print
     * what it printed before the same way: {@code tier in ('free', 'pro')} on a {@code varchar} column prints as
     * {@code (tier)::text = ANY ((ARRAY['free'::character varying, ...])::text[])}, and that, read back, prints
     * with the casts moved into the array. Two expressions mean the same when they print the same once settled,
     * so {@link #normalize} settles what it returns, and a comparison with a live database settles the live
     * snapshot too when the two differ: a schema written from the catalog ({@code sleet pull}) then matches the
     * database it came from. Most expressions settle at once, and the snapshot comes back unchanged.
     *
     * @param snapshot   a snapshot as {@link Introspector} reads it, or normalised
     * @param connection a connection to a database where the snapshot's types and sequences exist; nothing is
     *                   left behind on it
     * @return the snapshot with each expression printed until it stays the same
     * @throws SQLException when an expression is not valid SQL on this database; the message has the statement
     */
    public static Snapshot settle(Snapshot snapshot, Connection connection) throws SQLException {
        Snapshot current = printedOnce(snapshot, connection);
        for (int round = 1; round < SETTLE_ROUNDS; round++) {
            Snapshot next = printedOnce(current, connection);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /**
     * Returns a live snapshot ready to compare with a normalised one: as it is when the two already agree, and
     * otherwise {@link #settle settled}, so that an expression the catalog holds in a printing that does not
     * print the same again (written from the catalog by {@code sleet pull}, say) is not reported as a change.
     *
     * @param live       the database as {@link Introspector} read it
     * @param normalized the schema to compare it with, from {@link #normalize}
     * @param connection a connection to that database; nothing is left behind on it
     * @return the live snapshot to diff
     * @throws SQLException when an expression cannot be printed again; the message has the statement
     */
    public static Snapshot settleAgainst(Snapshot live, Snapshot normalized, Connection connection)
            throws SQLException {
        return Diff.between(live, normalized).isEmpty() ? live : settle(live, connection);
    }

    /** Every expression of the snapshot replaced by the server's printing of it. */
    private static Snapshot printedOnce(Snapshot java, Connection connection) throws SQLException {
        Printed printed = printedByServer(java, connection);
        List<TableSnapshot> tables = new ArrayList<>();
        for (TableSnapshot t : java.tables()) {
            TableSnapshot p = printed.tables.get(key(t.schema(), t.name()));
            tables.add(p == null ? t : withPrinting(t, p));
        }
        List<ViewSnapshot> views = new ArrayList<>();
        for (ViewSnapshot v : java.views()) {
            String definition = printed.views.getOrDefault(key(v.schema(), v.name()), v.definition());
            views.add(new ViewSnapshot(v.schema(), v.name(), v.materialized(), definition, v.securityInvoker(),
                    v.withNoData(), v.comment()));
        }
        return new Snapshot(java.version(), java.id(), java.parent(), java.roles(), java.schemas(), java.enums(),
                java.sequences(), tables, views);
    }

    /**
     * Normalises a schema that the database may not have yet, as push and any comparison of a new schema with a
     * live database need: the enum types, schemas and sequences the database lacks are created first, inside
     * the normaliser's transaction (always rolled back), since the schema's expressions may name them; an enum
     * that gains values is swapped for one with all of them, since a value added in a transaction cannot be
     * used in it.
     *
     * @param snapshot   a snapshot built from Java schema classes
     * @param live       the database as {@link Introspector} read it
     * @param connection a connection to that database; nothing is left behind on it
     * @return the snapshot as {@link Introspector} would read it from a database built from it
     * @throws SQLException when an expression is not valid SQL on this database; the message has the statement
     */
    public static Snapshot normalize(Snapshot snapshot, Snapshot live, Connection connection) throws SQLException {
        List<String> prerequisites = new ArrayList<>();
        Set<String> swapped = new HashSet<>();
        for (Change change : Diff.between(live, snapshot)) {
            if (change instanceof Change.CreateSchema || change instanceof Change.CreateEnum
                    || change instanceof Change.CreateSequence) {
                prerequisites.addAll(MigrationSql.up(change));
            } else if (change instanceof Change.AddEnumValue add && swapped.add(add.before().name())) {
                EnumSnapshot before = add.before();
                EnumSnapshot after = snapshot.enums().stream().filter(e -> Objects.equals(e.schema(), before.schema())
                        && e.name().equals(before.name())).findFirst().orElseThrow();
                prerequisites.add(RenderContext.render(ctx -> ctx.sql("alter type ")
                        .qualified(before.schema(), before.name()).sql(" rename to ")
                        .identifier("sleet_normalize_" + before.name()), ParamStyle.INLINE).sql());
                prerequisites.addAll(MigrationSql.up(new Change.CreateEnum(after)));
            }
        }
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement st = connection.createStatement()) {
                for (String sql : prerequisites) {
                    st.execute(sql);
                }
            }
            return normalize(snapshot, connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * Returns a column type as {@code format_type} prints it: {@code varchar(20)} is
     * {@code character varying(20)}, {@code int8} is {@code bigint}, {@code serial} is {@code integer}. Quoted
     * user types ({@code "app"."plan"}) are kept.
     *
     * @param type the type as Sleet renders it
     * @return the type as the catalog prints it
     */
    public static String typeName(String type) {
        String t = type.strip();
        if (t.endsWith("[]")) {
            return typeName(t.substring(0, t.length() - 2)) + "[]";
        }
        if (t.startsWith("\"")) {
            return t;
        }
        String lower = t.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        Matcher m = VARCHAR.matcher(lower);
        if (m.matches() || lower.matches("character varying(\\(\\d+\\))?")) {
            return "character varying" + lower.replaceAll("[^(]*(\\(\\d+\\))?", "$1");
        }
        m = CHAR.matcher(lower);
        if (m.matches()) {
            return "character" + (m.group(1) == null ? "(1)" : m.group(1));
        }
        m = NUMERIC.matcher(lower);
        if (m.matches()) {
            return "numeric(" + m.group(1) + "," + (m.group(2) == null ? "0" : m.group(2)) + ")";
        }
        // timestamptz(3) is timestamp(3) with time zone
        m = TIME.matcher(lower.replaceFirst("^(timestamp|time)tz(\\(\\d\\))$", "$1$2tz"));
        if (m.matches()) {
            boolean zone = m.group(3) != null && (m.group(3).equals("tz") || m.group(3).equals(" with time zone"));
            return m.group(1) + (m.group(2) == null ? "" : m.group(2))
                    + (zone ? " with time zone" : " without time zone");
        }
        return switch (lower) {
            case "int", "int4", "serial", "serial4" -> "integer";
            case "int8", "bigserial", "serial8" -> "bigint";
            case "int2", "smallserial", "serial2" -> "smallint";
            case "float8", "float" -> "double precision";
            case "float4" -> "real";
            case "bool" -> "boolean";
            case "decimal" -> "numeric";
            case "timetz" -> "time with time zone";
            default -> lower;
        };
    }

    // ------------------------------------------------------------------------------------------ Java part

    private static Snapshot inJava(Snapshot s) {
        List<TableSnapshot> tables = new ArrayList<>();
        for (TableSnapshot t : s.tables()) {
            List<ColumnSnapshot> columns = new ArrayList<>();
            for (ColumnSnapshot c : t.columns()) {
                String type = typeName(c.type());
                boolean serial = c.type().strip().toLowerCase(Locale.ROOT).matches("(small|big)?serial[248]?");
                boolean notNull = c.notNull() || c.identity() != null || serial
                        || (t.primaryKey() != null && t.primaryKey().columns().contains(c.name()));
                String defaultSql = serial ? "nextval('" + sequenceName(t, c) + "'::regclass)" : c.defaultSql();
                columns.add(new ColumnSnapshot(c.name(), type, notNull, defaultSql,
                        SequenceOptions.canonical(type, c.identity()), c.generated(), null, c.comment()));
            }
            List<IndexSnapshot> indexes = new ArrayList<>();
            for (IndexSnapshot i : t.indexes()) {
                indexes.add(new IndexSnapshot(i.name(), i.unique(), i.method(), i.elements(), i.where(), false,
                        i.nullsNotDistinct()));
            }
            tables.add(new TableSnapshot(t.schema(), t.name(), null, columns, t.primaryKey(), t.uniques(),
                    t.foreignKeys(), t.checks(), indexes, t.rowLevelSecurity(), t.forceRowLevelSecurity(),
                    t.policies(), t.comment(), t.grants()));
        }
        List<SequenceSnapshot> sequences = new ArrayList<>();
        for (SequenceSnapshot q : s.sequences()) {
            SequenceSnapshot c = SequenceOptions.canonical(q);
            sequences.add(new SequenceSnapshot(c.schema(), c.name(), typeName(c.type()), c.start(), c.increment(),
                    c.minValue(), c.maxValue(), c.cache(), c.cycle(), c.comment()));
        }
        return new Snapshot(s.version(), s.id(), s.parent(), s.roles(), s.schemas(), s.enums(), sequences, tables,
                s.views());
    }

    /** The sequence PostgreSQL makes for a serial column, as {@code regclass} prints it. */
    private static String sequenceName(TableSnapshot t, ColumnSnapshot c) {
        String name = t.name() + "_" + c.name() + "_seq";
        return t.schema() == null ? name : t.schema() + "." + name;
    }

    // ------------------------------------------------------------------------------------------ server part

    /** What the server printed, by table and view key. */
    private record Printed(Map<String, TableSnapshot> tables, Map<String, String> views) {
    }

    private static Printed printedByServer(Snapshot s, Connection connection) throws SQLException {
        Map<String, TableSnapshot> tables = new HashMap<>();
        Map<String, String> views = new HashMap<>();
        // Tables of different schemas may share a name; each round holds one table of a name, views go in the
        // first, whose copies are the ones that unqualified names in view definitions find.
        List<List<TableSnapshot>> rounds = new ArrayList<>();
        for (TableSnapshot t : s.tables()) {
            int round = 0;
            while (round < rounds.size() && names(rounds.get(round)).contains(t.name())) {
                round++;
            }
            if (round == rounds.size()) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(t);
        }
        if (rounds.isEmpty() && !s.views().isEmpty()) {
            rounds.add(new ArrayList<>());
        }
        for (int i = 0; i < rounds.size(); i++) {
            List<ViewSnapshot> roundViews = i == 0 ? s.views() : List.of();
            Snapshot read = inTemporarySchema(connection, rounds.get(i), roundViews);
            for (TableSnapshot t : rounds.get(i)) {
                read.tables().stream().filter(x -> x.name().equals(t.name())).findFirst().ifPresent(p -> tables.put(key(t.schema(), t.name()), p));
            }
            Set<String> taken = new HashSet<>();
            for (ViewSnapshot v : roundViews) {
                for (ViewSnapshot p : read.views()) {
                    if (p.name().equals(v.name()) && taken.add(key(v.schema(), v.name()))) {
                        views.put(key(v.schema(), v.name()), p.definition());
                    }
                }
            }
        }
        return new Printed(tables, views);
    }

    /** Creates the copies in {@code pg_temp}, reads them back, and rolls the transaction back. */
    private static Snapshot inTemporarySchema(Connection connection, List<TableSnapshot> tables,
                                              List<ViewSnapshot> views) throws SQLException {
        List<TableSnapshot> copies = new ArrayList<>();
        for (TableSnapshot t : tables) {
            copies.add(temporaryCopy(t));
        }
        List<ViewSnapshot> viewCopies = new ArrayList<>();
        Set<String> viewNames = new HashSet<>();
        for (ViewSnapshot v : views) {
            // a materialized view cannot be temporary; a plain view of the same query prints the same
            if (viewNames.add(v.name())) {
                viewCopies.add(new ViewSnapshot("pg_temp", v.name(), false, v.definition(), false, false, null));
            }
        }
        Snapshot temp = new Snapshot(Snapshot.FORMAT_VERSION, null, null, List.of(), List.of(), List.of(),
                List.of(), copies, viewCopies);
        // inside a caller's transaction (whose prerequisites the expressions may need), only the copies are undone
        boolean autoCommit = connection.getAutoCommit();
        Savepoint savepoint = null;
        if (autoCommit) {
            connection.setAutoCommit(false);
        } else {
            savepoint = connection.setSavepoint();
        }
        try {
            try (Statement st = connection.createStatement()) {
                for (String sql : MigrationSql.upStatements(Diff.between(Snapshot.empty(), temp))) {
                    try {
                        st.execute(sql);
                    } catch (SQLException e) {
                        throw new SQLException("normalising the schema failed: " + e.getMessage() + "\nin: " + sql,
                                e.getSQLState(), e);
                    }
                }
            }
            String tempSchema;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("select nspname from pg_namespace where oid = pg_my_temp_schema()")) {
                tempSchema = rs.next() ? rs.getString(1) : null;
            }
            if (tempSchema == null) {
                return Snapshot.empty();
            }
            return Introspector.read(connection, tempSchema::equals, (schema, name) -> true, role -> false);
        } finally {
            if (savepoint != null) {
                connection.rollback(savepoint);
            } else {
                try {
                    connection.rollback();
                } finally {
                    connection.setAutoCommit(true);
                }
            }
        }
    }

    /**
     * The part of a table that holds expressions, in {@code pg_temp}: column types and expressions as declared,
     * checks, indexes and policies (for everyone: roles do not change how an expression prints).
     */
    private static TableSnapshot temporaryCopy(TableSnapshot t) {
        List<ColumnSnapshot> columns = new ArrayList<>();
        for (ColumnSnapshot c : t.columns()) {
            boolean serial = c.defaultSql() != null && c.defaultSql().startsWith("nextval('")
                    && c.defaultSql().endsWith("'::regclass)") && c.type().matches("integer|bigint|smallint");
            columns.add(new ColumnSnapshot(c.name(), c.type(), false, serial ? null : c.defaultSql(), null,
                    c.generated(), null, null));
        }
        List<PolicySnapshot> policies = new ArrayList<>();
        for (PolicySnapshot p : t.policies()) {
            policies.add(new PolicySnapshot(p.name(), p.as(), p.command(), List.of("public"), p.using(),
                    p.withCheck()));
        }
        return new TableSnapshot("pg_temp", t.name(), null, columns, null, List.of(), List.of(), t.checks(),
                t.indexes(), false, false, policies, null, List.of());
    }

    private static TableSnapshot withPrinting(TableSnapshot t, TableSnapshot p) {
        List<ColumnSnapshot> columns = new ArrayList<>();
        for (ColumnSnapshot c : t.columns()) {
            ColumnSnapshot pc = p.column(c.name()).orElse(null);
            boolean keepDefault = pc == null || (c.defaultSql() != null && pc.defaultSql() == null);
            columns.add(new ColumnSnapshot(c.name(), c.type(), c.notNull(),
                    keepDefault ? c.defaultSql() : pc.defaultSql(), c.identity(),
                    pc == null ? c.generated() : pc.generated(), null, c.comment()));
        }
        List<CheckSnapshot> checks = new ArrayList<>();
        for (CheckSnapshot c : t.checks()) {
            String printed = p.checks().stream().filter(x -> x.name().equals(c.name())).map(CheckSnapshot::expression)
                    .findFirst().orElse(c.expression());
            checks.add(new CheckSnapshot(c.name(), printed));
        }
        List<IndexSnapshot> indexes = new ArrayList<>();
        for (IndexSnapshot i : t.indexes()) {
            IndexSnapshot pi = p.indexes().stream().filter(x -> x.name().equals(i.name())).findFirst().orElse(i);
            indexes.add(new IndexSnapshot(i.name(), i.unique(), i.method(), pi.elements(), pi.where(), false,
                    i.nullsNotDistinct()));
        }
        List<PolicySnapshot> policies = new ArrayList<>();
        for (PolicySnapshot x : t.policies()) {
            PolicySnapshot pp = p.policies().stream().filter(y -> y.name().equals(x.name())).findFirst().orElse(x);
            policies.add(new PolicySnapshot(x.name(), x.as(), x.command(), x.roles(), pp.using(), pp.withCheck()));
        }
        return new TableSnapshot(t.schema(), t.name(), null, columns, t.primaryKey(), t.uniques(), t.foreignKeys(),
                checks, indexes, t.rowLevelSecurity(), t.forceRowLevelSecurity(), policies, t.comment(), t.grants());
    }

    private static Set<String> names(List<TableSnapshot> tables) {
        Set<String> out = new HashSet<>();
        for (TableSnapshot t : tables) {
            out.add(t.name());
        }
        return out;
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema) + "\u0000" + name;
    }
}
