package dev.sleet.kit.introspect;

import dev.sleet.internal.SqlLexer;
import dev.sleet.kit.snapshot.CheckSnapshot;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.EnumSnapshot;
import dev.sleet.kit.snapshot.ForeignKeySnapshot;
import dev.sleet.kit.snapshot.GrantSnapshot;
import dev.sleet.kit.snapshot.IdentitySnapshot;
import dev.sleet.kit.snapshot.IndexSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.PrimaryKeySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.UniqueSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Privilege;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a live database's catalog ({@code pg_catalog}) into a {@link Snapshot}: schemas, enums, standalone
 * sequences, tables with columns (type, not null, default, identity and its options, generated expression,
 * comment), primary keys, unique constraints, foreign keys, checks, indexes, row-level security and policies,
 * views and materialized views, and the roles the {@link IntrospectFilter} names.
 *
 * <p>Everything free-form is in PostgreSQL's own printing: column types from {@code format_type} (user types
 * such as enums as Sleet writes them, {@code "app"."plan"}), defaults and generated expressions from
 * {@code pg_get_expr}, check expressions, index expressions and predicates, policy expressions and view
 * definitions likewise. Sequence and identity options equal to PostgreSQL's defaults are left {@code null}, as
 * a schema that does not set them has them. To compare the result with a snapshot built from Java, pass that
 * snapshot through {@link SnapshotNormalizer} first, which puts it into the same printing.
 *
 * <p>What the catalog cannot say is left out: rename hints, and whether an index was built concurrently.
 * Views come in creation order, which is a dependency order unless a view was replaced to read a newer one.
 *
 * <pre>{@code
 * Snapshot live = Introspector.read(connection, IntrospectFilter.all().tables("!audit_*"));
 * }</pre>
 */
public final class Introspector {

    private static final Pattern INDEX_USING = Pattern.compile(" USING [a-z_][a-z0-9_]* \\(");
    private static final Pattern ORDERING =
            Pattern.compile("(?:\\s+(?:ASC|DESC))?(?:\\s+NULLS\\s+(?:FIRST|LAST))?\\s*$");

    private Introspector() {
    }

    /**
     * Reads the part of the database a filter selects.
     *
     * @param connection a connection to the database
     * @param filter     the schemas, tables and roles to read
     * @return the snapshot, without migration ids; the default schema ({@code public}) is {@code null}
     * @throws SQLException when the catalog cannot be read
     */
    public static Snapshot read(Connection connection, IntrospectFilter filter) throws SQLException {
        return read(connection, filter::includesSchema, filter::includesTable, filter::includesRole);
    }

