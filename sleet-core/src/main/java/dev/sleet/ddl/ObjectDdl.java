package dev.sleet.ddl;

import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.PgRole;
import dev.sleet.schema.Privilege;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The DDL of the objects around tables (roles, sequences, views, row-level security, policies, comments),
 * from plain values, so that {@link SchemaDdl} and the migrations kit write the same SQL. Identifiers are
 * quoted and texts written as escaped literals; view queries and policy expressions are schema code and are
 * written unchanged.
 */
public final class ObjectDdl {

    private static final Set<String> POLICY_AS = Set.of("permissive", "restrictive");
    private static final Set<String> POLICY_COMMANDS = Set.of("all", "select", "insert", "update", "delete");
    private static final Set<String> SEQUENCE_TYPES = Set.of("smallint", "integer", "bigint");
    private static final Set<String> COMMENT_KINDS =
            Set.of("table", "column", "view", "materialized view", "sequence");

    private ObjectDdl() {
    }

    private static RenderContext ctx() {
        return new RenderContext(ParamStyle.INLINE);
    }

    private static String text(RenderContext ctx) {
        return ctx.result().sql();
    }

    /**
     * Creates a role unless the cluster has it: roles belong to the cluster, not the database, and another
     * database of the same cluster (a branch, a test database) may have created it already.
     *
     * @param name       the role name
     * @param attributes the attributes, as {@link #roleAttributes} writes them
     * @return a {@code DO} block
     */
    public static String createRole(String name, String attributes) {
        String create = text(ctx().sql("create role ").identifier(name).sql(' ').sql(attributes));
        return "do $sleet$ begin\n  if not exists (select from pg_catalog.pg_roles where rolname = "
                + literal(name) + ") then\n    " + create + ";\n  end if;\nend $sleet$";
    }

    /**
     * Drops a role unless a database other than this one still depends on it (owns objects, holds grants,
     * names it in a policy): rolling back one database must not break another that shares the cluster. A
     * dependency in this database makes {@code DROP ROLE} fail, as it should.
     *
     * @param name the role name
     * @return a {@code DO} block
     */
    public static String dropRole(String name) {
        String drop = text(ctx().sql("drop role if exists ").identifier(name));
        return "do $sleet$ begin\n  if exists (select from pg_catalog.pg_shdepend d"
                + " join pg_catalog.pg_roles r on r.oid = d.refobjid"
                + " where d.refclassid = 'pg_catalog.pg_authid'::regclass and r.rolname = " + literal(name)
                + "\n      and d.dbid <> (select oid from pg_catalog.pg_database where datname = current_database()))"
                + " then\n    raise notice 'role % is kept: another database of the cluster uses it', "
                + literal(name) + ";\n  else\n    " + drop + ";\n  end if;\nend $sleet$";
    }

    /**
     * Sets every attribute of a role.
     *
     * @param name       the role name
     * @param attributes the attributes, as {@link #roleAttributes} writes them
     * @return the statement
     */
    public static String alterRole(String name, String attributes) {
        return text(ctx().sql("alter role ").identifier(name).sql(' ').sql(attributes));
    }

    /**
     * Writes every role attribute Sleet manages, so that a create or an alter states the whole role.
     *
     * @param login      {@code LOGIN}
     * @param createDb   {@code CREATEDB}
     * @param createRole {@code CREATEROLE}
     * @param inherit    {@code INHERIT}
     * @param bypassRls  {@code BYPASSRLS}
     * @return e.g. {@code login nocreatedb nocreaterole inherit nobypassrls}
     */
    public static String roleAttributes(boolean login, boolean createDb, boolean createRole, boolean inherit,
                                        boolean bypassRls) {
        return (login ? "login" : "nologin") + (createDb ? " createdb" : " nocreatedb")
                + (createRole ? " createrole" : " nocreaterole") + (inherit ? " inherit" : " noinherit")
                + (bypassRls ? " bypassrls" : " nobypassrls");
    }

