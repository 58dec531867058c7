package dev.sleet.internal.query;

import dev.sleet.query.Condition;
import dev.sleet.query.Field;
import dev.sleet.query.SortField;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderContext;
import dev.sleet.schema.Column;
import dev.sleet.schema.Relation;
import dev.sleet.schema.Relations;
import dev.sleet.schema.Table;
import dev.sleet.schema.column.BigintType;
import dev.sleet.schema.column.BooleanType;
import dev.sleet.schema.column.CharacterType;
import dev.sleet.schema.column.ColumnType;
import dev.sleet.schema.column.EnumType;
import dev.sleet.schema.column.IntegerType;
import dev.sleet.schema.column.NumericType;
import dev.sleet.schema.column.SmallintType;
import dev.sleet.schema.column.TextType;
import dev.sleet.schema.column.UuidType;
import dev.sleet.schema.column.VarcharType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one statement of a relational query. The root level is a plain select of its columns and extras; each
 * relation is a {@code left join lateral} subquery that returns its rows as one JSON value: a row is a JSON
 * array of its columns and extras, each in PostgreSQL's text form (as a JSON number, boolean or string where
 * that is the same text, cast with {@code ::text} otherwise), followed by its own relations; a list relation is
 * a JSON array of such rows, in the level's order, a single relation a row or {@code null}.
 * {@link GraphDecoder} reads it back with each column's type.
 *
 * <p>A level with an order, a limit or an offset is first sorted and cut down in a subquery, so that the
 * relations beneath are loaded for the rows that remain, not for every candidate.
 */
final class RelationalStatement implements QueryPart {

    /** PostgreSQL functions take at most 100 arguments; wider rows are built as arrays of chunks. */
    static final int CHUNK = 100;

    private final LevelSpec root;
    private final boolean first;

    RelationalStatement(LevelSpec root, boolean first) {
        this.root = root;
        this.first = first;
    }

    @Override
    public void render(RenderContext ctx) {
        new Writer(ctx).root(root, first);
    }

    /** The level that {@code related(...)} conditions written in it belong to. */
    record Scope(Relations relations, Table table, String alias, Writer writer) {
    }

    /** Renders one statement; hands out the aliases, which are unique within it. */
    static final class Writer {

        private final RenderContext ctx;
        private int next;

        Writer(RenderContext ctx) {
            this.ctx = ctx;
        }

        private String alias(String prefix) {
            return prefix + next++;
        }

        void root(LevelSpec level, boolean first) {
            String t = alias("t");
            int limit = first ? Math.min(level.limit < 0 ? 1 : level.limit, 1) : level.limit;
            List<String> joined = childAliases(level);
            inLevel(level.relations, level.table, t, () -> {
                ctx.sql("select ");
                boolean any = false;
                for (Column<?> c : level.selectedColumns()) {
                    any = comma(any);
                    ctx.visit(c);
                }
                for (Field<?> e : level.extras) {
                    any = comma(any);
                    ctx.visit(LevelSpec.extraExpression(e)).sql(" as ").identifier(LevelSpec.extraName(e));
                }
                for (String r : joined) {
                    any = comma(any);
                    ctx.identifier(r).sql(".\"data\"");
                }
                ctx.sql(" from ");
                rows(level, t, null, null, limit >= 0 || level.offset > 0, limit, joined);
                orderBy(level.orderBy);
            });
        }

        /**
         * The lateral subquery of one relation, returning its rows as the column {@code "data"}: for a list,
         * {@code select coalesce(json_agg(json_build_array(...)), '[]') from (<the related rows, ordered and cut>)
         * left join lateral <their relations>}; for a single row, {@code select json_build_array(...) ... limit 1}.
         *
         * <p>A list's order is its subquery's {@code order by}: {@code json_agg} takes its rows in the order the
         * sorted subquery returns them, since only nested loops (the lateral joins, which keep the order of their
         * outer side) stand between them. An {@code order by} inside {@code json_agg} would sort each parent's
         * rows a second time.
         */
        private void relation(LevelSpec level, String parent) {
            boolean many = level.relation.kind() == Relation.Kind.MANY;
            String t = alias("t");
            boolean cut = level.limit >= 0 || level.offset > 0 || many && !level.orderBy.isEmpty();
            List<String> joined = childAliases(level);
            String junction = level.relation.isThrough() ? alias("j") : null;
            inLevel(level.relations, level.table, t, () -> {
                ctx.sql(many ? "select coalesce(json_agg(" : "select ");
                jsonRow(level, joined);
                ctx.sql(many ? "), '[]'::json) as \"data\" from " : " as \"data\" from ");
                rows(level, t, parent, junction, cut, level.limit, joined);
                if (!many) {
                    if (!cut) {
                        orderBy(level.orderBy);
                    }
                    ctx.sql(" limit 1");
                }
            });
        }

        /**
         * The level's rows and their relations: {@code <table> left join lateral ... where <link> and <where>}, or,
         * when {@code cut}, the table first sorted, limited and offset in a subquery under the same alias, so that
         * the relations beneath are loaded for the rows that remain.
         */
        private void rows(LevelSpec level, String t, String parent, String junction, boolean cut, int limit,
                          List<String> joined) {
            if (cut) {
                ctx.sql("(select ").identifier(t).sql(".* from ");
                target(level.table, level.relation, t, junction);
                where(level, parent, junction);
                orderBy(level.orderBy);
                SelectImpl.limitOffset(ctx, limit < 0 ? null : (long) limit,
                        level.offset > 0 ? (long) level.offset : null);
                ctx.sql(") as ").identifier(t);
            } else {
                target(level.table, level.relation, t, junction);
            }
            joins(level, t, joined);
            if (!cut) {
                where(level, parent, junction);
            }
        }

