package dev.sleet.kit.ddl;

import dev.sleet.kit.diff.CommentTarget;
import dev.sleet.kit.diff.TableName;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.render.ParamStyle;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.PgRole;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The statements of the objects around tables: roles, sequences, views, row-level security, policies and
 * comments. {@link MigrationSql} writes tables, columns, constraints and indexes and calls these.
 */
final class ObjectSql {

    private static final Set<String> POLICY_AS = Set.of("permissive", "restrictive");
    private static final Set<String> POLICY_COMMANDS = Set.of("all", "select", "insert", "update", "delete");
    private static final Set<String> SEQUENCE_TYPES = Set.of("smallint", "integer", "bigint");

    private ObjectSql() {
    }

    private static RenderContext ctx() {
        return new RenderContext(ParamStyle.INLINE);
    }

    private static String text(RenderContext ctx) {
        return ctx.result().sql();
    }

    // ------------------------------------------------------------------------------------------ roles

    /**
     * Roles belong to the cluster, not the database: another database of the same cluster (a branch, a test
     * database, a second environment) may have created the role already, so it is created only when missing.
     */
    static String createRole(RoleSnapshot role) {
        String create = text(ctx().sql("create role ").identifier(role.name()).sql(' ').sql(roleAttributes(role)));
        String name = text(ctx().stringLiteral(role.name()));
        return "do $sleet$ begin\n  if not exists (select from pg_catalog.pg_roles where rolname = " + name
                + ") then\n    " + create + ";\n  end if;\nend $sleet$";
    }

    /**
     * Drops the role unless a database other than this one still depends on it (owns objects, holds grants,
     * names it in a policy): rolling back one database must not break another that shares the cluster. A
     * dependency in this database makes {@code DROP ROLE} fail, as it should.
     */
    static String dropRole(RoleSnapshot role) {
        String drop = text(ctx().sql("drop role if exists ").identifier(role.name()));
        String name = text(ctx().stringLiteral(role.name()));
        return "do $sleet$ begin\n  if exists (select from pg_catalog.pg_shdepend d"
                + " join pg_catalog.pg_roles r on r.oid = d.refobjid"
                + " where d.refclassid = 'pg_catalog.pg_authid'::regclass and r.rolname = " + name
                + "\n      and d.dbid <> (select oid from pg_catalog.pg_database where datname = current_database()))"
                + " then\n    raise notice 'role % is kept: another database of the cluster uses it', " + name
                + ";\n  else\n    " + drop + ";\n  end if;\nend $sleet$";
    }

    static String alterRole(RoleSnapshot role) {
        return text(ctx().sql("alter role ").identifier(role.name()).sql(' ').sql(roleAttributes(role)));
    }

    private static String roleAttributes(RoleSnapshot r) {
        return (r.login() ? "login" : "nologin") + (r.createDb() ? " createdb" : " nocreatedb")
                + (r.createRole() ? " createrole" : " nocreaterole") + (r.inherit() ? " inherit" : " noinherit")
                + (r.bypassRls() ? " bypassrls" : " nobypassrls");
    }

    // ------------------------------------------------------------------------------------------ sequences

    static List<String> createSequence(SequenceSnapshot q) {
        RenderContext ctx = ctx().sql("create sequence ").qualified(q.schema(), q.name()).sql(" as ")
                .sql(sequenceType(q));
        String options = sequenceOptions(q, null);
        if (!options.isEmpty()) {
            ctx.sql(' ').sql(options);
        }
        List<String> out = new ArrayList<>();
        out.add(text(ctx));
        if (q.comment() != null) {
            out.add(comment(new CommentTarget("sequence", q.schema(), q.name(), null), q.comment()));
        }
        return out;
    }

    static String dropSequence(SequenceSnapshot q) {
        return text(ctx().sql("drop sequence ").qualified(q.schema(), q.name()));
    }

    /** Sets what differs from {@code from}; an option that is no longer set goes back to PostgreSQL's default. */
    static String alterSequence(SequenceSnapshot from, SequenceSnapshot to) {
        RenderContext ctx = ctx().sql("alter sequence ").qualified(to.schema(), to.name());
        if (!from.type().equals(to.type())) {
            ctx.sql(" as ").sql(sequenceType(to));
        }
        String options = sequenceOptions(to, from);
        if (!options.isEmpty()) {
            ctx.sql(' ').sql(options);
        }
        return text(ctx);
    }

    private static String sequenceType(SequenceSnapshot q) {
        if (!SEQUENCE_TYPES.contains(q.type())) {
            throw new IllegalArgumentException("sequence \"" + q.qualifiedName() + "\": type \"" + q.type()
                    + "\" is not one of " + SEQUENCE_TYPES);
        }
        return q.type();
    }