    /** Reads with the filter as predicates; {@link SnapshotNormalizer} reads its temporary schema this way. */
    static Snapshot read(Connection connection, Predicate<String> schemaFilter,
                         BiPredicate<String, String> tableFilter, Predicate<String> roleFilter) throws SQLException {
        Reader r = new Reader(connection);
        Map<Long, String> namespaces = new HashMap<>();
        List<String> schemas = new ArrayList<>();
        r.query("select oid, nspname from pg_namespace order by nspname", rs -> {
            String name = rs.getString(2);
            if (schemaFilter.test(name)) {
                namespaces.put(rs.getLong(1), name);
                if (!name.equals("public")) {
                    schemas.add(name);
                }
            }
        });
        List<RoleSnapshot> roles = new ArrayList<>();
        r.query("select rolname, rolcanlogin, rolcreatedb, rolcreaterole, rolinherit, rolbypassrls from pg_roles"
                + " order by rolname", rs -> {
            if (roleFilter.test(rs.getString(1))) {
                roles.add(new RoleSnapshot(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getBoolean(6)));
            }
        });
        List<EnumSnapshot> enums = new ArrayList<>();
        r.query("select t.typnamespace, t.typname, array_agg(e.enumlabel::text order by e.enumsortorder)"
                + " from pg_type t join pg_enum e on e.enumtypid = t.oid group by 1, 2 order by 2", rs -> {
            String schema = namespaces.get(rs.getLong(1));
            if (schema != null) {
                enums.add(new EnumSnapshot(schemaOf(schema), rs.getString(2), strings(rs.getArray(3))));
            }
        });
        enums.sort(Comparator.comparing((EnumSnapshot e) -> key(e.schema(), e.name())));

        // relations: tables, views, materialized views, sequences not owned by a column
        Map<Long, Relation> tables = new LinkedHashMap<>();
        List<Relation> views = new ArrayList<>();
        List<Relation> sequences = new ArrayList<>();
        r.query("select c.oid, c.relnamespace, c.relname, c.relkind, c.relrowsecurity, c.relforcerowsecurity,"
                + " c.relispopulated, coalesce(array_to_string(c.reloptions, ','), ''),"
                + " obj_description(c.oid, 'pg_class'),"
                + " exists (select from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid"
                + "   and d.deptype in ('a', 'i'))"
                + " from pg_class c where c.relkind in ('r', 'p', 'v', 'm', 'S') order by c.oid", rs -> {
            String schema = namespaces.get(rs.getLong(2));
            String kind = rs.getString(4);
            if (schema == null || (!kind.equals("S") && !tableFilter.test(schema, rs.getString(3)))) {
                return;
            }
            Relation rel = new Relation(rs.getLong(1), schemaOf(schema), rs.getString(3), kind, rs.getBoolean(5),
                    rs.getBoolean(6), rs.getBoolean(7), rs.getString(8), rs.getString(9));
            switch (kind) {
                case "r", "p" -> tables.put(rel.oid, rel);
                case "v", "m" -> views.add(rel);
                default -> {
                    if (!rs.getBoolean(10)) {
                        sequences.add(rel);
                    }
                }
            }
        });
        Long[] tableOids = tables.keySet().toArray(new Long[0]);

        Map<Long, List<ColumnSnapshot>> columns = new HashMap<>();
        Map<Long, Map<Short, String>> attnames = new HashMap<>();
        r.query("select a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),"
                + " bn.nspname, bt.typname, t.typcategory = 'A', a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " a.attidentity, a.attgenerated, col_description(a.attrelid, a.attnum),"
                + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
                + " from pg_attribute a join pg_type t on t.oid = a.atttypid"
                + " join pg_type bt on bt.oid = case when t.typcategory = 'A' then t.typelem else t.oid end"
                + " join pg_namespace bn on bn.oid = bt.typnamespace"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " left join pg_depend dep on a.attidentity <> '' and dep.refobjid = a.attrelid"
                + "   and dep.refobjsubid = a.attnum and dep.deptype = 'i' and dep.classid = 'pg_class'::regclass"
                + " left join pg_sequence s on s.seqrelid = dep.objid"
                + " where a.attnum > 0 and not a.attisdropped and a.attrelid::bigint = any(?)"
                + " order by a.attrelid, a.attnum", tableOids, rs -> {
            long rel = rs.getLong(1);
            attnames.computeIfAbsent(rel, k -> new HashMap<>()).put(rs.getShort(2), rs.getString(3));
            String type = typeName(rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7));
            String identity = rs.getString(10);
            String generated = rs.getString(11);
            IdentitySnapshot id = null;
            if (!identity.isEmpty()) {
                id = SequenceOptions.canonical(type, new IdentitySnapshot(identity.equals("a"), rs.getLong(13),
                        rs.getLong(14), rs.getLong(15), rs.getLong(16), rs.getLong(17), rs.getBoolean(18)));
            }
            String expr = rs.getString(9);
            boolean isGenerated = !generated.isEmpty();
            columns.computeIfAbsent(rel, k -> new ArrayList<>()).add(new ColumnSnapshot(rs.getString(3), type,
                    rs.getBoolean(8), isGenerated ? null : expr, id, isGenerated ? expr : null, null,
                    rs.getString(12)));
        });