    /**
     * Creates a sequence.
     *
     * @param schema  the schema, or {@code null}
     * @param name    the sequence name
     * @param type    {@code smallint}, {@code integer} or {@code bigint}
     * @param options the options; unset ones are left to PostgreSQL
     * @return the statement
     */
    public static String createSequence(String schema, String name, String type, IdentityOptions options) {
        RenderContext ctx = ctx().sql("create sequence ").qualified(schema, name).sql(" as ")
                .sql(sequenceType(name, type));
        List<String> o = new ArrayList<>();
        if (options.increment() != null) {
            o.add("increment by " + options.increment());
        }
        if (options.minValue() != null) {
            o.add("minvalue " + options.minValue());
        }
        if (options.maxValue() != null) {
            o.add("maxvalue " + options.maxValue());
        }
        if (options.start() != null) {
            o.add("start with " + options.start());
        }
        if (options.cache() != null) {
            o.add("cache " + options.cache());
        }
        if (options.cycle()) {
            o.add("cycle");
        }
        if (!o.isEmpty()) {
            ctx.sql(' ').sql(String.join(" ", o));
        }
        return text(ctx);
    }

    /**
     * Checks a sequence type.
     *
     * @param name the sequence, for the message
     * @param type the type
     * @return the type
     * @throws IllegalArgumentException for a type other than {@code smallint}, {@code integer}, {@code bigint}
     */
    public static String sequenceType(String name, String type) {
        if (!SEQUENCE_TYPES.contains(type)) {
            throw new IllegalArgumentException("sequence \"" + name + "\": type \"" + type + "\" is not one of "
                    + SEQUENCE_TYPES);
        }
        return type;
    }

    /**
     * Drops a sequence.
     *
     * @param schema the schema, or {@code null}
     * @param name   the sequence name
     * @return the statement
     */
    public static String dropSequence(String schema, String name) {
        return text(ctx().sql("drop sequence ").qualified(schema, name));
    }

    /**
     * Alters a sequence.
     *
     * @param schema  the schema, or {@code null}
     * @param name    the sequence name
     * @param clauses the clauses, e.g. {@code increment by 2}, {@code no maxvalue}; Sleet's own text
     * @return the statement
     */
    public static String alterSequence(String schema, String name, List<String> clauses) {
        RenderContext ctx = ctx().sql("alter sequence ").qualified(schema, name);
        for (String clause : clauses) {
            ctx.sql(' ').sql(clause);
        }
        return text(ctx);
    }

    /**
     * Creates a view or materialized view.
     *
     * @param schema          the schema, or {@code null}
     * @param name            the view name
     * @param materialized    a materialized view
     * @param definition      the query
     * @param securityInvoker {@code WITH (security_invoker = true)}
     * @param withNoData      {@code WITH NO DATA}
     * @return the statement
     */
    public static String createView(String schema, String name, boolean materialized, String definition,
                                    boolean securityInvoker, boolean withNoData) {
        RenderContext ctx = ctx().sql(materialized ? "create materialized view " : "create view ")
                .qualified(schema, name);
        if (securityInvoker) {
            ctx.sql(" with (security_invoker = true)");
        }
        ctx.sql(" as\n").rawSql(definition);
        if (withNoData) {
            ctx.sql("\nwith no data");
        }
        return text(ctx);
    }

    /**
     * Drops a view or materialized view.
     *
     * @param schema       the schema, or {@code null}
     * @param name         the view name
     * @param materialized a materialized view
     * @return the statement
     */
    public static String dropView(String schema, String name, boolean materialized) {
        return text(ctx().sql(materialized ? "drop materialized view " : "drop view ").qualified(schema, name));
    }

    /**
     * Switches row-level security.
     *
     * @param schema the schema, or {@code null}
     * @param table  the table
     * @param action {@code enable}, {@code disable}, {@code force} or {@code no force}
     * @return the statement
     */
    public static String rowLevelSecurity(String schema, String table, String action) {
        if (!Set.of("enable", "disable", "force", "no force").contains(action)) {
            throw new IllegalArgumentException("row level security action \"" + action + "\"");
        }
        return text(ctx().sql("alter table ").qualified(schema, table).sql(' ').sql(action)
                .sql(" row level security"));
    }

