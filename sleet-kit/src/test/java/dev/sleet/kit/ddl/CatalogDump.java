package dev.sleet.kit.ddl;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Describes the user objects of a database as sorted text, so that two catalogs can be compared with
 * {@code equals}: schemas, enums with their labels in order, tables, columns (type, not null, default,
 * identity and its sequence options, generated expression), constraints, indexes with their validity,
 * standalone sequences, views, row-level security, policies, comments and the test roles. Column order is not
 * compared: a column added by a migration goes to the end of its table, and PostgreSQL cannot move it.
 */
public final class CatalogDump {

    /** The prefix of the roles tests create; roles belong to the cluster, so only these are dumped. */
    static final String ROLE_PREFIX = "sleet_rt_";

    private static final String USER_SCHEMA = "n.nspname not like 'pg\\_%' and n.nspname <> 'information_schema'";

    private CatalogDump() {
    }

    /**
     * Describes the database of a connection.
     *
     * @param connection a connection to the database
     * @return one sorted line per object
     * @throws SQLException when the catalog cannot be read
     */
    /**
     * Dumps the database's objects, without roles: other tests on a shared server create and drop roles, which
     * belong to the cluster.
     *
     * @param connection the database
     * @return the dump
     * @throws SQLException when the catalog cannot be read
     */
    public static String of(Connection connection) throws SQLException {
        return of(connection, false);
    }

    /**
     * Dumps the database's objects and the test roles ({@link #ROLE_PREFIX}); only for tests that hold
     * {@link RoundTripCorpus#ROLE_LOCK}.
     *
     * @param connection the database
     * @return the dump
     * @throws SQLException when the catalog cannot be read
     */
    public static String withRoles(Connection connection) throws SQLException {
        return of(connection, true);
    }

    private static String of(Connection connection, boolean roles) throws SQLException {
        StringBuilder out = new StringBuilder();
        section(connection, out, "schema", "select n.nspname from pg_namespace n where " + USER_SCHEMA
                + " order by 1");
        section(connection, out, "enum", "select n.nspname, t.typname,"
                + " string_agg(e.enumlabel, ',' order by e.enumsortorder)"
                + " from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid"
                + " where " + USER_SCHEMA + " group by 1, 2 order by 1, 2");
        section(connection, out, "table", "select n.nspname, c.relname from pg_class c"
                + " join pg_namespace n on n.oid = c.relnamespace where c.relkind in ('r', 'p') and " + USER_SCHEMA
                + " order by 1, 2");
        section(connection, out, "column", "select n.nspname, c.relname, a.attname,"
                + " format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid),"
                + " a.attidentity, a.attgenerated"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum"
                + " where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and " + USER_SCHEMA
                + " order by 1, 2, 3");
        section(connection, out, "identity", "select n.nspname, c.relname, a.attname, s.seqtypid::regtype,"
                + " s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
                + " from pg_attribute a join pg_class c on c.oid = a.attrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " join pg_depend dep on dep.refobjid = c.oid and dep.refobjsubid = a.attnum and dep.deptype = 'i'"
                + "   and dep.classid = 'pg_class'::regclass"
                + " join pg_sequence s on s.seqrelid = dep.objid"
                + " where a.attidentity <> '' and " + USER_SCHEMA + " order by 1, 2, 3");
        section(connection, out, "constraint", "select n.nspname, c.relname, con.conname, con.contype,"
                + " pg_get_constraintdef(con.oid)"
                + " from pg_constraint con join pg_class c on c.oid = con.conrelid"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " where con.contype in ('p', 'u', 'f', 'c', 'x') and " + USER_SCHEMA + " order by 1, 2, 3");
        // indisvalid: an interrupted CREATE INDEX CONCURRENTLY leaves an index whose definition looks complete
        section(connection, out, "index", "select n.nspname, t.relname, c.relname, pg_get_indexdef(c.oid),"
                + " i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid"
                + " join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where " + USER_SCHEMA + " order by 1, 2, 3");
        // standalone sequences: those an identity column owns are in the identity section
        section(connection, out, "sequence", "select n.nspname, c.relname, s.seqtypid::regtype, s.seqstart,"
                + " s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle"
                + " from pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace"
                + " where " + USER_SCHEMA + " and not exists (select from pg_depend d where d.objid = c.oid"
                + "   and d.classid = 'pg_class'::regclass and d.deptype in ('i', 'a'))"
                + " order by 1, 2");
        section(connection, out, "view", "select n.nspname, c.relname, c.relkind, c.reloptions, c.relispopulated,"
                + " pg_get_viewdef(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('v', 'm') and " + USER_SCHEMA + " order by 1, 2");
        section(connection, out, "rls", "select n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind in ('r', 'p') and (c.relrowsecurity or c.relforcerowsecurity) and " + USER_SCHEMA
                + " order by 1, 2");
        section(connection, out, "policy", "select schemaname, tablename, policyname, permissive, roles, cmd, qual,"
                + " with_check from pg_policies order by 1, 2, 3");
        section(connection, out, "grant", "select n.nspname, c.relname, case when a.grantee = 0 then 'public'"
                + " else pg_get_userbyid(a.grantee)::text end, a.privilege_type"
                + " from pg_class c join pg_namespace n on n.oid = c.relnamespace, aclexplode(c.relacl) a"
                + " where a.grantee <> c.relowner and " + USER_SCHEMA + " order by 1, 2, 3, 4");
        section(connection, out, "comment", "select n.nspname, c.relname, c.relkind, a.attname, d.description"
                + " from pg_description d join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass"
                + " join pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid and d.objsubid > 0"
                + " where " + USER_SCHEMA + " order by 1, 2, 4 nulls first");
        // roles are shared by the cluster: only the test's own are compared
        if (roles) {
            section(connection, out, "role", "select rolname, rolcanlogin, rolcreatedb, rolcreaterole, rolinherit,"
                    + " rolbypassrls from pg_roles where rolname like '" + ROLE_PREFIX.replace("_", "\\_") + "%'"
                    + " order by 1");
        }
        return out.toString();
    }

    private static void section(Connection connection, StringBuilder out, String kind, String query)
            throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                out.append(kind);
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.append(" | ").append(rs.getString(i));
                }
                out.append('\n');
            }
        }
    }
}