        Map<Long, PrimaryKeySnapshot> primaryKeys = new HashMap<>();
        Map<Long, List<UniqueSnapshot>> uniques = new HashMap<>();
        Map<Long, List<ForeignKeySnapshot>> foreignKeys = new HashMap<>();
        Map<Long, List<CheckSnapshot>> checks = new HashMap<>();
        r.query("select con.conrelid, con.conname, con.contype,"
                + " array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)"
                + "   join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i),"
                + " array(select a.attname::text from unnest(con.confkey) with ordinality k(n, i)"
                + "   join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i),"
                + " fn.nspname, fc.relname, con.confdeltype, con.confupdtype, pg_get_expr(con.conbin, con.conrelid),"
                + " pg_get_constraintdef(con.oid)"
                + " from pg_constraint con left join pg_class fc on fc.oid = con.confrelid"
                + " left join pg_namespace fn on fn.oid = fc.relnamespace"
                + " where con.contype in ('p', 'u', 'f', 'c') and con.conrelid::bigint = any(?)"
                + " order by con.conname", tableOids, rs -> {
            long rel = rs.getLong(1);
            String name = rs.getString(2);
            List<String> cols = strings(rs.getArray(4));
            switch (rs.getString(3)) {
                case "p" -> primaryKeys.put(rel, new PrimaryKeySnapshot(name, cols));
                case "u" -> uniques.computeIfAbsent(rel, k -> new ArrayList<>()).add(new UniqueSnapshot(name, cols,
                        rs.getString(11).contains("NULLS NOT DISTINCT")));
                case "f" -> foreignKeys.computeIfAbsent(rel, k -> new ArrayList<>()).add(new ForeignKeySnapshot(
                        name, cols, schemaOf(rs.getString(6)), rs.getString(7), strings(rs.getArray(5)),
                        action(rs.getString(8)), action(rs.getString(9))));
                default -> checks.computeIfAbsent(rel, k -> new ArrayList<>()).add(new CheckSnapshot(name,
                        rs.getString(10)));
            }
        });

        Map<Long, List<IndexSnapshot>> indexes = new HashMap<>();
        r.query("select i.indrelid, c.relname, i.indisunique, am.amname, i.indnkeyatts, i.indkey::int2[],"
                + " i.indoption::int2[], pg_get_expr(i.indpred, i.indrelid), pg_get_indexdef(i.indexrelid, 0, true),"
                + " array(select pg_get_indexdef(i.indexrelid, k, true) from generate_series(1, i.indnkeyatts) k"
                + "   order by k)"
                + " from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam"
                + " where i.indrelid::bigint = any(?) and not exists (select from pg_constraint con"
                + "   where con.conindid = i.indexrelid and con.contype in ('p', 'u', 'x'))"
                + " order by c.relname", tableOids, rs -> {
            long rel = rs.getLong(1);
            Number[] keys = (Number[]) rs.getArray(6).getArray();
            Number[] options = (Number[]) rs.getArray(7).getArray();
            List<String> pieces = strings(rs.getArray(10));
            List<String> full = indexElements(rs.getString(9));
            List<String> elements = new ArrayList<>();
            for (int k = 0; k < rs.getInt(5); k++) {
                String piece = pieces.get(k);
                String extras = k < full.size() ? collationAndOpclass(full.get(k), piece) : "";
                String element;
                if (keys[k].intValue() != 0) {
                    String column = attnames.getOrDefault(rel, Map.of()).get(keys[k].shortValue());
                    // a plain column comes back as its name, quoted only where needed; an operator class or
                    // collation follows it
                    String bare = column != null && (piece.equals(column) || piece.equals(quoteIdent(column)))
                            ? RenderContext.quoteIdentifier(column) : null;
                    element = bare != null ? bare : piece;
                } else {
                    element = "(" + piece + ")";
                }
                element += extras;
                boolean desc = (options[k].intValue() & 1) != 0;
                boolean nullsFirst = (options[k].intValue() & 2) != 0;
                if (desc) {
                    element += " desc";
                }
                if (nullsFirst != desc) {
                    element += nullsFirst ? " nulls first" : " nulls last";
                }
                elements.add(element);
            }
            indexes.computeIfAbsent(rel, k -> new ArrayList<>()).add(new IndexSnapshot(rs.getString(2),
                    rs.getBoolean(3), rs.getString(4), elements, rs.getString(8), false,
                    rs.getString(9).contains(" NULLS NOT DISTINCT")));
        });

