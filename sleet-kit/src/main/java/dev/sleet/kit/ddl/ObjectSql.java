package dev.sleet.kit.ddl;

import dev.sleet.ddl.ObjectDdl;
import dev.sleet.kit.diff.CommentTarget;
import dev.sleet.kit.diff.TableName;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.PolicySnapshot;
import dev.sleet.kit.snapshot.RoleSnapshot;
import dev.sleet.kit.snapshot.SequenceSnapshot;
import dev.sleet.kit.snapshot.TableSnapshot;
import dev.sleet.kit.snapshot.ViewSnapshot;
import dev.sleet.schema.IdentityOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The statements of the objects around tables, from snapshots: roles, sequences, views, row-level security,
 * policies and comments. The SQL itself comes from {@link ObjectDdl}, shared with {@code SchemaDdl}.
 */
final class ObjectSql {

    private ObjectSql() {
    }

    static String createRole(RoleSnapshot role) {
        return ObjectDdl.createRole(role.name(), attributes(role));
    }

    static String dropRole(RoleSnapshot role) {
        return ObjectDdl.dropRole(role.name());
    }

    static String alterRole(RoleSnapshot role) {
        return ObjectDdl.alterRole(role.name(), attributes(role));
    }

    private static String attributes(RoleSnapshot r) {
        return ObjectDdl.roleAttributes(r.login(), r.createDb(), r.createRole(), r.inherit(), r.bypassRls());
    }

    static List<String> createSequence(SequenceSnapshot q) {
        List<String> out = new ArrayList<>();
        out.add(ObjectDdl.createSequence(q.schema(), q.name(), q.type(), new IdentityOptions(q.start(), q.increment(),
                q.minValue(), q.maxValue(), q.cache(), q.cycle())));
        if (q.comment() != null) {
            out.add(comment(new CommentTarget("sequence", q.schema(), q.name(), null), q.comment()));
        }
        return out;
    }

    static String dropSequence(SequenceSnapshot q) {
        return ObjectDdl.dropSequence(q.schema(), q.name());
    }

    /**
     * Sets what differs from {@code from}; an option no longer set goes back to PostgreSQL's default, written
     * out ({@code no minvalue}, {@code cache 1}) so that down restores the exact catalog.
     */
    static String alterSequence(SequenceSnapshot from, SequenceSnapshot to) {
        List<String> out = new ArrayList<>();
        boolean typeChanged = !from.type().equals(to.type());
        if (typeChanged) {
            out.add("as " + ObjectDdl.sequenceType(to.name(), to.type()));
        }
        if (!Objects.equals(from.increment(), to.increment())) {
            out.add("increment by " + (to.increment() == null ? 1 : to.increment()));
        }
        // an unset bound follows the type, so a type change resets unset bounds too
        if (typeChanged || !Objects.equals(from.minValue(), to.minValue())) {
            out.add(to.minValue() == null ? "no minvalue" : "minvalue " + to.minValue());
        }
        if (typeChanged || !Objects.equals(from.maxValue(), to.maxValue())) {
            out.add(to.maxValue() == null ? "no maxvalue" : "maxvalue " + to.maxValue());
        }
        if (!Objects.equals(from.start(), to.start()) || !Objects.equals(from.increment(), to.increment())
                || !Objects.equals(from.minValue(), to.minValue()) || !Objects.equals(from.maxValue(), to.maxValue())) {
            out.add("start with " + start(to.start(), to.increment(), to.minValue(), to.maxValue()));
        }
        if (!Objects.equals(from.cache(), to.cache())) {
            out.add("cache " + (to.cache() == null ? 1 : to.cache()));
        }
        if (from.cycle() != to.cycle()) {
            out.add(to.cycle() ? "cycle" : "no cycle");
        }
        return ObjectDdl.alterSequence(to.schema(), to.name(), out);
    }

    /**
     * The start value a sequence has: the one set, else PostgreSQL's default, the minimum for an ascending
     * sequence and the maximum for a descending one. Identity columns and sequences share the rule.
     */
    static long start(Long start, Long increment, Long minValue, Long maxValue) {
        if (start != null) {
            return start;
        }
        return (increment == null || increment > 0) ? (minValue == null ? 1 : minValue)
                : (maxValue == null ? -1 : maxValue);
    }

    static List<String> createView(ViewSnapshot v) {
        List<String> out = new ArrayList<>();
        out.add(ObjectDdl.createView(v.schema(), v.name(), v.materialized(), v.definition(), v.securityInvoker(),
                v.withNoData()));
        if (v.comment() != null) {
            out.add(comment(new CommentTarget(v.kind(), v.schema(), v.name(), null), v.comment()));
        }
        return out;
    }

    static String dropView(ViewSnapshot v) {
        return ObjectDdl.dropView(v.schema(), v.name(), v.materialized());
    }

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
        if (t.rowLevelSecurity()) {
            out.add(ObjectDdl.rowLevelSecurity(t.schema(), t.name(), "enable"));
        }
        if (t.forceRowLevelSecurity()) {
            out.add(ObjectDdl.rowLevelSecurity(t.schema(), t.name(), "force"));
        }
        return out;
    }

    /** The statements that take a table's row-level security from one state to another. */
    static List<String> alterRowLevelSecurity(TableName table, boolean enabledBefore, boolean forcedBefore,
                                              boolean enabled, boolean forced) {
        List<String> out = new ArrayList<>();
        if (enabledBefore != enabled) {
            out.add(ObjectDdl.rowLevelSecurity(table.schema(), table.name(), enabled ? "enable" : "disable"));
        }
        if (forcedBefore != forced) {
            out.add(ObjectDdl.rowLevelSecurity(table.schema(), table.name(), forced ? "force" : "no force"));
        }
        return out;
    }

    static String createPolicy(TableName table, PolicySnapshot p) {
        return ObjectDdl.createPolicy(table.schema(), table.name(), p.name(), p.as(), p.command(), p.roles(),
                p.using(), p.withCheck());
    }

    static String dropPolicy(TableName table, PolicySnapshot p) {
        return ObjectDdl.dropPolicy(table.schema(), table.name(), p.name());
    }

    static String comment(CommentTarget target, String text) {
        return ObjectDdl.comment(target.kind(), target.schema(), target.name(), target.column(), text);
    }
}