    /**
     * Creates a policy.
     *
     * @param schema    the table's schema, or {@code null}
     * @param table     the table
     * @param name      the policy name
     * @param as        {@code permissive} or {@code restrictive}
     * @param command   {@code all}, {@code select}, {@code insert}, {@code update} or {@code delete}
     * @param roles     the role names ({@code public} and the like unquoted)
     * @param using     the {@code USING} expression, or {@code null}
     * @param withCheck the {@code WITH CHECK} expression, or {@code null}
     * @return the statement
     */
    public static String createPolicy(String schema, String table, String name, String as, String command,
                                      List<String> roles, String using, String withCheck) {
        if (!POLICY_AS.contains(as) || !POLICY_COMMANDS.contains(command)) {
            throw new IllegalArgumentException("policy \"" + name + "\" on " + table + ": \"as " + as + " for "
                    + command + "\" is not a PostgreSQL policy kind");
        }
        RenderContext ctx = ctx().sql("create policy ").identifier(name).sql(" on ").qualified(schema, table)
                .sql(" as ").sql(as).sql(" for ").sql(command).sql(" to ");
        for (int i = 0; i < roles.size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            PgRole.renderName(ctx, roles.get(i));
        }
        if (using != null) {
            ctx.sql(" using (").rawSql(using).sql(')');
        }
        if (withCheck != null) {
            ctx.sql(" with check (").rawSql(withCheck).sql(')');
        }
        return text(ctx);
    }

    /**
     * Drops a policy.
     *
     * @param schema the table's schema, or {@code null}
     * @param table  the table
     * @param name   the policy name
     * @return the statement
     */
    public static String dropPolicy(String schema, String table, String name) {
        return text(ctx().sql("drop policy ").identifier(name).sql(" on ").qualified(schema, table));
    }

    /**
     * Grants table privileges, or revokes them.
     *
     * @param grant      {@code true} for {@code GRANT ... TO}, {@code false} for {@code REVOKE ... FROM}
     * @param schema     the table's schema, or {@code null}
     * @param table      the table
     * @param role       the role name ({@code public} for everyone)
     * @param privileges the privileges, as {@link dev.sleet.schema.Privilege#sql()} writes them
     * @return the statement
     */
    public static String grant(boolean grant, String schema, String table, String role, List<String> privileges) {
        RenderContext ctx = ctx().sql(grant ? "grant " : "revoke ");
        for (int i = 0; i < privileges.size(); i++) {
            String p = Privilege.of(privileges.get(i)).sql();
            ctx.sql(i > 0 ? ", " : "").sql(p);
        }
        ctx.sql(" on ").qualified(schema, table).sql(grant ? " to " : " from ");
        PgRole.renderName(ctx, role);
        return text(ctx);
    }

    /**
     * Sets or removes a comment.
     *
     * @param kind   {@code table}, {@code column}, {@code view}, {@code materialized view} or {@code sequence}
     * @param schema the schema, or {@code null}
     * @param name   the table, view or sequence
     * @param column the column, for {@code column}
     * @param text   the comment, or {@code null} to remove it
     * @return the statement
     */
    public static String comment(String kind, String schema, String name, String column, String text) {
        if (!COMMENT_KINDS.contains(kind)) {
            throw new IllegalArgumentException("comment on \"" + kind + "\"");
        }
        RenderContext ctx = ctx().sql("comment on ").sql(kind).sql(' ').qualified(schema, name);
        if (column != null) {
            ctx.sql('.').identifier(column);
        }
        ctx.sql(" is ");
        return text(text == null ? ctx.sql("null") : ctx.stringLiteral(text));
    }

    private static String literal(String value) {
        return text(ctx().stringLiteral(value));
    }
}