        Map<Long, List<PolicySnapshot>> policies = new HashMap<>();
        r.query("select p.polrelid, p.polname, p.polpermissive, p.polcmd,"
                + " array(select case when r = 0 then 'public' else pg_get_userbyid(r)::text end"
                + "   from unnest(p.polroles) r order by 1),"
                + " pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid)"
                + " from pg_policy p where p.polrelid::bigint = any(?) order by p.polname", tableOids, rs -> {
            String command = switch (rs.getString(4)) {
                case "r" -> "select";
                case "a" -> "insert";
                case "w" -> "update";
                case "d" -> "delete";
                default -> "all";
            };
            policies.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PolicySnapshot(rs.getString(2),
                    rs.getBoolean(3) ? "permissive" : "restrictive", command, strings(rs.getArray(5)),
                    rs.getString(6), rs.getString(7)));
        });

        // Privileges granted to roles the filter takes (or to everyone), the owner's own left out: the grants a
        // schema declares. A platform's default grants to roles the schema does not name are not its business.
        Map<Long, Map<String, List<String>>> grants = new HashMap<>();
        r.query("select c.oid, case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee)::text end,"
                + " lower(a.privilege_type) from pg_class c, aclexplode(c.relacl) a"
                + " where c.oid::bigint = any(?) and a.grantee <> c.relowner order by 1, 2", tableOids, rs -> {
            String role = rs.getString(2);
            if (role.equals("public") || roleFilter.test(role)) {
                grants.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                        .computeIfAbsent(role, k -> new ArrayList<>()).add(rs.getString(3));
            }
        });

        List<TableSnapshot> tableSnapshots = new ArrayList<>();
        for (Relation t : tables.values()) {
            tableSnapshots.add(new TableSnapshot(t.schema, t.name, null, columns.getOrDefault(t.oid, List.of()),
                    primaryKeys.get(t.oid), uniques.getOrDefault(t.oid, List.of()),
                    foreignKeys.getOrDefault(t.oid, List.of()), checks.getOrDefault(t.oid, List.of()),
                    indexes.getOrDefault(t.oid, List.of()), t.rowSecurity, t.forceRowSecurity,
                    policies.getOrDefault(t.oid, List.of()), t.comment, grantsOf(grants.get(t.oid))));
        }
        tableSnapshots.sort(Comparator.comparing((TableSnapshot t) -> key(t.schema(), t.name())));

        List<ViewSnapshot> viewSnapshots = new ArrayList<>();
        for (Relation v : views) {
            String[] definition = new String[1];
            r.query("select pg_get_viewdef(?::bigint::oid)", new Object[] {v.oid},
                    rs -> definition[0] = viewDefinition(rs.getString(1)));
            boolean invoker = Arrays.asList(v.options.split(",")).contains("security_invoker=true")
                    || Arrays.asList(v.options.split(",")).contains("security_invoker=on");
            boolean materialized = v.kind.equals("m");
            viewSnapshots.add(new ViewSnapshot(v.schema, v.name, materialized, definition[0], invoker,
                    materialized && !v.populated, v.comment));
        }

        List<SequenceSnapshot> sequenceSnapshots = new ArrayList<>();
        for (Relation q : sequences) {
            r.query("select format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax,"
                    + " s.seqcache, s.seqcycle from pg_sequence s where s.seqrelid = ?::bigint::oid",
                    new Object[] {q.oid}, rs -> sequenceSnapshots.add(SequenceOptions.canonical(new SequenceSnapshot(
                            q.schema, q.name, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getBoolean(7), q.comment))));
        }
        sequenceSnapshots.sort(Comparator.comparing((SequenceSnapshot q) -> key(q.schema(), q.name())));

        return new Snapshot(Snapshot.FORMAT_VERSION, null, null, roles, schemas, enums, sequenceSnapshots,
                tableSnapshots, viewSnapshots);
    }

    /**
     * The key elements of an index as {@code pg_get_indexdef} prints the whole index: the text between the
     * parentheses after {@code USING method}, cut at its top-level commas. The per-column form of
     * {@code pg_get_indexdef} leaves out collations and operator classes, which only this one has.
     */
    static List<String> indexElements(String indexdef) {
        Matcher using = INDEX_USING.matcher(indexdef);
        return using.find() ? SqlLexer.splitTopLevel(indexdef.substring(using.end())) : List.of();
    }

    /**
     * What the whole index's printing of an element has beyond the per-column printing and the ordering: its
     * {@code collate ...} and operator class, as {@code " collate \"C\" text_pattern_ops"}; empty when none.
     */
    static String collationAndOpclass(String full, String piece) {
        if (!full.startsWith(piece)) {
            return "";
        }
        String rest = ORDERING.matcher(full.substring(piece.length())).replaceFirst("").strip();
        if (rest.isEmpty()) {
            return "";
        }
        return " " + (rest.regionMatches(true, 0, "COLLATE ", 0, 8) ? "collate " + rest.substring(8) : rest);
    }

    /** The grants of one table, each role's privileges in the order of {@link dev.sleet.schema.Privilege}. */
    private static List<GrantSnapshot> grantsOf(Map<String, List<String>> byRole) {
        List<GrantSnapshot> out = new ArrayList<>();
        if (byRole == null) {
            return out;
        }
        byRole.forEach((role, privileges) -> out.add(new GrantSnapshot(role, privileges.stream()
                .map(Privilege::of).sorted().map(Privilege::sql).toList())));
        return out;
    }

    /** The view's query as {@code pg_get_viewdef} prints it, without the final semicolon. */
    static String viewDefinition(String printed) {
        String s = printed.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }

    /**
     * A column type: built-in types as {@code format_type} prints them ({@code character varying(255)}); types of
     * other schemas, such as enums, as Sleet writes them ({@code "mood"}, {@code "app"."plan"}), since
     * {@code format_type} qualifies them or not depending on the session's {@code search_path}.
     */
    private static String typeName(String formatted, String baseSchema, String baseName, boolean array) {
        if (baseSchema.equals("pg_catalog")) {
            return formatted;
        }
        String name = (baseSchema.equals("public") ? "" : RenderContext.quoteIdentifier(baseSchema) + ".")
                + RenderContext.quoteIdentifier(baseName);
        return array ? name + "[]" : name;
    }

    private static String action(String code) {
        return switch (code) {
            case "r" -> "restrict";
            case "c" -> "cascade";
            case "n" -> "set null";
            case "d" -> "set default";
            default -> "no action";
        };
    }

    /** The snapshot's spelling of a schema: {@code null} for the default schema. */
    private static String schemaOf(String schema) {
        return schema == null || schema.equals("public") ? null : schema;
    }

    /** PostgreSQL's {@code quote_ident}: quotes only names that need it. */
    private static String quoteIdent(String name) {
        return name.matches("[a-z_][a-z0-9_$]*") ? name : RenderContext.quoteIdentifier(name);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema) + "\u0000" + name;
    }

    /** A relation of the catalog, before its parts are read. */
    private record Relation(long oid, String schema, String name, String kind, boolean rowSecurity,
                            boolean forceRowSecurity, boolean populated, String options, String comment) {
    }

    /** Runs catalog queries. */
    private record Reader(Connection connection) {

        interface Row {
            void accept(ResultSet rs) throws SQLException;
        }

        void query(String sql, Row row) throws SQLException {
            query(sql, new Object[0], row);
        }

        void query(String sql, Long[] oids, Row row) throws SQLException {
            query(sql, new Object[] {connection.createArrayOf("int8", oids)}, row);
        }

        void query(String sql, Object[] params, Row row) throws SQLException {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setObject(i + 1, params[i]);
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        row.accept(rs);
                    }
                }
            } catch (SQLException e) {
                throw new SQLException("reading the catalog failed: " + e.getMessage() + "\nin: " + sql,
                        e.getSQLState(), e);
            }
        }
    }
}
