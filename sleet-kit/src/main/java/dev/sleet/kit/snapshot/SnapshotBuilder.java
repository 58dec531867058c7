package dev.sleet.kit.snapshot;

import dev.sleet.render.ParamStyle;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.CheckConstraint;
import dev.sleet.schema.Column;
import dev.sleet.schema.ForeignKey;
import dev.sleet.schema.Grant;
import dev.sleet.schema.Identity;
import dev.sleet.schema.IdentityOptions;
import dev.sleet.schema.Index;
import dev.sleet.schema.PgEnum;
import dev.sleet.schema.PgRole;
import dev.sleet.schema.PgSequence;
import dev.sleet.schema.PgView;
import dev.sleet.schema.Policy;
import dev.sleet.schema.Privilege;
import dev.sleet.schema.Schema;
import dev.sleet.schema.Table;
import dev.sleet.schema.UniqueConstraint;
import dev.sleet.schema.column.ArrayType;
import dev.sleet.schema.column.EnumType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Makes the {@link Snapshot} of a schema declared in Java. Types, defaults and index elements are rendered
 * with the same renderer as the DDL Sleet runs, so the snapshot says exactly what the database gets.
 * Lists are sorted (tables, enums, sequences, roles, constraints, indexes and policies by name; columns and
 * views keep their declared order, which for views is their dependency order), so
 * the same schema always gives the same snapshot.
 */