        /** Renders {@code body} with the level's table under its alias and the level as {@code related}'s scope. */
        private void inLevel(Relations relations, Table table, String t, Runnable body) {
            Map<Table, String> aliases = ctx.alias(table, t);
            Object enclosing = ctx.enclosing(new Scope(relations, table, t, this));
            try {
                body.run();
            } finally {
                ctx.enclosing(enclosing);
                ctx.restoreAliases(aliases);
            }
        }

        /** {@code json_build_array(col::text, ..., (extra)::text, ..., "r1"."data", ...)}, in chunks if wide. */
        private void jsonRow(LevelSpec level, List<String> joined) {
            List<Runnable> slots = new ArrayList<>();
            for (Column<?> c : level.selectedColumns()) {
                slots.add(() -> {
                    ctx.visit(c);
                    if (!jsonIsText(c.type())) {
                        ctx.sql("::text");
                    }
                });
            }
            for (Field<?> e : level.extras) {
                slots.add(() -> ctx.sql('(').visit(LevelSpec.extraExpression(e)).sql(")::text"));
            }
            for (String r : joined) {
                slots.add(() -> ctx.identifier(r).sql(".\"data\""));
            }
            boolean chunked = slots.size() > CHUNK;
            if (chunked) {
                ctx.sql("json_build_array(");
            }
            for (int start = 0; start == 0 || start < slots.size(); start += CHUNK) {
                if (start > 0) {
                    ctx.sql(", ");
                }
                ctx.sql("json_build_array(");
                for (int i = start; i < Math.min(slots.size(), start + CHUNK); i++) {
                    if (i > start) {
                        ctx.sql(", ");
                    }
                    slots.get(i).run();
                }
                ctx.sql(')');
            }
            if (chunked) {
                ctx.sql(')');
            }
        }

        /**
         * Whether PostgreSQL's JSON form of a column's values is its text form, so the {@code ::text} cast can be
         * left out: numbers (JSON numbers with the same digits), booleans ({@code true}/{@code false}), and
         * strings, uuids and enum labels (JSON strings of the same text). Timestamps ({@code T} in JSON), arrays and
         * json (nested JSON) are cast.
         */
        private static boolean jsonIsText(ColumnType<?> type) {
            return type instanceof SmallintType || type instanceof IntegerType || type instanceof BigintType
                    || type instanceof NumericType || type instanceof BooleanType || type instanceof TextType
                    || type instanceof VarcharType || type instanceof CharacterType || type instanceof UuidType
                    || type instanceof EnumType<?>;
        }

        /** A level's table under its alias, joined to the junction table of a many-to-many relation. */
        private void target(Table table, Relation r, String t, String junction) {
            ctx.fromItem(table, t);
            if (junction != null) {
                ctx.sql(" inner join ").fromItem(r.junction(), junction).sql(" on ");
                pairs(junction, r.junctionTarget(), t, r.targetColumns());
            }
        }

        /** {@code where <link to the parent row> and (<condition>) and ...}. */
        private void where(LevelSpec level, String parent, String junction) {
            boolean any = false;
            if (parent != null) {
                ctx.sql(" where ");
                link(level.relation, parent, ctx.qualifier(level.table), junction);
                any = true;
            }
            for (Condition c : level.where) {
                ctx.sql(any ? " and (" : " where (").visit(c).sql(')');
                any = true;
            }
        }

        private void link(Relation r, String parent, String t, String junction) {
            if (junction != null) {
                pairs(junction, r.junctionSource(), parent, r.sourceColumns());
            } else {
                pairs(t, r.targetColumns(), parent, r.sourceColumns());
            }
        }

        private void pairs(String left, List<Column<?>> leftColumns, String right, List<Column<?>> rightColumns) {
            for (int i = 0; i < leftColumns.size(); i++) {
                if (i > 0) {
                    ctx.sql(" and ");
                }
                ctx.identifier(left).sql('.').identifier(leftColumns.get(i).name()).sql(" = ")
                        .identifier(right).sql('.').identifier(rightColumns.get(i).name());
            }
        }

        private void joins(LevelSpec level, String t, List<String> joined) {
            int i = 0;
            for (LevelSpec child : level.with.values()) {
                ctx.sql(" left join lateral (");
                relation(child, t);
                ctx.sql(") as ").identifier(joined.get(i++)).sql(" on true");
            }
        }

        private List<String> childAliases(LevelSpec level) {
            List<String> list = new ArrayList<>(level.with.size());
            for (int i = 0; i < level.with.size(); i++) {
                list.add(alias("r"));
            }
            return list;
        }

        private void orderBy(List<SortField> order) {
            for (int k = 0; k < order.size(); k++) {
                ctx.sql(k == 0 ? " order by " : ", ").visit(order.get(k));
            }
        }

        private boolean comma(boolean any) {
            if (any) {
                ctx.sql(", ");
            }
            return true;
        }

        /**
         * {@code exists (select 1 from <target> where <link> and (<condition>))}: the row of {@code scope} has a
         * related row meeting the condition.
         */
        void exists(Scope scope, String name, Condition condition) {
            Relation r = scope.relations().relation(scope.table(), name);
            String t = alias("t");
            String junction = r.isThrough() ? alias("j") : null;
            ctx.sql("exists (select 1 from ");
            target(r.target(), r, t, junction);
            ctx.sql(" where ");
            link(r, scope.alias(), t, junction);
            if (condition != null) {
                inLevel(scope.relations(), r.target(), t, () -> ctx.sql(" and (").visit(condition).sql(')'));
            }
            ctx.sql(')');
        }
    }
}