    /**
     * The options of {@code q}; with {@code from}, only those that differ, unset ones written as their
     * defaults ({@code no minvalue}, {@code cache 1}) so that down restores the exact catalog.
     */
    private static String sequenceOptions(SequenceSnapshot q, SequenceSnapshot from) {
        List<String> out = new ArrayList<>();
        boolean alter = from != null;
        if (!alter || !Objects.equals(from.increment(), q.increment())) {
            if (q.increment() != null || alter) {
                out.add("increment by " + (q.increment() == null ? 1 : q.increment()));
            }
        }
        // a bound follows the type when unset, so a type change resets unset bounds too
        boolean typeChanged = alter && !from.type().equals(q.type());
        if (!alter || typeChanged || !Objects.equals(from.minValue(), q.minValue())) {
            if (q.minValue() != null) {
                out.add("minvalue " + q.minValue());
            } else if (alter) {
                out.add("no minvalue");
            }
        }
        if (!alter || typeChanged || !Objects.equals(from.maxValue(), q.maxValue())) {
            if (q.maxValue() != null) {
                out.add("maxvalue " + q.maxValue());
            } else if (alter) {
                out.add("no maxvalue");
            }
        }
        if (!alter || !Objects.equals(from.start(), q.start()) || !Objects.equals(from.increment(), q.increment())
                || !Objects.equals(from.minValue(), q.minValue()) || !Objects.equals(from.maxValue(), q.maxValue())) {
            if (q.start() != null) {
                out.add("start with " + q.start());
            } else if (alter) {
                long increment = q.increment() == null ? 1 : q.increment();
                out.add("start with " + (increment > 0 ? (q.minValue() == null ? 1 : q.minValue())
                        : (q.maxValue() == null ? -1 : q.maxValue())));
            }
        }
        if (!alter || !Objects.equals(from.cache(), q.cache())) {
            if (q.cache() != null || alter) {
                out.add("cache " + (q.cache() == null ? 1 : q.cache()));
            }
        }
        if (!alter ? q.cycle() : from.cycle() != q.cycle()) {
            out.add(q.cycle() ? "cycle" : "no cycle");
        }
        return String.join(" ", out);
    }

    // ------------------------------------------------------------------------------------------ views

    static List<String> createView(ViewSnapshot v) {
        RenderContext ctx = ctx().sql(v.materialized() ? "create materialized view " : "create view ")
                .qualified(v.schema(), v.name());
        if (v.securityInvoker()) {
            ctx.sql(" with (security_invoker = true)");
        }
        ctx.sql(" as\n").rawSql(v.definition());
        if (v.withNoData()) {
            ctx.sql("\nwith no data");
        }
        List<String> out = new ArrayList<>();
        out.add(text(ctx));
        if (v.comment() != null) {
            out.add(comment(new CommentTarget(v.kind(), v.schema(), v.name(), null), v.comment()));
        }
        return out;
    }

    static String dropView(ViewSnapshot v) {
        return text(ctx().sql(v.materialized() ? "drop materialized view " : "drop view ")
                .qualified(v.schema(), v.name()));
    }

    // ------------------------------------------------------------------------------------------ tables

    /** What a created table carries besides columns and constraints: comments and row-level security. */
    static List<String> tableExtras(TableSnapshot t) {
        List<String> out = new ArrayList<>();
        if (t.comment() != null) {
            out.add(comment(new CommentTarget("table", t.schema(), t.name(), null), t.comment()));
        }
        for (ColumnSnapshot c : t.columns()) {
            if (c.comment() != null) {
                out.add(comment(new CommentTarget("column", t.schema(), t.name(), c.name()), c.comment()));
            }
        }
        TableName name = new TableName(t.schema(), t.name());
        if (t.rowLevelSecurity()) {
            out.add(rowLevelSecurity(name, "enable"));
        }
        if (t.forceRowLevelSecurity()) {
            out.add(rowLevelSecurity(name, "force"));
        }
        return out;
    }

    /** The statements that take a table's row-level security from one state to another. */
    static List<String> alterRowLevelSecurity(TableName table, boolean enabledBefore, boolean forcedBefore,
                                              boolean enabled, boolean forced) {
        List<String> out = new ArrayList<>();
        if (enabledBefore != enabled) {
            out.add(rowLevelSecurity(table, enabled ? "enable" : "disable"));
        }
        if (forcedBefore != forced) {
            out.add(rowLevelSecurity(table, forced ? "force" : "no force"));
        }
        return out;
    }

    private static String rowLevelSecurity(TableName table, String action) {
        return text(ctx().sql("alter table ").qualified(table.schema(), table.name()).sql(' ').sql(action)
                .sql(" row level security"));
    }

    // ------------------------------------------------------------------------------------------ policies

    static String createPolicy(TableName table, PolicySnapshot p) {
        if (!POLICY_AS.contains(p.as()) || !POLICY_COMMANDS.contains(p.command())) {
            throw new IllegalArgumentException("policy \"" + p.name() + "\" on " + table + ": \"as " + p.as()
                    + " for " + p.command() + "\" is not a PostgreSQL policy kind");
        }
        RenderContext ctx = ctx().sql("create policy ").identifier(p.name()).sql(" on ")
                .qualified(table.schema(), table.name()).sql(" as ").sql(p.as()).sql(" for ").sql(p.command())
                .sql(" to ");
        for (int i = 0; i < p.roles().size(); i++) {
            if (i > 0) {
                ctx.sql(", ");
            }
            PgRole.renderName(ctx, p.roles().get(i));
        }
        if (p.using() != null) {
            ctx.sql(" using (").rawSql(p.using()).sql(')');
        }
        if (p.withCheck() != null) {
            ctx.sql(" with check (").rawSql(p.withCheck()).sql(')');
        }
        return text(ctx);
    }

    static String dropPolicy(TableName table, PolicySnapshot p) {
        return text(ctx().sql("drop policy ").identifier(p.name()).sql(" on ")
                .qualified(table.schema(), table.name()));
    }

    // ------------------------------------------------------------------------------------------ comments

    static String comment(CommentTarget target, String text) {
        RenderContext ctx = ctx().sql("comment on ").sql(target.kind()).sql(' ')
                .qualified(target.schema(), target.name());
        if (target.column() != null) {
            ctx.sql('.').identifier(target.column());
        }
        ctx.sql(" is ");
        return text(text == null ? ctx.sql("null") : ctx.stringLiteral(text));
    }
}