public final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    /**
     * Builds the snapshot of a schema.
     *
     * @param schema the tables and enums, e.g. {@code Schema.of(AppSchema.class)}
     * @return the snapshot, without migration ids
     */
    public static Snapshot of(Schema schema) {
        TreeSet<String> schemas = new TreeSet<>(schema.schemaNames());
        // the enums listed, and those the columns use: a Schema built by hand may not list them
        java.util.Set<PgEnum<?>> used = new java.util.LinkedHashSet<>(schema.enums());
        for (Table t : schema.tables()) {
            for (Column<?> c : t.columns()) {
                if (c.type() instanceof EnumType<?> et) {
                    used.add(et.pgEnum());
                } else if (c.type() instanceof ArrayType<?> at && at.element() instanceof EnumType<?> et) {
                    used.add(et.pgEnum());
                }
            }
        }
        List<EnumSnapshot> enums = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (PgEnum<?> e : used) {
            if (seen.add(key(e.schema(), e.name()))) {
                enums.add(new EnumSnapshot(e.schema(), e.name(), e.labels()));
            }
            if (e.schema() != null) {
                schemas.add(e.schema());
            }
        }
        enums.sort(Comparator.comparing((EnumSnapshot e) -> key(e.schema(), e.name())));
        List<TableSnapshot> tables = new ArrayList<>();
        for (Table t : schema.tables()) {
            tables.add(table(t));
        }
        tables.sort(Comparator.comparing((TableSnapshot t) -> key(t.schema(), t.name())));
        List<RoleSnapshot> roles = new ArrayList<>();
        for (PgRole r : schema.roles()) {
            if (!r.isExisting()) {
                roles.add(new RoleSnapshot(r.name(), r.canLogin(), r.canCreateDb(), r.canCreateRole(), r.inherits(),
                        r.bypassesRls()));
            }
        }
        roles.sort(Comparator.comparing(RoleSnapshot::name));
        List<SequenceSnapshot> sequences = new ArrayList<>();
        for (PgSequence q : schema.sequences()) {
            IdentityOptions o = q.options();
            sequences.add(new SequenceSnapshot(q.schema(), q.name(), q.dataType(), o.start(), o.increment(),
                    o.minValue(), o.maxValue(), o.cache(), o.cycle(), q.comment()));
        }
        sequences.sort(Comparator.comparing((SequenceSnapshot q) -> key(q.schema(), q.name())));
        List<ViewSnapshot> views = new ArrayList<>();
        for (PgView v : schema.views()) {
            views.add(new ViewSnapshot(v.schema(), v.name(), v.isMaterialized(), v.definition(),
                    v.isSecurityInvoker(), v.isWithNoData(), v.comment()));
        }
        return new Snapshot(Snapshot.FORMAT_VERSION, null, null, roles, List.copyOf(schemas), enums, sequences,
                tables, views);
    }

    private static TableSnapshot table(Table t) {
        List<ColumnSnapshot> columns = new ArrayList<>();
        for (Column<?> c : t.columns()) {
            columns.add(new ColumnSnapshot(c.name(), sql(c.type()::renderTypeName), c.isNotNull(),
                    c.defaultValue() == null ? null : sql(c.defaultValue()), identity(c.identity()),
                    c.generatedExpression(), c.previousName(), c.comment()));
        }
        PrimaryKeySnapshot pk = t.primaryKey() == null ? null
                : new PrimaryKeySnapshot(t.primaryKey().name(), names(t.primaryKey().columns()));
        List<UniqueSnapshot> uniques = new ArrayList<>();
        for (UniqueConstraint u : t.uniqueConstraints()) {
            uniques.add(new UniqueSnapshot(u.name(), names(u.columns()), u.nullsNotDistinct()));
        }
        uniques.sort(Comparator.comparing(UniqueSnapshot::name));
        List<ForeignKeySnapshot> fks = new ArrayList<>();
        for (ForeignKey fk : t.foreignKeys()) {
            fks.add(new ForeignKeySnapshot(fk.name(), names(fk.columns()), fk.targetTable().schema(),
                    fk.targetTable().name(), names(fk.targets()), fk.onDelete().sql(), fk.onUpdate().sql()));
        }
        fks.sort(Comparator.comparing(ForeignKeySnapshot::name));
        List<CheckSnapshot> checks = new ArrayList<>();
        for (CheckConstraint c : t.checks()) {
            checks.add(new CheckSnapshot(c.name(), c.sql()));
        }
        checks.sort(Comparator.comparing(CheckSnapshot::name));
        List<IndexSnapshot> indexes = new ArrayList<>();
        for (Index i : t.indexes()) {
            List<String> elements = new ArrayList<>();
            for (var e : i.elements()) {
                RenderContext ctx = new RenderContext(ParamStyle.INLINE);
                ctx.withQualification(false, e);
                elements.add(ctx.result().sql());
            }
            indexes.add(new IndexSnapshot(i.name(), i.unique(), i.method(), elements, i.where(), i.concurrently(),
                    i.nullsNotDistinct()));
        }
        indexes.sort(Comparator.comparing(IndexSnapshot::name));
        List<PolicySnapshot> policies = new ArrayList<>();
        for (Policy p : t.policies()) {
            List<String> roles = new ArrayList<>(p.roles());
            roles.sort(null);
            policies.add(new PolicySnapshot(p.name(), p.as().sql(), p.command().sql(), roles, p.using(),
                    p.withCheck()));
        }
        policies.sort(Comparator.comparing(PolicySnapshot::name));
        List<GrantSnapshot> grants = new ArrayList<>();
        for (Grant g : t.grants()) {
            grants.add(new GrantSnapshot(g.role(), g.privileges().stream().map(Privilege::sql)
                    .toList()));
        }
        return new TableSnapshot(t.schema(), t.name(), t.previousName(), columns, pk, uniques, fks, checks, indexes,
                t.isRowLevelSecurityEnabled(), t.isRowLevelSecurityForced(), policies, t.comment(), grants);
    }

    private static IdentitySnapshot identity(Identity identity) {
        if (identity == null) {
            return null;
        }
        IdentityOptions o = identity.options();
        return new IdentitySnapshot(identity.always(), o.start(), o.increment(), o.minValue(), o.maxValue(), o.cache(),
                o.cycle());
    }

    private static List<String> names(List<Column<?>> columns) {
        List<String> out = new ArrayList<>(columns.size());
        for (Column<?> c : columns) {
            out.add(c.name());
        }
        return out;
    }

    /** Renders a part as DDL text: literals inline, identifiers quoted. */
    private static String sql(QueryPart part) {
        return RenderContext.render(part, ParamStyle.INLINE).sql();
    }

    private static String key(String schema, String name) {
        return (schema == null ? "" : schema) + "\u0000" + name;
    }
}
